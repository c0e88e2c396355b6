/**
 * The core engine inside the real editor: a file that makes the parser throw is a parse-error
 * on that file while the others keep fresh diagnostics (issue 10 #5), and `.roadmark.yml` with
 * `exclude: ["archive"]` behaves as in the CLI. The parser throws through a test seam that only
 * exists when the runner sets ROADMARK_TEST_REPORT (see src/extension/index-service.ts).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TEST_THROW_MARKER } from '../../../src/extension/index-service';
import { at, note, roadmark, roadmarkDiagnostics, waitFor } from './util';

const encode = (s: string) => new TextEncoder().encode(s);
const plan = (id: string, due: string, extra = '') => `---\ntype: project\nid: ${id}\n---\n${extra}## Milestone: Ship ${id} {#ship-${id} due=${due}}\n`;
const rulesOf = (file: string) => roadmarkDiagnostics().filter((d) => d.file === file).map((d) => d.rule).sort();

describe('Core engine in the editor', () => {
  it('a file whose parsing throws is a parse-error there; the other files keep fresh diagnostics', async () => {
    const api = await roadmark();
    const throws = at('engine-test/throws.project.md');
    const fresh = at('engine-test/fresh.project.md');
    try {
      await vscode.workspace.fs.writeFile(throws, encode(plan('throws', '2026-01-01', `${TEST_THROW_MARKER}\n`)));
      await vscode.workspace.fs.writeFile(fresh, encode(plan('fresh', '2026-01-01')));
      const started = Date.now();
      await waitFor('a parse-error on the throwing file and overdue on the other', () => rulesOf('engine-test/throws.project.md').includes('parse-error') && rulesOf('engine-test/fresh.project.md').includes('overdue'), 15000);
      const error = roadmarkDiagnostics().find((d) => d.file === 'engine-test/throws.project.md' && d.rule === 'parse-error')!;
      assert.match(error.diagnostic.message, /Internal error while reading this file \(please report it\): test seam/);
      assert.equal(error.line, 1);
      // A later edit of the good file is still checked: the batch was not lost, the diagnostics are not stale.
      const before = api.index.snapshot!.generation;
      await vscode.workspace.fs.writeFile(fresh, encode(plan('fresh', '2099-01-01')));
      await waitFor('overdue gone from the edited file', () => !rulesOf('engine-test/fresh.project.md').includes('overdue'), 15000);
      assert.ok(api.index.snapshot!.generation > before, 'a newer generation');
      assert.deepEqual(rulesOf('engine-test/throws.project.md').filter((r) => r === 'parse-error'), ['parse-error']);
      note(`engine: parse-error on the throwing file and fresh diagnostics on the others ${Date.now() - started} ms after writing them`);
    } finally {
      await vscode.workspace.fs.delete(at('engine-test'), { recursive: true, useTrash: false });
      await waitFor('the test files forgotten', () => !api.index.plans.get('engine-test/fresh.project.md') && rulesOf('engine-test/throws.project.md').length === 0, 15000);
    }
  });

  it('.roadmark.yml is read, and exclude: ["archive"] skips archive/ and everything under it, as in the CLI', async () => {
    const api = await roadmark();
    const yaml = at('.roadmark.yaml');
    const yml = at('.roadmark.yml');
    const original = await vscode.workspace.fs.readFile(yaml);
    const count = roadmarkDiagnostics().length;
    try {
      await vscode.workspace.fs.writeFile(at('archive/old.project.md'), encode(plan('old-archived', '2026-01-01')));
      await vscode.workspace.fs.writeFile(at('archive/deep/older.project.md'), encode(plan('older-archived', '2026-01-01')));
      await waitFor('the archive indexed while no config excludes it', () => api.index.plans.get('archive/deep/older.project.md'), 15000);
      await vscode.workspace.fs.writeFile(yml, encode('today: 2026-11-23\nriskWindowDays: 3\nexclude: ["archive"]\n'));
      await vscode.workspace.fs.delete(yaml, { useTrash: false });
      await waitFor('the .yml config in force', () => api.index.snapshot?.riskWindowDays === 3 && !api.index.plans.get('archive/old.project.md'), 15000);
      assert.equal(api.index.plans.get('archive/deep/older.project.md'), undefined);
      assert.deepEqual(roadmarkDiagnostics().filter((d) => d.file.startsWith('archive/')), []);
      assert.equal(api.index.snapshot!.configs.map((c) => c.uri.path.split('/').pop()).join(), '.roadmark.yml');
    } finally {
      await vscode.workspace.fs.writeFile(yaml, original);
      await vscode.workspace.fs.delete(yml, { useTrash: false }).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(at('archive'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      await waitFor('the example workspace as it was', () => api.index.snapshot?.riskWindowDays === 14 && !api.index.plans.get('archive/old.project.md') && roadmarkDiagnostics().length === count, 15000);
    }
  });
});
