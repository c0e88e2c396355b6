/**
 * Parity: every fixture workspace (test/fixtures/*, examples/) through the CLI host (node fs,
 * `roadmark check --format json` in-process) and through the engine over an in-memory host
 * (what the editor and, later, a browser do): the same diagnostics, message for message.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRequest } from '../../src/cli/args';
import { runCheck } from '../../src/cli/commands';
import { localDay } from '../../src/core/dates';
import { createMemoryHost, PlanEngine } from '../../src/core/engine/index';

const ROOT = resolve(__dirname, '../..');
const workspaces = [
  ...readdirSync(join(ROOT, 'test/fixtures')).map((n) => join(ROOT, 'test/fixtures', n)).filter((d) => statSync(d).isDirectory()),
  join(ROOT, 'examples'),
];

function filesUnder(dir: string, prefix = '', out = new Map<string, Uint8Array>()): Map<string, Uint8Array> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) filesUnder(join(dir, e.name), rel, out);
    else if (e.isFile()) out.set(rel, new Uint8Array(readFileSync(join(dir, e.name))));
  }
  return out;
}

const shape = (d: { file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; message: string; item?: string }) =>
  ({ file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, rule: d.rule, severity: d.severity, message: d.message, item: d.item });

describe('engine parity: CLI host and in-memory host', () => {
  it('has workspaces to compare', () => assert.ok(workspaces.length >= 4));
  for (const dir of workspaces) {
    it(`${dir.slice(ROOT.length + 1)}: the same diagnostics through both hosts`, async () => {
      let out = '';
      const request = parseRequest(['check', '.', '--format', 'json', '--allow-empty'], false, {});
      await runCheck(request, dir, (s) => (out += s));
      const cli = (JSON.parse(out) as { diagnostics: Parameters<typeof shape>[0][] }).diagnostics.map(shape);
      const engine = new PlanEngine(createMemoryHost(filesUnder(dir)), { clock: () => localDay(new Date()) }, [{ path: '' }]);
      const result = await engine.scan();
      assert.ok(result.configs.every((c) => c.result && c.result.problems.length === 0));
      assert.deepEqual(result.diagnostics.map(shape), cli);
    });
  }
});

describe('CLI host: include/exclude with .gitignore conventions from .roadmark.yml', () => {
  it('test/fixtures/engine-globs: `archive`, `*.draft.md` and `/top-only` exclude what git would ignore', async () => {
    let out = '';
    await runCheck(parseRequest(['check', '.', '--format', 'json'], false, {}), join(ROOT, 'test/fixtures/engine-globs'), (s) => (out += s));
    const files = [...new Set((JSON.parse(out) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file))];
    assert.deepEqual(files, ['plans/live.project.md', 'plans/top-only/kept.project.md']);
  });
});
