/**
 * Behaviours of src/core/language that mutation testing (docs/mutation-testing.md) showed no test
 * pinned down: line-ending choice, rescheduling at the written granularity, which item and which
 * link a cursor is on, and mark-done on each kind of item.
 */
import assert from 'node:assert/strict';
import { parseDateOrPeriod, type Day } from '../../src/core/dates';
import { itemIndexAt } from '../../src/core/language/item-at';
import { linkAt } from '../../src/core/language/link-at';
import { dominantEol, markDoneEdit, type MarkDoneResult } from '../../src/core/language/mark-done';
import { DATE_FIELDS_OF, isDateField, rescheduleEdit, sameGranularity } from '../../src/core/language/reschedule';
import { parsePlanFile } from '../../src/core/parse/index';

const day = (s: string): Day => (parseDateOrPeriod(s) as { ok: true; value: { first: Day } }).value.first;

const TEXT = '---\ntype: project\nid: p\nend: 2027-Q2\n---\n## Milestone: A {#a due=2027-01-01}\n- [ ] t\n## Milestone: B {#b}\n- owner: x\n';
const FILE = parsePlanFile('p.project.md', TEXT)!;

function apply(result: MarkDoneResult, text = TEXT): string {
  if (!result.ok) return `refused: ${result.reason}`;
  return text.slice(0, result.edit.span.start) + result.edit.newText + text.slice(result.edit.span.end);
}

describe('mutation: language', () => {
  it('ends new lines like most lines of the file: CRLF, CR or LF (LF on a tie with LF or no line at all)', () => {
    assert.equal(dominantEol(''), '\n');
    assert.equal(dominantEol('a\r\nb\r\nc\n'), '\r\n');
    assert.equal(dominantEol('a\rb\rc\n'), '\r');
    assert.equal(dominantEol('a\r\nb\n'), '\n');
    assert.equal(dominantEol('a\rb\r\nc\r\n'), '\r\n');
    assert.equal(dominantEol('a\rb\r\n'), '\r\n', 'CRLF wins a tie with CR');
    assert.equal(dominantEol('a\rb\n'), '\n', 'LF wins a tie with CR');
  });

  it('keeps the granularity of the written date when rescheduling', () => {
    const cases: [string, string, string][] = [
      ['2027-Q1', '2027-05-10', '2027-Q2'], ['2027-q4', '2028-12-31', '2028-Q4'], ['2027-Q1', '2027-03-31', '2027-Q1'], ['2027-Q1', '2027-04-01', '2027-Q2'],
      ['2027-H1', '2027-07-01', '2027-H2'], ['2027-h2', '2027-06-30', '2027-H1'],
      ['2027-03', '2027-05-10', '2027-05'], ['2027', '2028-01-01', '2028'],
      ['2027-01-01', '2027-05-10', '2027-05-10'], ['garbage', '2027-05-10', '2027-05-10'],
    ];
    for (const [old, to, expected] of cases) assert.equal(sameGranularity(old, day(to)), expected, `${old} → ${to}`);
  });

  it('knows the date fields, and which kinds own which', () => {
    assert.deepEqual(['due', 'end', 'start', 'target', 'Due', 3, 'title', undefined].map(isDateField), [true, true, true, true, false, false, false, false]);
    assert.deepEqual(DATE_FIELDS_OF, { roadmap: [], goal: ['due'], initiative: ['target'], project: ['start', 'end'], milestone: ['start', 'due'], task: ['start', 'due'] });
  });

  it('reschedules in place, adds a missing date next to the other fields, and refuses a date the kind does not own', () => {
    assert.equal(apply(rescheduleEdit(FILE, 0, 'end', day('2027-08-15'), TEXT)), TEXT.replace('end: 2027-Q2', 'end: 2027-Q3'));
    assert.equal(apply(rescheduleEdit(FILE, 1, 'due', day('2027-02-03'), TEXT)), TEXT.replace('due=2027-01-01', 'due=2027-02-03'));
    assert.equal(apply(rescheduleEdit(FILE, 3, 'start', day('2027-02-03'), TEXT)), `${TEXT}- start: 2027-02-03\n`);
    assert.deepEqual(rescheduleEdit(FILE, 1, 'end', day('2027-02-03'), TEXT), { ok: false, reason: "A milestone has no 'end' date" });
    assert.deepEqual(rescheduleEdit(FILE, 9, 'due', day('2027-02-03'), TEXT), { ok: false, reason: 'The item is no longer in the file' });
    const at = TEXT.indexOf('2027-01-01');
    assert.deepEqual(rescheduleEdit(FILE, 1, 'due', day('2027-02-03'), `\ufeff${TEXT}`), { ok: true, edit: { span: { start: at + 1, end: at + 11 }, newText: '2027-02-03' } }, 'shifted past a BOM');
  });

  it('finds the deepest item around an offset, inclusive at both ends', () => {
    const task = FILE.items[2].extent;
    assert.deepEqual([0, task.start - 1, task.start, task.end, task.end + 1, TEXT.length, TEXT.length + 1].map((o) => itemIndexAt(FILE, o)), [0, 1, 2, 2, 3, 0, undefined]);
  });

  it('finds the link under an offset, inclusive at both ends of its id', () => {
    const text = '---\ntype: project\nid: p\n---\n## Milestone: A {#a depends="b, c" delivers=x}\n## Milestone: B {#b}\n## Milestone: C {#c}\n';
    const file = parsePlanFile('p.project.md', text)!;
    const b = text.indexOf('"b, c"') + 1;
    const x = text.indexOf('delivers=x') + 9;
    const at = (o: number) => {
      const l = linkAt(file, o);
      return l && [l.field, l.index, l.link.id];
    };
    assert.deepEqual([b - 1, b, b + 1, b + 2].map(at), [undefined, ['depends', 1, 'b'], ['depends', 1, 'b'], undefined]);
    assert.deepEqual(at(b + 3), ['depends', 1, 'c']);
    assert.deepEqual([x - 1, x, x + 1, x + 2].map(at), [undefined, ['delivers', 1, 'x'], ['delivers', 1, 'x'], undefined]);
    assert.equal(at(0), undefined);
  });

  it('marks each kind of item done with the smallest edit', () => {
    assert.deepEqual(markDoneEdit(FILE, 1, TEXT), { ok: true, edit: { span: { start: 75, end: 75 }, newText: ' status=done' } });
    assert.equal(apply(markDoneEdit(FILE, 2, TEXT)), TEXT.replace('- [ ] t', '- [x] t'));
    assert.equal(apply(markDoneEdit(FILE, 3, TEXT)), `${TEXT}- status: done\n`);
    assert.equal(apply(markDoneEdit(FILE, 0, TEXT)), TEXT.replace('end: 2027-Q2\n', 'end: 2027-Q2\nstatus: done\n'));
    assert.deepEqual(markDoneEdit(FILE, 7, TEXT), { ok: false, reason: 'The item is no longer in the file' });
    const done = parsePlanFile('d.project.md', '## Milestone: D {#d status=done}\n')!;
    assert.deepEqual(markDoneEdit(done, 1, '## Milestone: D {#d status=done}\n'), { ok: false, reason: "'D' is already done" });
  });
});
