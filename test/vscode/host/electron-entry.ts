/** `extensionTestsPath` for @vscode/test-electron: the same suites, the same report. */
import { writeFileSync } from 'node:fs';
import { runSuites } from './run-suites';

export async function run(): Promise<void> {
  const result = await runSuites();
  if (process.env.ROADMARK_TEST_REPORT) writeFileSync(process.env.ROADMARK_TEST_REPORT, JSON.stringify(result, null, 2));
  if (result.failures) throw new Error(`${result.failures} test(s) failed`);
}
