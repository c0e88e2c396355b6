/**
 * Runs Roadmark's `browser` entry (dist/web/extension.js) in a real VS Code web worker extension
 * host, offline: code-server (VS Code 1.139.1 from the npm registry, cached by
 * scripts/vscode-host.sh) with the user setting `"remote.extensionKind": {"roadmark.roadmark":
 * ["web"], …}`, which makes the workbench run the extension in the browser's web worker instead of
 * the Node extension host, driven by Debian's Chromium. A test-only web extension
 * (test/vscode/host-web) runs in the same worker:
 *   1. in a workspace with no plan files (Markdown only), the activation probe;
 *   2. in the example workspace, the shared in-editor suites that apply in the web;
 *   3. then, with the setting switched to ["workspace"], in a new window of the same server, the
 *      probe against the desktop `main` entry in the Node extension host (and, with
 *      ROADMARK_WEB_DESKTOP_SUITES=1, all the suites there too: `npm run test:vscode` runs them in
 *      that same host with real mocha, so `npm test` does not run them twice);
 *   4. a second server in the `qps-ploc` pseudo locale: Roadmark (web worker again) shows its
 *      pseudo-localised bundles, in its own API and on screen.
 * Each writes a JSON report through workspace.fs. Exit code 1 on any failure.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createContext, runInContext } from 'node:vm';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../e2e/browser';
import { installPseudoLocale, locateCodeServer, Profile, RESULTS, ROOT, sh, startCodeServer, TIMEOUT_MS, waitForFile, type RunningServer } from './code-server';
import type { Mode, WebSuiteReport } from './host-web/index';

const WEB_ENTRY = 'extension/dist/web/extension.js';
/** Markdown files in the probe workspace: enough for the index's walk to cost something. */
const PROBE_FILES = 400;

const kb = (file: string) => `${Math.round(statSync(file).size / 1024)} KiB`;

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

/** Settings of a phase: where both extensions run, and where the test extension reports. */
const phaseSettings = (kind: 'web' | 'workspace', reports: string) => ({
  'remote.extensionKind': { 'roadmark.roadmark': [kind], 'roadmark.roadmark-web-tests': [kind] },
  'roadmarkWebTests.report': reports,
});

/** One server's windows: opens a folder in a new page and waits for the report of its mode. */
function phases(server: RunningServer, browser: BrowserContext, reports: string) {
  const consoleLines: string[] = [];
  const open = async (folder: string): Promise<Page> => {
    const page = await browser.newPage();
    // The worker's console (extension errors) reaches the page's console.
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    await page.goto(server.url(folder));
    return page;
  };
  const wait = async (page: Page, mode: Mode): Promise<WebSuiteReport> => {
    const file = join(reports, `${mode}.json`);
    const failedActivation = () => consoleLines.find((l) => /Activating extension 'roadmark\.[\w-]+' failed/.test(l));
    try {
      await waitForFile(file, TIMEOUT_MS, () => {
        const failed = failedActivation();
        if (failed) throw new Error(failed);
        return !server.exited();
      });
    } catch (e) {
      mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: join(RESULTS, `vscode-web-${mode}-timeout.png`) }).catch(() => undefined);
      console.error(server.log().split('\n').slice(-30).join('\n'));
      console.error(consoleLines.filter((l) => /roadmark|error/i.test(l)).slice(-40).join('\n'));
      throw e;
    }
    return JSON.parse(readFileSync(file, 'utf8')) as WebSuiteReport;
  };
  /** Opens the folder, waits for its report, keeps a screenshot when asked, closes the page. */
  const run = async (folder: string, mode: Mode, screenshot?: string, more?: (page: Page) => Promise<void>): Promise<WebSuiteReport> => {
    const page = await open(folder);
    try {
      const report = await wait(page, mode);
      await more?.(page);
      if (screenshot) {
        mkdirSync(RESULTS, { recursive: true });
        await page.screenshot({ path: join(RESULTS, screenshot) });
      }
      return report;
    } finally {
      await page.close();
    }
  };
  return { run, consoleLines };
}

/** On screen in the pseudo locale: the status bar and the command palette show Roadmark's qps-ploc strings. */
async function pseudoOnScreen(page: Page): Promise<string> {
  const status = page.locator('.statusbar-item', { hasText: '［!!' }).first();
  await status.waitFor({ timeout: 20000 });
  const text = (await status.innerText()).trim();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Open Timeline');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: '［!! Öpéñ Tímélíñé !!］' }).first().waitFor({ timeout: 10000 });
  return text;
}

async function main(): Promise<number> {
  const install = locateCodeServer();
  const { version } = install;

  const vsix = packageRoadmark();
  preflight(join(ROOT, 'dist/web/extension.js'));
  console.log(`  dist/extension.js ${kb(join(ROOT, 'dist/extension.js'))}, dist/web/extension.js ${kb(join(ROOT, 'dist/web/extension.js'))} (production); the web bundle loads with web worker globals only`);
  const testVsix = await packageTestHost();

  const tmp = mkdtempSync(join(tmpdir(), 'roadmark-web-'));
  const reports = join(tmp, 'reports');
  const folder = (name: string, from?: string) => {
    const dir = join(tmp, name);
    if (from) cpSync(from, dir, { recursive: true });
    else probeWorkspace(dir);
    return dir;
  };
  const examples = folder('examples', join(ROOT, 'examples'));
  const noPlans = folder('no-plans');
  const desktopNoPlans = folder('desktop-no-plans');
  const desktopSuites = process.env.ROADMARK_WEB_DESKTOP_SUITES === '1';
  const desktop = desktopSuites ? folder('desktop', join(ROOT, 'examples')) : undefined;
  const pseudo = folder('pseudo-locale', join(ROOT, 'examples'));
  mkdirSync(reports, { recursive: true });
  const profile = new Profile(install, join(tmp, 'profile'));
  profile.settings(phaseSettings('web', reports));
  profile.installExtensions(vsix, testVsix);
  const pseudoProfile = new Profile(install, join(tmp, 'profile-qps-ploc'));
  pseudoProfile.settings(phaseSettings('web', reports));
  pseudoProfile.installExtensions(vsix, testVsix);
  installPseudoLocale(pseudoProfile);

  let browser: Browser | undefined;
  const servers: RunningServer[] = [];
  const consoleLines: string[] = [];
  try {
    // For the desktop phase: Roadmark's parser test seam (Node host only) reads this variable.
    const server = await startCodeServer(profile, { env: { ROADMARK_TEST_REPORT: join(reports, 'seam'), ROADMARK_TEST_HOST: `code-server ${version}` } });
    servers.push(server);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
    const started = Date.now();
    const first = phases(server, context, reports);
    const probe = await first.run(noPlans, 'probe');
    const suites = await first.run(examples, 'suites', 'vscode-web-after-suites.png');
    // The desktop entry in the same server: new windows read the switched setting.
    profile.settings(phaseSettings('workspace', reports));
    const probeNode = await first.run(desktopNoPlans, 'probe-desktop');
    const node = desktop ? await first.run(desktop, 'desktop') : undefined;
    server.stop();

    const pseudoServer = await startCodeServer(pseudoProfile, { args: ['--locale', 'qps-ploc'] });
    servers.push(pseudoServer);
    const second = phases(pseudoServer, context, reports);
    let onScreen: { text?: string; error?: string } = {};
    const l10n = await second.run(pseudo, 'pseudo-locale', 'vscode-web-pseudo-locale.png', async (page) => {
      onScreen = await pseudoOnScreen(page).then((text) => ({ text }), (e: Error) => ({ error: e.message }));
    });
    l10n.tests.push({ title: 'pseudo locale (qps-ploc) on screen: the status bar and the command palette show Roadmark\'s qps-ploc strings', state: onScreen.error ? 'failed' : 'passed', error: onScreen.error });
    if (onScreen.error) l10n.failures++;
    else l10n.passes++;
    l10n.log.push(`on screen in qps-ploc: status bar "${onScreen.text ?? '?'}", command palette "［!! Röádmárk !!］: ［!! Öpéñ Tímélíñé !!］"`);
    consoleLines.push(...first.consoleLines, ...second.consoleLines);

    const all = [probe, suites, probeNode, ...(node ? [node] : []), l10n];
    all.forEach(print);
    console.log(`  (all phases done ${Math.round((Date.now() - started) / 1000)} s after the first page opened)`);
    const passed = all.reduce((n, r) => n + r.passes, 0);
    const failed = all.reduce((n, r) => n + r.failures, 0);
    const skipped = all.reduce((n, r) => n + r.skipped, 0);
    if (failed) console.error(consoleLines.filter((l) => /roadmark/i.test(l)).slice(-30).join('\n'));
    console.log(`\nvscode web worker (code-server ${version}, VS Code ${suites.vscodeVersion}): probe ${probe.passes} passed, ${probe.failures} failed; suites ${suites.passes} passed, ${suites.failures} failed, ${suites.skipped} skipped; pseudo locale ${l10n.passes} passed, ${l10n.failures} failed`);
    console.log(`vscode Node host, same server (desktop main): probe ${probeNode.passes} passed, ${probeNode.failures} failed; ${node ? `suites ${node.passes} passed, ${node.failures} failed, ${node.skipped} skipped` : 'suites: in npm run test:vscode (ROADMARK_WEB_DESKTOP_SUITES=1 runs them here too)'}`);
    console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    return failed ? 1 : 0;
  } finally {
    await browser?.close().catch(() => undefined);
    for (const s of servers) s.stop();
    if (!process.env.ROADMARK_KEEP_VSCODE_TMP) rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e: Error) => {
  console.error(`vscode web worker (code-server): could not run: ${e.message}`);
  process.exit(1);
});
