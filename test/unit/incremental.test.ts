/** The incremental check on hand-picked edits whose effect reaches past the files edited. */
import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/core/check';
import { IncrementalCheck } from '../../src/core/incremental/index';
import type { ParsedFile } from '../../src/core/model/types';
import { resolveFiles } from '../../src/core/model/workspace';
import { day, parse } from './helpers';

const TODAY = day('2026-11-23');
const CONFIG = { riskWindowDays: 14, rules: {} };

function project(id: string, milestones: string): string {
  return `---\ntype: project\nid: ${id}\n---\n${milestones}`;
}

/** Applies the edits in turn, comparing with a full check after each; returns the changed files of each. */
function run(initial: Record<string, string>, ...edits: Record<string, string | null>[]): string[][] {
  const files = new Map<string, ParsedFile>(Object.entries(initial).map(([p, t]) => [p, parse(p, t)]));
  const inc = new IncrementalCheck({ today: TODAY, config: CONFIG });
  inc.update([...files.values()]);
  const out: string[][] = [];
  for (const edit of edits) {
    const changed: ParsedFile[] = [];
    const removed: string[] = [];
    for (const [p, t] of Object.entries(edit)) {
      if (t === null) {
        files.delete(p);
        removed.push(p);
      } else {
        files.set(p, parse(p, t));
        changed.push(files.get(p)!);
      }
    }
    const result = inc.update(changed, removed);
    assert.deepEqual(inc.diagnostics(), checkWorkspace(resolveFiles([...files.values()]), { today: TODAY, config: CONFIG }));
    out.push([...result.changedFiles].sort());
  }
  return out;
}

describe('incremental check', () => {
  it('drops dependency-order on an item whose dependency joins a cycle through other files', () => {
    const changed = run({
      'a.project.md': project('pa', '## Milestone: N {#n due=2027-01-01}\n- depends: x1\n'),
      'b.project.md': project('pb', '## Milestone: X1 {#x1 due=2027-02-01}\n- depends: x2\n'),
      'c.project.md': project('pc', '## Milestone: X2 {#x2 due=2026-12-01}\n'),
    }, { 'c.project.md': project('pc', '## Milestone: X2 {#x2 due=2026-12-01}\n- depends: x1\n') });
    assert.deepEqual(changed, [['a.project.md', 'b.project.md', 'c.project.md']]);
  });

  it('re-words a link into another file when that file appears without the id', () => {
    const changed = run({
      'a.project.md': project('pa', '## Milestone: N {#n}\n- depends: [x](other.project.md#m1)\n'),
    }, { 'other.project.md': project('po', '## Milestone: M2 {#m2}\n') }, { 'other.project.md': null });
    assert.deepEqual(changed, [['a.project.md', 'other.project.md'], ['a.project.md', 'other.project.md']]);
  });

  it('updates a suggestion when an id one typo away appears elsewhere, and publishes only what changed', () => {
    const changed = run({
      'a.project.md': project('pa', '## Milestone: N {#n}\n- depends: lanch\n'),
      'b.project.md': project('pb', '## Milestone: Q {#q due=2020-01-01}\n'),
    }, { 'c.project.md': project('pc', '## Milestone: Launch {#launch}\n') }, { 'b.project.md': project('pb', '## Milestone: Q {#q due=2020-01-02}\n') });
    assert.deepEqual(changed, [['a.project.md', 'c.project.md'], ['b.project.md']]);
  });

  it('keeps results when a file is given again unchanged, and forgets a removed file', () => {
    const a = project('pa', '## Milestone: N {#n due=2020-01-01}\n');
    assert.deepEqual(run({ 'a.project.md': a }, { 'a.project.md': a }, { 'a.project.md': null }), [[], ['a.project.md']]);
  });
});
