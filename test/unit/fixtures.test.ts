/**
 * Fixture workspaces: test/fixtures/<case>/ holds plan files and expected.json, the exact
 * diagnostics (file, position, rule, severity, item) `roadmark check` must report there.
 * Regenerate after a deliberate change with `UPDATE_FIXTURES=1 npm run test:unit`, then
 * review the diff line by line: the file is the specification of that case.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const ROOT = resolve(__dirname, '../fixtures');

interface Expected {
  file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; item?: string;
}

function actual(dir: string): Expected[] {
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `check failed in ${dir}: ${r.stderr}`);
  return JSON.parse(r.stdout).diagnostics.map(({ file, line, column, endLine, endColumn, rule, severity, item }: Expected) =>
    ({ file, line, column, endLine, endColumn, rule, severity, ...(item !== undefined ? { item } : {}) }));
}

describe('fixture workspaces', () => {
  const cases = readdirSync(ROOT).filter((name) => existsSync(join(ROOT, name, '.roadmark.yaml')));
  it('has fixture cases', () => assert.ok(cases.length >= 3, `found ${cases.length} fixture cases`));
  for (const name of cases) {
    it(`${name}: reports exactly the expected diagnostics`, () => {
      const dir = join(ROOT, name);
      const got = actual(dir);
      const expectedPath = join(dir, 'expected.json');
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedPath, JSON.stringify(got, null, 2) + '\n');
      assert.ok(existsSync(expectedPath), `${expectedPath} is missing (UPDATE_FIXTURES=1 writes it)`);
      assert.deepEqual(got, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
