/**
 * A test-only web extension: in the web worker extension host (next to Roadmark's `browser`
 * entry), when the user setting `roadmarkWebTests.report` names a folder, it runs either the
 * activation probe (a workspace folder named `no-plans`) or the in-editor suites of
 * test/vscode/suite that apply in the web (any other folder), and writes `<mode>.json` there
 * through workspace.fs (the worker has no file system of its own). The same bundle is also its
 * `main`: in a folder named `desktop` it runs all the suites in the Node extension host, next to
 * Roadmark's desktop entry. See test/vscode/run-web.ts.
 */
import { loadSharedSuites } from '../suite/all';
import * as vscode from 'vscode';
import { notes } from '../suite/util';
import { MiniMocha, type TestResult } from './mini-mocha';

export interface WebSuiteReport {
  mode: 'probe' | 'suites' | 'desktop';
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
]);

export async function activate(): Promise<void> {
  const dir = vscode.workspace.getConfiguration('roadmarkWebTests').get<string>('report');
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!dir || !folder) return;
  const mode = folder.name === 'no-plans' ? 'probe' : folder.name === 'desktop' ? 'desktop' : 'suites';
  const mocha = new MiniMocha(30000, mode === 'suites' ? NOT_IN_THE_WEB : new Map());
  mocha.install();
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (mode === 'probe') {
    // First: nothing else may activate Roadmark before the probe opens a Markdown file.
    require('./probe.test');
    require('./web.test');
  } else {
    require(mode === 'desktop' ? './desktop.test' : './web.test');
    loadSharedSuites();
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  const started = Date.now();
  const tests = await mocha.run();
  const report: WebSuiteReport = {
    mode,
    host: `${mode === 'desktop' ? 'Node extension host' : 'web worker'} (process: ${typeof process}, importScripts: ${typeof (globalThis as { importScripts?: unknown }).importScripts})`,
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
