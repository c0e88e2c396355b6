/** Runs the bundled mocha suites in this process and collects the results. */
import { loadSharedSuites } from '../suite/all';
import Mocha from 'mocha';
import { notes } from '../suite/util';

export interface SuiteReport {
  host: string;
  vscodeVersion: string;
  passes: number;
  failures: number;
  durationMs: number;
  tests: { title: string; state: 'passed' | 'failed'; durationMs?: number; error?: string }[];
  log: string[];
}

export async function runSuites(): Promise<SuiteReport> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as typeof import('vscode');
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'base' });
  mocha.suite.emit('pre-require', globalThis, 'roadmark-suites', mocha);
  loadSharedSuites();
  // Desktop only: drift reads git through the built-in Git extension, which the web host has not.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../suite/drift.test');
  const tests: SuiteReport['tests'] = [];
  const started = Date.now();
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', error: `${err.message}\n${err.stack ?? ''}`.slice(0, 4000) }));
  });
  return {
    host: process.env.ROADMARK_TEST_HOST ?? 'unknown',
    vscodeVersion: vscode.version,
    passes: tests.filter((t) => t.state === 'passed').length,
    failures: tests.filter((t) => t.state === 'failed').length,
    durationMs: Date.now() - started,
    tests,
    log: notes,
  };
}

