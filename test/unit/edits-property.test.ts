/**
 * Property: Mark Done and reschedule change exactly one thing. For generated Markdown and YAML
 * plan files (attribute blocks or none, braces in titles, field lists, flow and block YAML
 * mappings, empty and list values, LF/CRLF, BOM) and every item, the edit applied to the text
 * re-parses to the same items with only that item's status (or date) changed, and touches only
 * a small range inside the item. FUZZ_RUNS scales the run count (default 300 per property).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dayFromParts, formatDay } from '../../src/core/dates';
import { dominantEol, markDoneEdit, type MarkDoneResult } from '../../src/core/language/mark-done';
import { DATE_FIELDS_OF, rescheduleEdit, type DateField } from '../../src/core/language/reschedule';
import type { Item, ParsedFile } from '../../src/core/model/types';
import { parsePlanFile } from '../../src/core/parse/index';

const RUNS = Number(process.env.FUZZ_RUNS) || 300;

interface Generated {
  path: string;
  text: string;
}

const word = fc.constantFrom('Ship', 'Pilot', 'Contract', 'Launch', 'Audit', 'Stock', 'Train', 'Review');
const date = fc.record({ y: fc.integer({ min: 2025, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(({ y, m, d }) => formatDay(dayFromParts(y, m, d)));
const period = fc.oneof(date, fc.constantFrom('2027-Q1', '2027-03', '2027-H2', '2028'));
const status = fc.constantFrom('planned', 'in-progress', 'blocked', '');
const eol = fc.constantFrom('\n', '\r\n');

/** A title, sometimes with braces that are not an attribute block. */
function title(n: number) {
  return fc.tuple(word, fc.constantFrom('', ' {beta}', ' {v2}', ' (phase {1})')).map(([w, extra]) => `${w} ${n}${extra}`);
}

const mdMilestone = (n: number) => fc.record({
  title: title(n),
  keyword: fc.boolean(),
  block: fc.option(fc.record({ id: fc.boolean(), due: fc.option(period, { nil: undefined }), start: fc.option(date, { nil: undefined }), status: fc.option(status, { nil: undefined }) }), { nil: undefined }),
  list: fc.option(fc.record({ due: fc.option(fc.oneof(period, date.map((d) => `[${d}]`)), { nil: undefined }), status: fc.option(status, { nil: undefined }), owner: fc.option(fc.constantFrom('kim', '@sam, lea'), { nil: undefined }) }), { nil: undefined }),
  tasks: fc.array(fc.record({ title: title(n), checked: fc.boolean(), due: fc.option(date, { nil: undefined }) }), { maxLength: 2 }),
  words: fc.boolean(),
});

const markdownFile = fc.record({
  eol,
  bom: fc.boolean(),
  front: fc.option(fc.record({ status: fc.option(status, { nil: undefined }), end: fc.option(period, { nil: undefined }), flow: fc.boolean() }), { nil: undefined }),
  milestones: fc.tuple(mdMilestone(1), mdMilestone(2), mdMilestone(3)).chain((ms) => fc.integer({ min: 1, max: 3 }).map((k) => ms.slice(0, k))),
}).map(({ eol: nl, bom, front, milestones }): Generated => {
  const lines: string[] = [];
  if (front) {
    const entries = ['type: project', 'id: rollout', ...(front.status !== undefined ? [`status: ${front.status}`.trimEnd()] : []), ...(front.end ? [`end: ${front.end}`] : [])];
    lines.push('---', ...(front.flow ? [`{${entries.join(', ')}}`] : entries), '---');
  }
  lines.push('# Rollout', '');
  for (const [i, m] of milestones.entries()) {
    const attrs: string[] = [];
    if (m.block) {
      if (m.block.id) attrs.push(`#m${i}`);
      if (m.block.due) attrs.push(`due=${m.block.due}`);
      if (m.block.start) attrs.push(`start=${m.block.start}`);
      if (m.block.status !== undefined) attrs.push(`status=${m.block.status}`);
    }
    const keyword = m.keyword || !m.block ? 'Milestone: ' : '';
    lines.push(`## ${keyword}${m.title}${m.block ? ` {${attrs.join(' ')}}` : ''}`);
    if (m.list && (m.list.due || m.list.status !== undefined || m.list.owner)) {
      if (m.list.due) lines.push(`- due: ${m.list.due}`);
      if (m.list.status !== undefined) lines.push(`- status: ${m.list.status}`.trimEnd());
      if (m.list.owner) lines.push(`- owner: ${m.list.owner}`);
    }
    for (const t of m.tasks) lines.push(`- [${t.checked ? 'x' : ' '}] ${t.title}${t.due ? ` {due=${t.due}}` : ''}`);
    lines.push('');
    if (m.words) lines.push('Some words {not a block}.', '');
  }
  return { path: 'rollout.project.md', text: (bom ? '\uFEFF' : '') + lines.join(nl) };
});

const yamlTask = (n: number) => fc.record({ title: title(n + 10), form: fc.constantFrom('block', 'flow', 'scalar'), done: fc.constantFrom(undefined, 'false', ''), due: fc.option(date, { nil: undefined }) });

const yamlMilestone = (n: number) => fc.record({
  flow: fc.boolean(),
  due: fc.option(fc.oneof(period.map((d) => ({ kind: 'scalar' as const, d })), date.map((d) => ({ kind: 'flow-list' as const, d })), date.map((d) => ({ kind: 'block-list' as const, d }))), { nil: undefined }),
  status: fc.option(status, { nil: undefined }),
  owner: fc.option(fc.constantFrom('kim', '[kim, lea]'), { nil: undefined }),
  tasks: fc.array(yamlTask(n), { maxLength: 2 }),
  title: title(n),
});

const yamlFile = fc.record({
  eol,
  bom: fc.boolean(),
  status: fc.option(status, { nil: undefined }),
  milestones: fc.tuple(yamlMilestone(1), yamlMilestone(2), yamlMilestone(3)).chain((ms) => fc.integer({ min: 1, max: 3 }).map((k) => ms.slice(0, k))),
}).map(({ eol: nl, bom, status: st, milestones }): Generated => {
  const lines = ['type: project', 'id: supplier'];
  if (st !== undefined) lines.push(`status: ${st}`.trimEnd());
  lines.push('milestones:');
  for (const [i, m] of milestones.entries()) {
    const quoted = JSON.stringify(m.title);
    if (m.flow) {
      const entries = [`id: m${i}`, `title: ${quoted}`];
      if (m.due) entries.push(`due: ${m.due.kind === 'scalar' ? m.due.d : `[${m.due.d}]`}`);
      if (m.status !== undefined) entries.push(`status: ${m.status}`.trimEnd());
      if (m.owner) entries.push(`owner: ${m.owner}`);
      lines.push(`  - {${entries.join(', ')}}`);
      continue;
    }
    lines.push(`  - id: m${i}`, `    title: ${quoted}`);
    if (m.due?.kind === 'scalar') lines.push(`    due: ${m.due.d}`);
    if (m.due?.kind === 'flow-list') lines.push(`    due: [${m.due.d}]`);
    if (m.due?.kind === 'block-list') lines.push('    due:', `      - ${m.due.d}`);
    if (m.status !== undefined) lines.push(`    status: ${m.status}`.trimEnd());
    if (m.owner) lines.push(`    owner: ${m.owner}`);
    if (m.tasks.length) lines.push('    tasks:');
    for (const t of m.tasks) {
      const q = JSON.stringify(t.title);
      if (t.form === 'scalar') lines.push(`      - ${q}`);
      else if (t.form === 'flow') lines.push(`      - {title: ${q}${t.done !== undefined ? `, done: ${t.done}`.trimEnd() : ''}${t.due ? `, due: ${t.due}` : ''}}`);
      else {
        lines.push(`      - title: ${q}`);
        if (t.done !== undefined) lines.push(`        done: ${t.done}`.trimEnd());
        if (t.due) lines.push(`        due: ${t.due}`);
      }
    }
  }
  lines.push('');
  return { path: 'supplier.project.yaml', text: (bom ? '\uFEFF' : '') + lines.join(nl) };
});

const planFile = fc.oneof(markdownFile, yamlFile);

function parse(g: Generated, text = g.text): ParsedFile {
  const file = parsePlanFile(g.path, text);
  assert.ok(file, 'a plan file');
  return file;
}

/** What an item reads as, field by field, for comparing before and after an edit. */
function reading(item: Item): Record<string, unknown> {
  const d = (v: Item['due']) => v && [v.first, v.last];
  return {
    kind: item.kind, id: item.id, title: item.title, parent: item.parent, status: item.status,
    due: d(item.due), start: d(item.start), end: d(item.end), target: d(item.target),
    owners: item.owners, depends: item.depends.map((l) => l.id), delivers: item.delivers.map((l) => l.id),
  };
}

function apply(text: string, result: MarkDoneResult): { out: string; start: number; end: number; newText: string } {
  if (!result.ok) throw new Error(result.reason);
  const { span, newText } = result.edit;
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, 'the span lies in the text');
  return { out: text.slice(0, span.start) + newText + text.slice(span.end), start: span.start, end: span.end, newText };
}

/** The checks every edit passes: one line ending, inside the item, nothing new to complain about. */
function checkEdit(g: Generated, before: ParsedFile, index: number, edit: ReturnType<typeof apply>): ParsedFile {
  const bom = g.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const breaks = edit.newText.match(/\r\n|\r|\n/g) ?? [];
  const eol = dominantEol(g.text);
  for (const b of breaks) assert.equal(b, eol, 'inserted lines end like the file');
  const item = before.items[index];
  if (item.parent >= 0) {
    assert.ok(edit.start >= item.extent.start + bom && edit.end <= item.extent.end + bom + 1, `the edit stays inside the item (${edit.start}-${edit.end} vs ${item.extent.start}-${item.extent.end})`);
  }
  assert.equal(edit.out.slice(0, edit.start), g.text.slice(0, edit.start), 'text before the edit unchanged');
  assert.equal(edit.out.slice(edit.start + edit.newText.length), g.text.slice(edit.end), 'text after the edit unchanged');
  const after = parse(g, edit.out);
  const problems = (f: ParsedFile) => f.problems.filter((p) => p.rule === 'parse-error').map((p) => p.message);
  assert.deepEqual(problems(after), problems(before), 'no new parse error');
  assert.equal(after.items.length, before.items.length, 'the same items');
  for (let j = 0; j < before.items.length; j++) {
    if (j !== index) assert.deepEqual(reading(after.items[j]), reading(before.items[j]), `item ${j} unchanged`);
  }
  return after;
}

describe('edits, as a property over generated plan files', function () {
  this.timeout(120_000);

  it(`Mark Done changes exactly the item's status, for every item (${RUNS} files)`, () => {
    fc.assert(fc.property(planFile, (g) => {
      const before = parse(g);
      for (let index = 0; index < before.items.length; index++) {
        const item = before.items[index];
        const result = markDoneEdit(before, index, g.text);
        if (item.status === 'done') {
          assert.equal(result.ok, false, 'a done item is refused');
          continue;
        }
        const edit = apply(g.text, result);
        const after = checkEdit(g, before, index, edit);
        assert.deepEqual(reading(after.items[index]), { ...reading(item), status: 'done' }, `item ${index} is done and otherwise unchanged:\n${edit.out}`);
      }
    }), { numRuns: RUNS });
  });

  it(`reschedule moves exactly one date of one item, for every item (${RUNS} files)`, () => {
    fc.assert(fc.property(planFile, fc.integer({ min: dayFromParts(2020, 1, 1), max: dayFromParts(2035, 12, 31) }), fc.nat(), (g, day, pick) => {
      const before = parse(g);
      for (let index = 0; index < before.items.length; index++) {
        const item = before.items[index];
        const fields = DATE_FIELDS_OF[item.kind];
        if (!fields.length) continue;
        const field: DateField = fields[pick % fields.length];
        const edit = apply(g.text, rescheduleEdit(before, index, field, day, g.text));
        const after = checkEdit(g, before, index, edit);
        const moved = after.items[index][field];
        assert.ok(moved && moved.first <= day && day <= moved.last, `${field} of item ${index} covers ${formatDay(day)}:\n${edit.out}`);
        const { [field]: _new, ...rest } = reading(after.items[index]);
        const { [field]: _old, ...was } = reading(item);
        assert.deepEqual(rest, was, `only ${field} of item ${index} changed`);
      }
    }), { numRuns: RUNS });
  });
});
