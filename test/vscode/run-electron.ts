/**
 * The same in-editor suites through @vscode/test-electron, for machines that can download
 * VS Code (it fetches the build at test time). Offline, the download fails and this says so;
 * use `npm run test:vscode` (code-server) there. Usage: npm run test:vscode:electron
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import type { SuiteReport } from './host/run-suites';

const ROOT = resolve(__dirname, '../..');
const DOWNLOAD_TIMEOUT_MS = 120_000;

async function main(): Promise<number> {
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['test/vscode/build-host.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const tmp = mkdtempSync(join(tmpdir(), 'roadmark-electron-'));
  const workspace = join(tmp, 'examples');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  const report = join(tmp, 'report.json');
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version: process.env.ROADMARK_VSCODE_VERSION ?? 'stable', timeout: DOWNLOAD_TIMEOUT_MS });
  } catch (e) {
    console.error(`vscode (electron): could not download VS Code (${(e as Error).message.split('\n')[0]}).`);
    console.error('This host needs the internet. Without it, run `npm run test:vscode` (the offline code-server host).');
    return 1;
  }
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, '.cache/test-host/dist/electron-entry.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { ROADMARK_TEST_REPORT: report, ROADMARK_TEST_HOST: 'electron' },
  }).catch(() => undefined);
  if (!existsSync(report)) {
    console.error('vscode (electron): the suites did not report');
    return 1;
  }
  const result = JSON.parse(readFileSync(report, 'utf8')) as SuiteReport;
  for (const t of result.tests) console.log(`  ${t.state === 'passed' ? '✔' : '✘'} ${t.title}${t.error ? `\n      ${t.error.split('\n')[0]}` : ''}`);
  console.log(`\nvscode (electron, VS Code ${result.vscodeVersion}): ${result.passes} passed, ${result.failures} failed`);
  return result.failures ? 1 : 0;
}

main().then((code) => process.exit(code), (e: Error) => {
  console.error(`vscode (electron): ${e.message}`);
  process.exit(1);
});
