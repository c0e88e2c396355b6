/**
 * A test-only extension: when VS Code starts with ROADMARK_TEST_REPORT set, it runs the suites
 * of test/vscode/suite inside this extension host (next to the Roadmark extension) and writes
 * the results there as JSON (with ROADMARK_BENCH, the in-editor benchmark instead). Without the
 * variable it does nothing.
 */
import { writeFileSync } from 'node:fs';
import { runBench } from './run-bench';
import { runSuites } from './run-suites';

export async function activate(): Promise<void> {
  const report = process.env.ROADMARK_TEST_REPORT;
  if (!report) return;
  // ROADMARK_BENCH: the in-editor benchmark (bench/editor.ts) instead of the suites.
  const result = process.env.ROADMARK_BENCH ? await runBench().catch((e: Error) => ({ error: e.stack ?? e.message })) : await runSuites();
  writeFileSync(report, JSON.stringify(result, null, 2));
}

export function deactivate(): void {
  // Nothing to release.
}
