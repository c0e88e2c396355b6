import assert from 'node:assert/strict';
import { markDoneEdit } from '../../src/core/language/mark-done';
import { itemIndexAt } from '../../src/core/language/item-at';
import { rescheduleEdit, sameGranularity, type DateField } from '../../src/core/language/reschedule';
import { day, parse } from './helpers';

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

  it('braces in a heading that are not an attribute block stay title text: a new block is added after them', () => {
    const text = '---\ntype: project\nid: p\n---\n## Milestone: Ship v2 {beta}\n\nWords.\n';
    const out = markDone('p.project.md', text, 'Ship v2 {beta}');
    assert.equal(out, text.replace('{beta}\n', '{beta} {status=done}\n'));
    const after = parse('p.project.md', out).items[1];
    assert.deepEqual([after.id, after.title, after.status], ['ship-v2-beta', 'Ship v2 {beta}', 'done']);
  });

  it('refuses a heading whose attribute block is broken, rather than guess', () => {
    const text = '---\ntype: project\nid: p\n---\n## Milestone: Ship {#ship due=2027-01-01\n';
    const file = parse('p.project.md', text);
    const result = markDoneEdit(file, 1, text);
    assert.equal(result.ok, false);
  });

  it('YAML flow mapping: adds `, status: done` inside the braces; a flow task gets `, done: true`', () => {
    const text = 'type: project\nid: p\nmilestones:\n  - {id: a, due: 2027-01-01}\n  - id: b\n    tasks:\n      - {title: Call}\n      - Order\n';
    assert.equal(markDone('p.project.yaml', text, 'a'), text.replace('due: 2027-01-01}', 'due: 2027-01-01, status: done}'));
    assert.equal(markDone('p.project.yaml', text, 'Call'), text.replace('{title: Call}', '{title: Call, done: true}'));
    assert.equal(markDone('p.project.yaml', text, 'Order'), text.replace('- Order\n', '- {title: Order, done: true}\n'));
  });

  it('an empty value gets `status: done`, with its space', () => {
    const yaml = 'type: project\nid: p\nmilestones:\n  - id: a\n    status:\n    owner: kim\n';
    assert.equal(markDone('p.project.yaml', yaml, 'a'), yaml.replace('    status:\n', '    status: done\n'));
    const md = '---\ntype: project\nid: p\n---\n## Milestone: A\n- status:\n- owner: kim\n';
    assert.equal(markDone('p.project.md', md, 'A'), md.replace('- status:\n', '- status: done\n'));
    const attr = '---\ntype: project\nid: p\n---\n## Milestone: A {#a status=}\n';
    assert.equal(markDone('p.project.md', attr, 'a'), attr.replace('status=}', 'status=done}'));
  });

  it('an added line ends like most lines of the file, not like the first CRLF found', () => {
    const mostlyLf = '---\r\ntype: project\nid: p\n---\n## Milestone: A\n- due: 2027-01-31\n\nWords.\n';
    assert.equal(markDone('p.project.md', mostlyLf, 'A'), mostlyLf.replace('- due: 2027-01-31\n', '- due: 2027-01-31\n- status: done\n'));
    const mostlyCrlf = 'type: project\r\nid: p\r\nmilestones:\r\n  - id: a\r\n    due: 2027-01-31\r\n  - id: b\n';
    assert.equal(markDone('p.project.yaml', mostlyCrlf, 'a'), mostlyCrlf.replace('    due: 2027-01-31\r\n', '    due: 2027-01-31\r\n    status: done\r\n'));
  });

  it('a BOM before the text shifts the edit, not the bytes around it', () => {
    const text = '\uFEFF---\ntype: project\nid: p\n---\n## Milestone: A {#a due=2027-01-01}\n';
    assert.equal(markDone('p.project.md', text, 'a'), text.replace('due=2027-01-01}', 'due=2027-01-01 status=done}'));
  });

  it('a Markdown plan without front matter gets front matter for its own status', () => {
    const text = '# Rollout\n\n## Milestone: A\n';
    assert.equal(markDone('rollout.project.md', text, 'rollout'), '---\nstatus: done\n---\n' + text);
  });

  it('finds the deepest item under a cursor', () => {
    const file = parse('p.project.md', MD);
    assert.equal(file.items[itemIndexAt(file, MD.indexOf('Train staff'))!].title, 'Train staff');
    assert.equal(file.items[itemIndexAt(file, MD.indexOf('- due: 2027'))!].title, 'Pilot');
    assert.equal(file.items[itemIndexAt(file, 3)!].kind, 'project');
  });
});

describe('reschedule', () => {
  it('rewrites a date in place and keeps a period a period', () => {
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

  /** Reschedules the item with this title or id and returns the new text. */
  function move(path: string, text: string, title: string, field: DateField, date: string): string {
    const file = parse(path, text);
    const index = file.items.findIndex((i) => i.title === title || i.id === title);
    assert.ok(index >= 0, `no item '${title}'`);
    const r = rescheduleEdit(file, index, field, day(date), text);
    if (!r.ok) throw new Error(r.reason);
    const out = text.slice(0, r.edit.span.start) + r.edit.newText + text.slice(r.edit.span.end);
    const after = parse(path, out);
    assert.deepEqual(after.problems.filter((p) => p.rule === 'parse-error'), [], 'still readable');
    assert.equal(after.items[index][field]?.first, day(date));
    return out;
  }

  it('YAML flow mapping: replaces the value or adds `, key: value` inside the braces', () => {
    const text = 'type: project\nid: p\nmilestones:\n  - {id: a, due: 2027-01-01}\n  - {id: b, title: B}\n';
    assert.equal(move('p.project.yaml', text, 'a', 'due', '2027-02-03'), text.replace('due: 2027-01-01}', 'due: 2027-02-03}'));
    assert.equal(move('p.project.yaml', text, 'b', 'due', '2027-02-03'), text.replace('title: B}', 'title: B, due: 2027-02-03}'));
  });

  it('a list-valued due is replaced whole, never a second key', () => {
    const flow = 'type: project\nid: p\nmilestones:\n  - id: a\n    due: [2027-01-01]\n';
    assert.equal(move('p.project.yaml', flow, 'a', 'due', '2027-02-03'), flow.replace('due: [2027-01-01]', 'due: 2027-02-03'));
    const block = 'type: project\nid: p\nmilestones:\n  - id: a\n    due:\n      - 2027-01-01\n      - 2027-01-05\n    owner: kim\n';
    assert.equal(move('p.project.yaml', block, 'a', 'due', '2027-02-03'), block.replace('due:\n      - 2027-01-01\n      - 2027-01-05\n', 'due: 2027-02-03\n'));
    const md = '---\ntype: project\nid: p\n---\n## Milestone: A\n- due: [2027-01-01]\n- owner: kim\n';
    assert.equal(move('p.project.md', md, 'A', 'due', '2027-02-03'), md.replace('- due: [2027-01-01]', '- due: 2027-02-03'));
  });

  it('refuses a field the kind does not own', () => {
    const text = '---\ntype: project\nid: p\n---\n## Milestone: A {due=2027-01-01}\n';
    const file = parse('p.project.md', text);
    assert.deepEqual(rescheduleEdit(file, 1, 'end', day('2027-02-01'), text), { ok: false, reason: "A milestone has no 'end' date" });
  });
});

describe('Mark Done next to written keys (fuzz findings)', () => {
  it('adds a plain `- status: done` after a bold key, not half a bold mark', () => {
    const text = '---\ntype: project\nid: p\n---\n## Milestone: M\n- due: 2027-01-01\n- **owner**: jonas\n';
    const result = markDoneEdit(parse('p.project.md', text), 1, text);
    assert.ok(result.ok);
    const after = text.slice(0, result.edit.span.start) + result.edit.newText + text.slice(result.edit.span.end);
    assert.equal(after, text.replace('- **owner**: jonas\n', '- **owner**: jonas\n- status: done\n'));
    assert.equal(parse('p.project.md', after).items[1].status, 'done');
  });

  it('refuses a roadmap, which has no status', () => {
    const text = '---\ntype: roadmap\nid: r\n---\n## Goal: G\n';
    const result = markDoneEdit(parse('r.roadmap.md', text), 0, text);
    assert.equal(result.ok, false);
  });
});
