import assert from 'node:assert/strict';
import { markDoneEdit } from '../../src/core/language/mark-done';
import { itemIndexAt } from '../../src/core/language/item-at';
import { parse } from './helpers';

/** Applies Mark Done to the item with this title and returns the new text. */
function markDone(path: string, text: string, title: string): string {
  const file = parse(path, text);
  const index = file.items.findIndex((i) => i.title === title || i.id === title);
  assert.ok(index >= 0, `no item '${title}'`);
  const result = markDoneEdit(file, index, text);
  if (!result.ok) throw new Error(result.reason);
  const { span, newText } = result.edit;
  const out = text.slice(0, span.start) + newText + text.slice(span.end);
  assert.equal(parse(path, out).items[index].status, 'done', 'the item reads as done afterwards');
  return out;
}

const MD = `---
type: project
id: rollout
delivers: skincare-line
---
## Milestone: Contract {#contract due=2026-11-15 status=planned}

## Milestone: Pilot
- id: pilot
- due: 2027-01-31

- [ ] Train staff {due=2026-12-10}
- [x] Order stock

## Milestone: Launch {#launch due=2027-03-01}

## Milestone: Party
Some words.
`;

describe('mark done', () => {
  it('rewrites a written status in an attribute block, and nothing else', () => {
    const out = markDone('p.project.md', MD, 'Contract');
    assert.equal(out, MD.replace('status=planned}', 'status=done}'));
  });

  it('ticks a task box', () => {
    assert.equal(markDone('p.project.md', MD, 'Train staff'), MD.replace('- [ ] Train staff', '- [x] Train staff'));
  });

  it('adds status to a field list after its last entry', () => {
    assert.equal(markDone('p.project.md', MD, 'Pilot'), MD.replace('- due: 2027-01-31\n', '- due: 2027-01-31\n- status: done\n'));
  });

  it('adds status=done inside an attribute block without one', () => {
    assert.equal(markDone('p.project.md', MD, 'Launch'), MD.replace('due=2027-03-01}', 'due=2027-03-01 status=done}'));
  });

  it('adds an attribute block to a bare heading', () => {
    assert.equal(markDone('p.project.md', MD, 'Party'), MD.replace('## Milestone: Party\n', '## Milestone: Party {status=done}\n'));
  });

  it('adds status to front matter for the file-level item, keeping CRLF line ends', () => {
    const crlf = MD.replace(/\n/g, '\r\n');
    const out = markDone('p.project.md', crlf, 'rollout');
    assert.equal(out, crlf.replace('delivers: skincare-line\r\n', 'delivers: skincare-line\r\nstatus: done\r\n'));
  });

  const YAML = `type: project
id: supplier
milestones:
  - id: samples
    title: Samples approved
    due: 2026-12-01
    tasks:
      - title: Order samples
        owner: kim
      - title: Test samples
        done: false
  - id: contract
    title: Contract signed
    status: in-progress
`;

  it('YAML: rewrites a status value, sets done: true, or adds the key at the right indent', () => {
    assert.equal(markDone('s.project.yaml', YAML, 'Contract signed'), YAML.replace('status: in-progress', 'status: done'));
    assert.equal(markDone('s.project.yaml', YAML, 'Test samples'), YAML.replace('done: false', 'done: true'));
    assert.equal(markDone('s.project.yaml', YAML, 'Order samples'), YAML.replace('        owner: kim\n', '        owner: kim\n        done: true\n'));
    assert.equal(markDone('s.project.yaml', YAML, 'Samples approved'), YAML.replace('    due: 2026-12-01\n', '    due: 2026-12-01\n    status: done\n'));
  });

  it('refuses an item that is already done, with a reason', () => {
    const file = parse('p.project.md', MD);
    const result = markDoneEdit(file, file.items.findIndex((i) => i.title === 'Order stock'), MD);
    assert.equal(result.ok, false);
  });

  it('finds the deepest item under a cursor', () => {
    const file = parse('p.project.md', MD);
    assert.equal(file.items[itemIndexAt(file, MD.indexOf('Train staff'))!].title, 'Train staff');
    assert.equal(file.items[itemIndexAt(file, MD.indexOf('- due: 2027'))!].title, 'Pilot');
    assert.equal(file.items[itemIndexAt(file, 3)!].kind, 'project');
  });
});

describe('reschedule', () => {
  it('rewrites a date in place and keeps a period a period', async () => {
    const { rescheduleEdit, sameGranularity } = await import('../../src/core/language/reschedule');
    const { day } = await import('./helpers');
    const text = '---\ntype: project\nid: p\nend: 2027-Q1\n---\n## Milestone: A {#a due=2027-01-10}\n## Milestone: B\n';
    const file = parse('p.project.md', text);
    const apply = (index: number, field: 'due' | 'end', d: string) => {
      const r = rescheduleEdit(file, index, field, day(d), text);
      if (!r.ok) throw new Error(r.reason);
      return text.slice(0, r.edit.span.start) + r.edit.newText + text.slice(r.edit.span.end);
    };
    assert.equal(apply(1, 'due', '2027-02-03'), text.replace('due=2027-01-10', 'due=2027-02-03'));
    assert.equal(apply(0, 'end', '2027-05-20'), text.replace('end: 2027-Q1', 'end: 2027-Q2'));
    assert.equal(apply(2, 'due', '2027-03-01'), text.replace('## Milestone: B\n', '## Milestone: B {due=2027-03-01}\n'));
    assert.equal(sameGranularity('2027-H1', day('2027-08-01')), '2027-H2');
    assert.equal(sameGranularity('2027-03', day('2027-04-30')), '2027-04');
    assert.equal(sameGranularity('2027', day('2028-01-01')), '2028');
  });
});
