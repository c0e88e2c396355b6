import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { RULE_IDS } from '../../src/core/rules/index';

/** The example workspace's diagnostics, shared with the suites that run in a real VS Code. */
const expected = JSON.parse(readFileSync('test/vscode/example-expected.json', 'utf8')) as { file: string; rule: string }[];

describe('example workspace', () => {
  it('the CLI reports exactly the expected diagnostics, and every rule fires at least once', () => {
    let stdout: string;
    try {
      stdout = execFileSync(process.execPath, ['dist/cli.js', 'check', 'examples', '--format', 'json'], { encoding: 'utf8' });
    } catch (err) {
      stdout = (err as { stdout: string }).stdout;
    }
    const report = JSON.parse(stdout) as { today: string; diagnostics: Record<string, unknown>[] };
    assert.equal(report.today, '2026-11-23');
    const actual = report.diagnostics.map((d) => ({
      file: String(d.file).replace(/^examples\//, ''), line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, rule: d.rule, severity: d.severity,
    }));
    assert.deepEqual(actual, expected);
    // not-a-plan only speaks of files named on the command line (a folder walk never raises it); slipped needs a baseline.
    assert.deepEqual([...new Set(expected.map((d) => d.rule))].sort(), RULE_IDS.filter((r) => r !== 'not-a-plan' && r !== 'slipped').sort());
  });
});
