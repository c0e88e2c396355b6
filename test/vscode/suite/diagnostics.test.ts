import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import expected from '../example-expected.json';
import { roadmark, roadmarkDiagnostics, note } from './util';

describe('diagnostics on the example workspace', () => {
  before(async () => {
    await roadmark();
  });

  it('activates and reports its timings', async () => {
    const api = await roadmark();
    assert.ok(api.activationMs >= 0 && api.index.firstCheckMs !== undefined);
    note(`activate() returned in ${api.activationMs} ms; first diagnostics ${api.index.firstCheckMs} ms after activation`);
  });

  it('reports exactly what the CLI reports: files, ranges, rules and severities', () => {
    const seen = roadmarkDiagnostics().map(({ file, line, column, endLine, endColumn, rule, severity }) => ({ file, line, column, endLine, endColumn, rule, severity }));
    assert.deepEqual(seen, expected);
  });

  it('links every diagnostic to its rule documentation and names roadmark as the source', () => {
    for (const { diagnostic, rule } of roadmarkDiagnostics()) {
      assert.equal(diagnostic.source, 'roadmark');
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.equal(code.value, rule);
      assert.equal(code.target.toString(), `https://github.com/roadmark/roadmark/blob/main/docs/rules/${rule}.md`);
    }
  });

  it('points related information at the other side of a problem', () => {
    const all = roadmarkDiagnostics();
    const duplicate = all.find((d) => d.rule === 'duplicate-id')!;
    const other = duplicate.diagnostic.relatedInformation ?? [];
    assert.ok(other.some((r) => r.location.uri.path.endsWith('/projects/clinic-rollout.project.md')), 'duplicate-id points at the first definition');
    const afterTarget = all.find((d) => d.rule === 'after-target')!;
    assert.ok((afterTarget.diagnostic.relatedInformation ?? []).some((r) => r.location.uri.path.endsWith('/roadmap/glow.roadmap.md')), 'after-target points at the initiative target');
    for (const cycle of all.filter((d) => d.rule === 'dependency-cycle')) {
      assert.ok((cycle.diagnostic.relatedInformation ?? []).length >= 1, 'a cycle names the other items on it');
    }
  });
});
