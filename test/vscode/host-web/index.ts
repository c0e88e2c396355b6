/**
 * A test-only web extension: in the web worker extension host (next to Roadmark's `browser`
 * entry), when the user setting `roadmarkWebTests.report` names a folder, it runs the tests the
 * workspace folder's name asks for, and writes `<mode>.json` there through workspace.fs (the
 * worker has no file system of its own):
 *   `no-plans`          the activation probe (a workspace without plans);
 *   `pseudo-locale`     the checks that the editor shows Roadmark's qps-ploc bundles;
 *   anything else       the in-editor suites of test/vscode/suite that apply in the web.
 * The same bundle is also its `main`, for the Node extension host next to Roadmark's desktop
 * entry: `desktop-no-plans` runs the probe there, `desktop` all the suites. See run-web.ts.
 */
import { loadSharedSuites } from '../suite/all';
import * as vscode from 'vscode';
import { notes } from '../suite/util';
import { MiniMocha, type TestResult } from './mini-mocha';

export type Mode = 'probe' | 'probe-desktop' | 'suites' | 'desktop' | 'pseudo-locale';

const MODES = new Map<string, Mode>([['no-plans', 'probe'], ['desktop-no-plans', 'probe-desktop'], ['desktop', 'desktop'], ['pseudo-locale', 'pseudo-locale']]);

export interface WebSuiteReport {
  mode: Mode;
  host: string;
  vscodeVersion: string;
  passes: number;
  failures: number;
  skipped: number;
  durationMs: number;
  tests: TestResult[];
  log: string[];
}

/** Tests of the shared suites that cannot run in the web worker, and why. */
export const NOT_IN_THE_WEB = new Map<string, string>([
  ['Core engine in the editor a file whose parsing throws is a parse-error there; the other files keep fresh diagnostics',
    'needs the parser test seam, which Roadmark turns on only when process.env.ROADMARK_TEST_REPORT is set: the web worker has no process (the same engine guard runs in the desktop suites)'],
  ['Markdown preview the preview of a plan file shows chips, links across files and the overdue mark; other Markdown is untouched',
    'code-server runs the built-in Markdown extension in the Node extension host only (it ships no browser build of it), and an extension\'s exports (extendMarkdownIt) reach extensions of its own host: with Roadmark in the web worker, its plugin is not asked for. On vscode.dev both run in the worker. The desktop suites and the Node-host pass check it'],
]);

export async function activate(): Promise<void> {
  const dir = vscode.workspace.getConfiguration('roadmarkWebTests').get<string>('report');
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!dir || !folder) return;
  const mode = MODES.get(folder.name) ?? 'suites';
  const inNode = mode === 'desktop' || mode === 'probe-desktop';
  const mocha = new MiniMocha(30000, mode === 'suites' ? NOT_IN_THE_WEB : new Map());
  mocha.install();
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (mode === 'probe' || mode === 'probe-desktop') {
    // First: nothing else may activate Roadmark before the probe opens a Markdown file.
    require('./probe.test');
    require(inNode ? './desktop.test' : './web.test');
  } else if (mode === 'pseudo-locale') {
    require('./web.test');
    require('./pseudo-locale.test');
  } else {
    require(inNode ? './desktop.test' : './web.test');
    loadSharedSuites();
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  const started = Date.now();
  const tests = await mocha.run();
  const report: WebSuiteReport = {
    mode,
    host: `${inNode ? 'Node extension host' : 'web worker'} (process: ${typeof process}, importScripts: ${typeof (globalThis as { importScripts?: unknown }).importScripts})`,
    vscodeVersion: vscode.version,
    passes: tests.filter((t) => t.state === 'passed').length,
    failures: tests.filter((t) => t.state === 'failed').length,
    skipped: tests.filter((t) => t.state === 'skipped').length,
    durationMs: Date.now() - started,
    tests,
    log: notes,
  };
  await vscode.workspace.fs.writeFile(folder.uri.with({ path: `${dir}/${mode}.json` }), new TextEncoder().encode(JSON.stringify(report, null, 2)));
}

export function deactivate(): void {
  // Nothing to release.
}
