import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import expected from '../example-expected.json';
import { roadmark, roadmarkDiagnostics, note, waitFor } from './util';

/** The diagnostics in the CLI's JSON shape, as example-expected.json lists them. */
const shape = () => roadmarkDiagnostics().map(({ file, line, column, endLine, endColumn, rule, severity }) => ({ file, line, column, endLine, endColumn, rule, severity }));

describe('diagnostics on the example workspace', () => {
  before(async () => {
    await roadmark();
  });

  it('activates quickly and publishes the expected diagnostics within a bounded wait', async () => {
    const api = await roadmark();
    // activate() only sets things up; the scan runs after it returns. Generous ceilings, a shared 2-core machine.
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0 && api.activationMs < 5000, `activate() took ${api.activationMs} ms`);
    const firstCheckMs = api.index.firstCheckMs;
    assert.ok(firstCheckMs !== undefined && Number.isFinite(firstCheckMs) && firstCheckMs >= 0 && firstCheckMs < 30000, `first check after ${firstCheckMs} ms`);
    // Equal to the CLI's set within 10 s; on a timeout, deepEqual shows the difference.
    await waitFor('the diagnostics of the example workspace', () => JSON.stringify(shape()) === JSON.stringify(expected), 10000)
      .catch(() => assert.deepEqual(shape(), expected));
    note(`activate() returned in ${api.activationMs} ms; first diagnostics ${firstCheckMs} ms after activation`);
  });

  it('reports exactly what the CLI reports: files, ranges, rules and severities', () => {
    assert.ok(expected.length > 0);
    assert.deepEqual(shape(), expected);
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
