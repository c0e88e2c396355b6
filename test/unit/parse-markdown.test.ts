import assert from 'node:assert/strict';
import { parseSection, readMarkdownBlocks, sectionStarts } from '../../src/core/parse/markdown-blocks';
import { parsePlanFile } from '../../src/core/parse/index';
import { positionAt } from '../../src/core/lines';
import { parse } from './helpers';

const ROLLOUT = `---
type: project
id: clinic-rollout
title: Skincare line rollout to three clinics
delivers: skincare-line
start: 2026-10-01
end: 2027-03-15
budget: 40000 EUR
spent: 12500 EUR
---
## Milestone: Supplier contract signed {#supplier-contract due=2026-11-15 status=done}

## Milestone: Pilot in the first clinic
- id: pilot
- due: 2027-01-31
- depends: supplier-contract

- [x] Train front-desk staff {due=2026-12-10 owner=sam}
- [ ] Stock the first 200 units {due=2027-01-10}
`;

describe('Markdown plan files', () => {
  it('reads the spec example: file item, milestones, field list, tasks', () => {
    const file = parse('plans/rollout.project.md', ROLLOUT);
    assert.equal(file.type, 'project');
    const [project, contract, pilot, train, stock] = file.items;
    assert.deepEqual(file.items.map((i) => `${i.kind}:${i.id}`), [
      'project:clinic-rollout', 'milestone:supplier-contract', 'milestone:pilot',
      'task:pilot/train-front-desk-staff', 'task:pilot/stock-the-first-200-units',
    ]);
    assert.equal(project.title, 'Skincare line rollout to three clinics');
    assert.deepEqual(project.delivers.map((l) => l.id), ['skincare-line']);
    assert.equal(project.end?.text, '2027-03-15');
    assert.deepEqual([project.budget?.amount, project.budget?.currency, project.spent?.amount], [40000, 'EUR', 12500]);
    assert.equal(contract.title, 'Supplier contract signed');
    assert.equal(contract.status, 'done');
    assert.equal(contract.due?.text, '2026-11-15');
    assert.equal(pilot.title, 'Pilot in the first clinic');
    assert.equal(pilot.due?.text, '2027-01-31');
    assert.deepEqual(pilot.depends.map((l) => l.id), ['supplier-contract']);
    assert.equal(pilot.status, 'planned');
    assert.equal(train.status, 'done');
    assert.deepEqual(train.owners, ['sam']);
    assert.equal(train.title, 'Train front-desk staff');
    assert.equal(stock.status, 'planned');
    assert.equal(train.parent, 2);
    assert.deepEqual(file.problems, []);
  });

  it('keeps exact positions: anchors on heading text, values on their characters', () => {
    const file = parse('r.project.md', ROLLOUT);
    const pilot = file.items[2];
    assert.equal(ROLLOUT.slice(pilot.anchor.start, pilot.anchor.end), 'Milestone: Pilot in the first clinic');
    assert.deepEqual(positionAt(file.lineStarts, pilot.anchor.start), { line: 13, column: 4 });
    assert.equal(ROLLOUT.slice(pilot.due!.span.start, pilot.due!.span.end), '2027-01-31');
    const contract = file.items[1];
    assert.equal(ROLLOUT.slice(contract.due!.span.start, contract.due!.span.end), 'due=2026-11-15', 'attribute blocks point at key=value');
    const project = file.items[0];
    assert.equal(ROLLOUT.slice(project.anchor.start, project.anchor.end), 'clinic-rollout');
  });

  it('uses the file default kind for headings with only an attribute block, and plain headings as structure', () => {
    const text = '---\ntype: roadmap\n---\n# Glow\n## Grow retention {#grow}\n## Notes\n## Goal: Revenue\n### Own products\n### Initiative: Serums {horizon=now}\n';
    const file = parse('x.md', text);
    assert.deepEqual(file.items.map((i) => `${i.kind}:${i.id}:${i.parent}`), ['roadmap:x:-1', 'initiative:grow:0', 'goal:revenue:0', 'initiative:serums:2']);
    assert.equal(file.items[0].title, 'Glow', 'title falls back to the first H1');
    assert.equal(file.items[3].horizon, 'now');
  });

  it('closes an item at the next heading of the same or higher level, item or not', () => {
    const text = '## Milestone: A {#a}\n- [ ] in a\n## Notes\n- [ ] not in a\n### Milestone: B\n';
    const file = parse('p.project.md', text);
    const tasks = file.items.filter((i) => i.kind === 'task');
    assert.deepEqual(tasks.map((t) => file.items[t.parent].id), ['a', 'p']);
    assert.equal(file.items.find((i) => i.id === 'milestone-b' || i.id === 'b')?.parent, 0);
    assert.equal(text.slice(file.items[1].extent.start, file.items[1].extent.end), '## Milestone: A {#a}\n- [ ] in a');
  });

  it('reads quoted and list values in attribute blocks', () => {
    const file = parse('p.project.md', '## Milestone: Launch {#launch owner="Ana Lima" depends=a,b due=2027-Q1}\n');
    const m = file.items[1];
    assert.deepEqual(m.owners, ['Ana Lima']);
    assert.deepEqual(m.depends.map((l) => l.id), ['a', 'b']);
    assert.equal(m.due?.isPeriod, true);
  });

  it('reports a broken attribute block instead of dropping it silently', () => {
    const text = '## Milestone: Launch {#launch due=2027-01-31\n## Pilot {#pilot owner="sam}\n';
    const file = parse('p.project.md', text);
    assert.deepEqual(file.problems.map((p) => p.rule), ['parse-error', 'parse-error']);
    assert.match(file.problems[0].message, /no closing `\}`/);
    assert.match(file.problems[1].message, /quoted value is not closed/);
    assert.equal(file.items[1].title, 'Launch', 'a keyword heading stays an item');
    assert.equal(text.slice(file.problems[0].span.start, file.problems[0].span.end), '{#launch due=2027-01-31');
  });

  it('leaves ordinary braces in titles alone', () => {
    const file = parse('p.project.md', '## Milestone: Ship {the} API\n');
    assert.equal(file.items[1].title, 'Ship {the} API');
    assert.deepEqual(file.problems, []);
  });

  it('reads every leading key: value entry as a field (1.1), reporting unknown keys; the run ends at the first other entry', () => {
    const text = '## Milestone: M\n- due: 2027-01-31\n- ownr: sam\n- Note: call the supplier\n- status: done\n- a sentence\n- owner: kim\n';
    const file = parse('p.project.md', text);
    const m = file.items[1];
    assert.equal(m.due?.text, '2027-01-31');
    assert.deepEqual(m.fields.map((f) => f.key), ['due', 'ownr', 'note', 'status']);
    assert.equal(m.status, 'done');
    assert.deepEqual(m.owners, [], 'entries after the first non-field are content');
    assert.deepEqual(file.problems.map((p) => [p.rule, p.message]), [
      ['unknown-field', "Unknown field 'ownr' on milestone 'M': did you mean 'owner'?"],
      ['unknown-field', "Unknown field 'note' on milestone 'M'; a milestone has the fields id, title, due, start, status, owner, depends, delivers, progress"],
    ]);
  });

  it('handles CRLF line ends and a BOM with the same positions as LF', () => {
    const lf = parse('p.project.md', ROLLOUT);
    const crlf = parse('p.project.md', '\uFEFF' + ROLLOUT.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.items.map((i) => [i.id, i.title, i.due?.text]), lf.items.map((i) => [i.id, i.title, i.due?.text]));
    const at = (f: typeof lf, i: number) => positionAt(f.lineStarts, f.items[i].anchor.start);
    assert.deepEqual(at(crlf, 2), at(lf, 2));
    assert.deepEqual(crlf.problems, []);
  });

  it('reads an empty plan file as its file-level item', () => {
    const file = parse('plans/empty.project.md', '');
    assert.deepEqual(file.items.map((i) => `${i.kind}:${i.id}`), ['project:empty']);
  });

  it('reports unreadable front matter at its position and keeps the headings', () => {
    const text = '---\ntype: project\nend: [2027\n---\n## Milestone: A {#a due=2027-01-01}\n';
    const file = parse('p.project.md', text);
    assert.equal(file.problems[0].rule, 'parse-error');
    assert.ok(positionAt(file.lineStarts, file.problems[0].span.start).line >= 3);
    assert.ok(file.items.some((i) => i.id === 'a'));
  });

  it('is not a plan file without a plan name or type', () => {
    assert.equal(parsePlanFile('README.md', '# Hello\n## Milestone: x\n'), undefined);
    assert.equal(parsePlanFile('notes.md', '---\ntype: blog\n---\n'), undefined);
    assert.equal(parsePlanFile('p.md', '---\ntype: project\n---\n')?.type, 'project');
    assert.equal(parsePlanFile('p.md', '## Milestone: x\n', { included: true })?.type, 'project');
  });

  it('reads a near miss of the file type as meant and reports it', () => {
    const file = parsePlanFile('p.md', '---\ntype: projet\n---\n')!;
    assert.equal(file.type, 'project');
    assert.match(file.problems[0].message, /did you mean 'project'/);
  });

  it('reports binary content and keeps going', () => {
    const file = parsePlanFile('x.project.md', 'PK\u0003\u0004\u0000\u0000binary')!;
    assert.equal(file.problems[0].rule, 'parse-error');
    assert.match(file.problems[0].message, /binary/);
  });
});

describe('section-wise Markdown parsing', () => {
  it('never cuts inside code fences or HTML blocks, and never reads front matter as Markdown', () => {
    const body = '## A\n```\n# not a heading\n```\n<!--\n# hidden\n-->\n<div>\n# in a div\n</div>\n\n## B\n';
    assert.deepEqual(sectionStarts(body).map((s) => body.slice(s, s + 4)), ['## A', '## B']);
    const front = '---\n# a YAML comment\ntype: project\n...\n';
    const headings = readMarkdownBlocks(front + body, undefined, front.length).blocks.filter((b) => b.type === 'heading');
    assert.deepEqual(headings.map((h) => h.type === 'heading' && h.text), ['A', 'B']);
  });

  it('gives the same headings, lists and tasks as parsing the whole file at once', () => {
    let text = '---\ntype: project\n---\n';
    for (let i = 0; i < 40; i++) {
      text += `## Milestone: M${i} {#m${i} due=2027-01-${String((i % 28) + 1).padStart(2, '0')}}\n- owner: x\n\n- [${i % 2 ? 'x' : ' '}] task ${i}\n  - [ ] sub ${i}\n\n> quote\n\n\`\`\`\n# code ${i}\n\`\`\`\n# Part ${i}\n`;
    }
    const bodyStart = '---\ntype: project\n---\n'.length;
    const split = readMarkdownBlocks(text, undefined, bodyStart);
    assert.ok(sectionStarts(text).length > 40, 'the text is really cut into sections');
    const blanked = text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + text.slice(bodyStart);
    const whole = parseSection(blanked);
    assert.deepEqual(split, whole);
    const headings = split.blocks.filter((b) => b.type === 'heading');
    assert.equal(headings.length, 80);
    assert.equal(split.tasks.length, 80);
    for (const h of headings) assert.equal(text[h.span.start], '#');
  });
});
