/**
 * Runs the in-editor suites in a real VS Code without internet: code-server (VS Code 1.139.1
 * from the npm registry, cached by scripts/vscode-host.sh) with the packaged Roadmark VSIX and
 * the test-only extension, driven by Debian's Chromium. After the suites, the same browser
 * takes the screenshots and checks the timeline webview. Exit code 1 on any failure.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/browser';
import { takeScreenshots } from '../e2e/vscode-screenshots';
import { checkPreviewInVsCode } from '../e2e/vscode-preview';
import { checkTimelineInVsCode } from '../e2e/vscode-timeline';
import { checkWalkthrough } from '../e2e/vscode-walkthrough';
import { locateCodeServer, Profile, RESULTS, ROOT, sh, startCodeServer, tail, TIMEOUT_MS, waitForFile, type RunningServer } from './code-server';
import type { SuiteReport } from './host/run-suites';

/** bench/editor.ts: open this folder instead of the example and run the in-editor benchmark, not the suites. */
const BENCH_WORKSPACE = process.env.ROADMARK_BENCH_WORKSPACE;

async function main(): Promise<number> {
  const install = locateCodeServer();
  const { version } = install;

  sh('npm', ['run', '--silent', 'package']);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const vsix = join(ROOT, `roadmark-${pkg.version}.vsix`);
  sh(process.execPath, ['test/vscode/build-host.mjs']);
  const testVsix = join(ROOT, '.cache/roadmark-tests.vsix');
  sh(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', testVsix], { cwd: join(ROOT, '.cache/test-host') });

  const tmp = mkdtempSync(join(tmpdir(), 'roadmark-vscode-'));
  const workspace = join(tmp, 'examples');
  const report = join(tmp, 'report.json');
  cpSync(BENCH_WORKSPACE ?? join(ROOT, 'examples'), workspace, { recursive: true });
  if (!BENCH_WORKSPACE) commitWorkspace(workspace);
  const profile = new Profile(install, tmp);
  // The drift suites read the workspace's git history through the built-in Git extension.
  profile.settings({ 'git.enabled': true, 'git.autofetch': false, 'git.openRepositoryInParentFolders': 'never', 'git.showProgress': false });
  profile.installExtensions(vsix, testVsix);

  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer(profile, { folder: workspace, env: { ROADMARK_TEST_REPORT: report, ROADMARK_TEST_HOST: `code-server ${version}`, ...(BENCH_WORKSPACE ? { ROADMARK_BENCH: '1' } : {}) } });
    const running = server;
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    const started = Date.now();
    await page.goto(running.url(workspace));
    try {
      await waitForFile(report, TIMEOUT_MS, () => !running.exited());
    } catch (e) {
      mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: join(RESULTS, 'vscode-timeout.png') }).catch(() => undefined);
      console.error(running.log().split('\n').slice(-40).join('\n'));
      console.error(tail(profile.userData, /exthost\.log$|remoteexthost\.log$|Roadmark.*\.log$/));
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
    const walkthrough = await checkWalkthrough(page, workspace, RESULTS);
    const preview = await checkPreviewInVsCode(page, workspace, RESULTS);
    const e2e = [...shots, ...timeline, ...walkthrough, ...preview];
    for (const c of e2e) console.log(`  ${c.ok ? '✔' : '✘'} e2e: ${c.name}${c.error ? `\n      ${c.error}` : ''}`);
    const passed = result.passes + e2e.filter((c) => c.ok).length;
    const failed = result.failures + e2e.filter((c) => !c.ok).length;
    if (failed) console.error(tail(profile.userData, /exthost\.log$|Roadmark.*\.log$/, 30));
    console.log(`\nvscode (code-server ${version}, VS Code ${result.vscodeVersion}): ${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
  } finally {
    await browser?.close().catch(() => undefined);
    server?.stop();
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
