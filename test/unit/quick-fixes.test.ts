/**
 * The quick fixes of core/language/fixes: each is applied to the file as read (LF, CRLF, with a
 * BOM) and the whole result compared byte for byte with what a person would have typed.
 */
import assert from 'node:assert/strict';
import { checkDeadline, fixAllInFile, fixesFor, moveDateEdit, type PlanFix } from '../../src/core/language/fixes/index';
import { applyEdits } from '../../src/core/language/edits';
import { day, diagnose, workspace } from './helpers';

const TODAY = '2026-11-23';
const ROADMAP = '---\ntype: roadmap\nid: glow\n---\n## Goal: Retention {#retention}\n### Initiative: Skincare line {#skincare-line target=2027-Q1}\n';

type Files = Record<string, string>;

/** The fixes of the first diagnostic of `rule` in `path` (or the one whose message matches). */
function fixes(files: Files, path: string, rule: string, message?: RegExp): PlanFix[] {
  const all = diagnose(files, TODAY);
  const d = all.find((x) => x.rule === rule && x.file === path && (!message || message.test(x.message)));
  assert.ok(d, `a ${rule} in ${path}: ${all.map((x) => `${x.rule} ${x.message}`).join('\n')}`);
  const ws = workspace(files);
  return fixesFor({ ws, today: day(TODAY), textOf: (p) => files[p] }, d);
}

function titled(list: PlanFix[], title: string | RegExp): PlanFix {
  const fix = list.find((f) => (typeof title === 'string' ? f.title === title : title.test(f.title)));
  assert.ok(fix, `a fix '${title}' among: ${list.map((f) => f.title).join(' | ')}`);
  return fix;
}

/** The files after the fix's edits (each applied to the text as read, BOM and all). */
function apply(files: Files, fix: PlanFix): Files {
  const out = { ...files };
  for (const [path, edits] of fix.edits ?? []) out[path] = applyEdits(files[path], edits);
  return out;
}

const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const bom = (s: string) => `\uFEFF${s}`;
/** Each case three times: as written, with CRLF line ends, with CRLF and a BOM. */
const VARIANTS: [string, (s: string) => string][] = [['LF', (s) => s], ['CRLF', crlf], ['CRLF+BOM', (s) => bom(crlf(s))]];

/** Runs one fix on every variant of `path`, comparing the whole file with `expected`. */
function check(files: Files, path: string, rule: string, title: string | RegExp, expected: string, message?: RegExp): void {
  for (const [name, v] of VARIANTS) {
    const variant = { ...files, [path]: v(files[path]) };
    const fixed = apply(variant, titled(fixes(variant, path, rule, message), title));
    assert.equal(fixed[path], v(expected), `${name}: the whole file`);
    for (const other of Object.keys(files)) if (other !== path) assert.equal(fixed[other], variant[other], `${name}: ${other} untouched`);
  }
}

describe('quick fixes (core/language/fixes)', () => {
  describe('overdue', () => {
    const md = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: Contract {#contract due=2026-11-13 owner=lea}\n\n- [ ] Sign it {due="2026-11-10"}\n';
    it('Mark done writes status=done into the attribute block, and ticks a task box', () => {
      check({ 'r.roadmap.md': ROADMAP, 'p.project.md': md }, 'p.project.md', 'overdue', "Mark 'Contract' done",
        md.replace('owner=lea}', 'owner=lea status=done}'), /Contract/);
      check({ 'r.roadmap.md': ROADMAP, 'p.project.md': md }, 'p.project.md', 'overdue', "Mark 'Sign it' done", md.replace('- [ ]', '- [x]'), /Sign it/);
    });

    it('Mark done ticks a task whose title opens with bold text (its anchor starts at the box)', () => {
      const task = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: M {#m due=2027-01-01}\n\n1. [ ] **Call** the printer {due=2026-11-02}\n';
      check({ 'r.roadmap.md': ROADMAP, 'p.project.md': task }, 'p.project.md', 'overdue', "Mark 'Call the printer' done", task.replace('1. [ ]', '1. [x]'));
      // And the diagnostic points at the title, not at the box.
      const d = diagnose({ 'r.roadmap.md': ROADMAP, 'p.project.md': task }, TODAY).find((x) => x.rule === 'overdue')!;
      assert.equal(task.slice(d.span.start, d.span.end), '**Call** the printer {due=2026-11-02}');
    });

    it('Mark done in YAML with comments changes only the status value', () => {
      const yaml = 'type: project\nid: p\ndelivers: skincare-line # the line\nmilestones:\n  # first\n  - id: m\n    title: M\n    due: 2026-11-13 # was 11-01\n    status: in-progress # slow\n';
      check({ 'r.roadmap.md': ROADMAP, 'p.project.yaml': yaml }, 'p.project.yaml', 'overdue', "Mark 'M' done", yaml.replace('in-progress # slow', 'done # slow'));
    });

    it('Move due date… asks with a date a week out, written as the deadline was, and only the date changes', () => {
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.md': md };
      const move = titled(fixes(files, 'p.project.md', 'overdue', /Contract/), 'Move due date…');
      assert.equal(move.edits, undefined);
      assert.equal(move.ask?.prefill, '2026-11-30');
      assert.equal(move.ask?.field, 'due');
      const q = '---\ntype: project\nid: p\ndelivers: skincare-line\nend: "2026-Q3"\n---\n';
      const project = titled(fixes({ 'r.roadmap.md': ROADMAP, 'p.project.md': q }, 'p.project.md', 'overdue'), 'Move end date…');
      assert.equal(project.ask?.prefill, '2026-Q4', 'a quarter stays a quarter');
      for (const [, v] of VARIANTS) {
        const text = v(q);
        const file = workspace({ 'p.project.md': text }).files[0];
        const edit = moveDateEdit(file, 0, 'end', '2027-Q1', text.replace(/^\uFEFF/, ''));
        assert.ok(edit.ok);
        assert.equal(applyEdits(text, [edit.edit]), v(q.replace('"2026-Q3"', '"2027-Q1"')), 'inside the quotes');
      }
    });

    it('checks the typed date: canonical, one human reading, not before today or the start', () => {
      const item = workspace({ 'p.project.md': '---\ntype: project\nid: p\nstart: 2026-12-01\nend: 2026-11-01\n---\n' }).files[0].items[0];
      const today = day(TODAY);
      assert.deepEqual(checkDeadline('2026-12-18', item, today), { ok: true, text: '2026-12-18', note: undefined });
      assert.deepEqual(checkDeadline('Dec 18, 2026', item, today), { ok: true, text: '2026-12-18', note: 'Read as 2026-12-18' });
      assert.match((checkDeadline('2026-11-20', item, today) as { reason: string }).reason, /before today/);
      assert.match((checkDeadline('2026-11-25', item, today) as { reason: string }).reason, /before the item starts/);
      assert.match((checkDeadline('12/04/2026', item, today) as { reason: string }).reason, /ambiguous/);
      assert.match((checkDeadline('soon', item, today) as { reason: string }).reason, /not a date/);
      assert.equal(checkDeadline('', item, today).ok, false);
    });
  });

  describe('invalid-date', () => {
    it('offers each reading of an ambiguous date and writes only the date, quotes kept', () => {
      const md = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: A {#a due="12/04/2026" owner=lea}\n';
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.md': md };
      assert.deepEqual(fixes(files, 'p.project.md', 'invalid-date').map((f) => f.title), ['Write 2026-12-04', 'Write 2026-04-12']);
      check(files, 'p.project.md', 'invalid-date', 'Write 2026-04-12', md.replace('12/04/2026', '2026-04-12'));
    });

    it('a day past the end of its month: the month\'s last day, in YAML flow style', () => {
      const yaml = 'type: project\nid: p\ndelivers: skincare-line\nmilestones:\n  - {id: m, title: M, due: 2027-02-30, owner: lea}\n';
      check({ 'r.roadmap.md': ROADMAP, 'p.project.yaml': yaml }, 'p.project.yaml', 'invalid-date', 'Write 2027-02-28 (the last day of February 2027)', yaml.replace('2027-02-30', '2027-02-28'));
    });

    it('a list where one date belongs: each date it holds, written as the one value (YAML flow and block, attribute block)', () => {
      const flow = 'type: project\nid: p\ndelivers: skincare-line\nmilestones:\n  - id: m\n    due: [2027-01-31, 2027-02-28] # which?\n';
      check({ 'r.roadmap.md': ROADMAP, 'p.project.yaml': flow }, 'p.project.yaml', 'invalid-date', 'Keep 2027-02-28 (one of the 2 dates written)', flow.replace('[2027-01-31, 2027-02-28]', '2027-02-28'));
      const block = 'type: project\nid: p\ndelivers: skincare-line\nmilestones:\n  - id: m\n    due:\n      - 2027-01-31\n      - 2027-02-28\n    owner: lea\n';
      check({ 'r.roadmap.md': ROADMAP, 'p.project.yaml': block }, 'p.project.yaml', 'invalid-date', 'Keep 2027-01-31 (one of the 2 dates written)', block.replace('due:\n      - 2027-01-31\n      - 2027-02-28', 'due: 2027-01-31'));
      const md = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: A {#a due=2027-01-31,2027-02-28 owner=lea}\n';
      check({ 'r.roadmap.md': ROADMAP, 'p.project.md': md }, 'p.project.md', 'invalid-date', 'Keep 2027-01-31 (one of the 2 dates written)', md.replace('due=2027-01-31,2027-02-28', 'due=2027-01-31'));
    });

    it('a field-list date and a relative word', () => {
      const md = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: A\n- id: a\n- due: next week\n';
      check({ 'r.roadmap.md': ROADMAP, 'p.project.md': md }, 'p.project.md', 'invalid-date', 'Write 2026-11-30', md.replace('next week', '2026-11-30'));
    });
  });

  describe('duplicate-id', () => {
    const a = '---\ntype: project\nid: a\ndelivers: skincare-line\n---\n## Milestone: Design {#design due=2027-01-10}\n';
    it('gives the second definition a free id; no link can be told to mean it, so only the definition changes', () => {
      const b = '---\ntype: project\nid: b\ndelivers: skincare-line\n---\n## Milestone: Design review {#design due=2027-02-10}\n## Milestone: Build {#build due=2027-03-01 depends=design}\n';
      const files = { 'r.roadmap.md': ROADMAP, 'a.project.md': a, 'b.project.md': b, 'c.project.md': '---\ntype: project\nid: c\ndelivers: skincare-line\ndepends: design-2\n---\n' };
      // design-2 is named by a (broken) link: taking it would make that link resolve by accident.
      check(files, 'b.project.md', 'duplicate-id', "Give milestone 'Design review' the unique id 'design-3' (only this definition: no link can be told to mean it)",
        b.replace('{#design due=2027-02-10}', '{#design-3 due=2027-02-10}'));
    });

    it('renames the links that reach only this definition: a Markdown link into its file, quoted and in YAML', () => {
      const b = '---\ntype: project\nid: b\ndelivers: skincare-line\n---\n## Milestone: Design review {#design due=2027-02-10}\n';
      const c = 'type: project\nid: c\ndelivers: skincare-line\nmilestones:\n  - id: launch # after the review\n    due: 2027-04-01\n    depends: ["[Review](b.project.md#design)", design]\n';
      const files = { 'r.roadmap.md': ROADMAP, 'a.project.md': a, 'b.project.md': b, 'c.project.yaml': c };
      const fix = titled(fixes(files, 'b.project.md', 'duplicate-id'), "Give milestone 'Design review' the unique id 'design-2' and update the link that means it");
      const fixed = apply(files, fix);
      assert.equal(fixed['b.project.md'], b.replace('{#design due', '{#design-2 due'));
      assert.equal(fixed['c.project.yaml'], c.replace('b.project.md#design)', 'b.project.md#design-2)'), 'the plain `design` still means the first definition');
      assert.equal(fixed['a.project.md'], a);
      assert.deepEqual(diagnose(fixed, TODAY).filter((d) => d.rule === 'duplicate-id' || d.rule === 'broken-link'), []);
    });

    it('a derived id gets an explicit one on its heading; a YAML id in a block sequence is replaced in place', () => {
      const b = '---\ntype: project\nid: b\ndelivers: skincare-line\n---\n## Milestone: Design\n\nText.\n';
      check({ 'r.roadmap.md': ROADMAP, 'a.project.md': a, 'b.project.md': b }, 'b.project.md', 'duplicate-id', /unique id 'design-2'/, b.replace('## Milestone: Design\n', '## Milestone: Design {#design-2}\n'));
      const y = "type: project\nid: y\ndelivers: skincare-line\nmilestones:\n  - id: 'design' # same as a's\n    due: 2027-01-01\n";
      check({ 'r.roadmap.md': ROADMAP, 'a.project.md': a, 'y.project.yaml': y }, 'y.project.yaml', 'duplicate-id', /unique id 'design-2'/, y.replace("'design'", "'design-2'"));
    });
  });

  describe('YAML flow style and kinds', () => {
    it('Mark done on a milestone written as a flow mapping adds the status inside the braces', () => {
      const yaml = 'type: project\nid: p\ndelivers: skincare-line\nmilestones:\n  - {id: m, title: M, due: 2026-11-13}   # late\n';
      check({ 'r.roadmap.md': ROADMAP, 'p.project.yaml': yaml }, 'p.project.yaml', 'overdue', "Mark 'M' done", yaml.replace('due: 2026-11-13}', 'due: 2026-11-13, status: done}'));
    });

    it('status-mismatch and dependency-order on flow mappings', () => {
      const yaml = 'type: project\nid: p\ndelivers: skincare-line\nmilestones:\n  - {id: a, title: A, due: 2027-01-20}\n  - {id: b, title: B, start: 2027-01-10, due: 2027-01-31, depends: [a]}\n  - {id: c, title: C, due: 2027-02-10, status: done, tasks: [{title: T}, "U, later"]}\n';
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.yaml': yaml };
      check(files, 'p.project.yaml', 'dependency-order', "Move start after 'A' (start 2027-01-20, due 2027-02-10)", yaml.replace('start: 2027-01-10, due: 2027-01-31', 'start: 2027-01-20, due: 2027-02-10'));
      check(files, 'p.project.yaml', 'status-mismatch', 'Tick the 2 open tasks', yaml.replace('[{title: T}, "U, later"]', '[{title: T, done: true}, {title: "U, later", done: true}]'));
    });

    it('duplicate-id across kinds: the initiative that delivers links reach is renamed with them', () => {
      const project = '---\ntype: project\nid: card-controls\ndelivers: skincare-line\n---\n';
      const roadmap = `${ROADMAP}### Initiative: Card controls {#card-controls target=2027-Q2}\n`;
      const other = '---\ntype: project\nid: other\ndelivers: card-controls\n---\n';
      const files = { 'a.project.md': project, 'r.roadmap.md': roadmap, 'z.project.md': other };
      const fix = titled(fixes(files, 'r.roadmap.md', 'duplicate-id'), "Give initiative 'Card controls' the unique id 'card-controls-2' and update the link that means it");
      const fixed = apply(files, fix);
      assert.equal(fixed['r.roadmap.md'], roadmap.replace('{#card-controls target', '{#card-controls-2 target'));
      assert.equal(fixed['z.project.md'], other.replace('delivers: card-controls', 'delivers: card-controls-2'));
      assert.equal(fixed['a.project.md'], project);
      assert.deepEqual(diagnose(fixed, TODAY).filter((d) => ['duplicate-id', 'broken-link', 'unplanned', 'unlinked'].includes(d.rule)).map((d) => d.rule), []);
    });
  });

  describe('status-mismatch', () => {
    it('closes the open tasks of a done milestone (boxes only), or reopens it', () => {
      const md = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: Pilot {#pilot due=2027-01-10 status=done}\n\n- [x] One\n- [ ] Two {owner=lea}\n  - [/] Two, part {due=2027-01-01}\n- [ ] Three\n';
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.md': md };
      check(files, 'p.project.md', 'status-mismatch', 'Tick the 3 open tasks', md.replace('- [ ] Two', '- [x] Two').replace('[/] Two, part', '[x] Two, part').replace('- [ ] Three', '- [x] Three'));
      check(files, 'p.project.md', 'status-mismatch', "Reopen 'Pilot' (status: in-progress)", md.replace('status=done}', 'status=in-progress}'));
    });

    it('a dropped project drops its open work too; YAML nested tasks and scalar tasks, comments kept', () => {
      const yaml = [
        'type: project', 'id: p', 'status: dropped # budget cut', 'delivers: skincare-line', 'milestones:',
        '  - id: m', '    title: M', '    status: planned', '    tasks:', '      - title: T', '        done: false # not yet', '        tasks:', '          - title: Sub', '      - Bare task', '',
      ].join('\n');
      const expected = yaml.replace('    status: planned', '    status: dropped')
        .replace('      - title: T\n        done: false # not yet', '      - title: T\n        done: false # not yet\n        status: dropped')
        .replace('          - title: Sub', '          - title: Sub\n            status: dropped')
        .replace('      - Bare task', '      - {title: Bare task, status: dropped}');
      check({ 'r.roadmap.md': ROADMAP, 'p.project.yaml': yaml }, 'p.project.yaml', 'status-mismatch', 'Drop the 1 open milestone and 3 open tasks too', expected);
      const fixed = apply({ 'r.roadmap.md': ROADMAP, 'p.project.yaml': yaml }, titled(fixes({ 'r.roadmap.md': ROADMAP, 'p.project.yaml': yaml }, 'p.project.yaml', 'status-mismatch'), /^Drop/));
      assert.deepEqual(diagnose(fixed, TODAY).filter((d) => d.rule === 'status-mismatch' || d.rule === 'parse-error'), []);
    });

    it('a ticked task with open subtasks: tick them, or untick it', () => {
      const md = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: M {#m due=2027-01-10}\n\n- [x] Parent\n  - [ ] Child\n';
      check({ 'r.roadmap.md': ROADMAP, 'p.project.md': md }, 'p.project.md', 'status-mismatch', 'Tick the 1 open subtask', md.replace('[ ] Child', '[x] Child'));
      check({ 'r.roadmap.md': ROADMAP, 'p.project.md': md }, 'p.project.md', 'status-mismatch', "Reopen 'Parent' (untick it)", md.replace('[x] Parent', '[ ] Parent'));
    });

    it('an initiative done while a project delivering it is open: only reopen is offered', () => {
      const roadmap = ROADMAP.replace('target=2027-Q1}', 'target=2027-Q1 status=done}');
      const files = { 'r.roadmap.md': roadmap, 'p.project.md': '---\ntype: project\nid: p\ndelivers: skincare-line\nstatus: in-progress\n---\n' };
      assert.deepEqual(fixes(files, 'r.roadmap.md', 'status-mismatch').map((f) => f.title), ["Reopen 'Skincare line' (status: in-progress)"]);
    });
  });

  describe('dependency-order', () => {
    const base = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: Supply {#supply due=2027-01-22}\n';
    it('moves start and due together, keeping the duration (field list, bold key)', () => {
      const md = `${base}\n## Milestone: Pilot\n- id: pilot\n- **start**: 2027-01-11\n- due: 2027-02-05\n- depends: supply\n`;
      check({ 'r.roadmap.md': ROADMAP, 'p.project.md': md }, 'p.project.md', 'dependency-order', "Move start after 'Supply' (start 2027-01-22, due 2027-02-16)",
        md.replace('2027-01-11', '2027-01-22').replace('2027-02-05', '2027-02-16'));
    });

    it('without a start, the due date moves; a lag counts; a quarter stays a quarter', () => {
      const md = `${base}## Milestone: Launch {#launch due=2027-01-20 depends="supply FS+5d"}\n## Milestone: Later {#later due=2027-Q1 depends="supply FF+10w"}\n`;
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.md': md };
      check(files, 'p.project.md', 'dependency-order', "Move due date after 'Supply' (due 2027-01-27)", md.replace('due=2027-01-20', 'due=2027-01-27'), /Launch/);
      check(files, 'p.project.md', 'dependency-order', "Move due date after 'Supply' (due 2027-Q2)", md.replace('due=2027-Q1', 'due=2027-Q2'), /Later/);
    });

    it('two unmet dependencies on one item: each diagnostic gets the fix for its own dependency', () => {
      const md = `${base}## Milestone: Design {#design due=2027-02-01}\n## Milestone: Pilot {#pilot start=2027-01-05 due=2027-01-25 depends="supply, design"}\n`;
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.md': md };
      assert.deepEqual(fixes(files, 'p.project.md', 'dependency-order', /Supply/).map((f) => f.title), ["Move start after 'Supply' (start 2027-01-22, due 2027-02-11)"]);
      assert.deepEqual(fixes(files, 'p.project.md', 'dependency-order', /Design/).map((f) => f.title), ["Move start after 'Design' (start 2027-02-01, due 2027-02-21)"]);
    });

    it('a YAML project across files: start and end move, comments kept; the rule is then quiet', () => {
      const yaml = 'type: project\nid: y\ndelivers: skincare-line\ndepends: supply SS+2d # waits for supply\nstart: 2027-01-01 # kick-off\nend: 2027-03-31\n';
      const md = `${base.replace('due=2027-01-22', 'start=2027-01-10 due=2027-01-22')}`;
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.md': md, 'y.project.yaml': yaml };
      check(files, 'y.project.yaml', 'dependency-order', "Move start after 'Supply' (start 2027-01-12, end 2027-04-11)", yaml.replace('2027-01-01', '2027-01-12').replace('2027-03-31', '2027-04-11'));
      const fixed = apply(files, fixes(files, 'y.project.yaml', 'dependency-order')[0]);
      assert.deepEqual(diagnose(fixed, TODAY).filter((d) => d.rule === 'dependency-order'), []);
    });
  });

  describe('fix all', () => {
    const md = '---\ntype: project\nid: p\ndelivers: skincare-line\n---\n## Milestone: A {#a due="Dec 4, 2026"}\n## Milestone: B\n- id: b\n- deadline: 2027/01/15\n- assignee: lea\n## Milestone: C {#c due="12/04/2026"}\n## Milestone: D {#d due="next week" owne=lea}\n## Milestone: E {#e due=2027-02-30}\n';
    const ctx = (files: Files) => ({ ws: workspace(files), today: day(TODAY), textOf: (p: string) => files[p] });
    it('fixes every safe date and synonym, and leaves what needs a person (two readings, today, typos, month ends)', () => {
      for (const [name, v] of VARIANTS) {
        const files = { 'r.roadmap.md': ROADMAP, 'p.project.md': v(md) };
        const targets = diagnose(files, TODAY);
        const dates = fixAllInFile(ctx(files), 'p.project.md', targets, 'invalid-date');
        assert.equal(dates?.count, 2, name);
        assert.equal(apply(files, dates!.fix)['p.project.md'], v(md.replace('"Dec 4, 2026"', '"2026-12-04"').replace('2027/01/15', '2027-01-15')), name);
        const all = fixAllInFile(ctx(files), 'p.project.md', targets);
        assert.equal(all?.count, 4, name);
        assert.equal(apply(files, all!.fix)['p.project.md'], v(md.replace('"Dec 4, 2026"', '"2026-12-04"').replace('2027/01/15', '2027-01-15').replace('- deadline:', '- due:').replace('- assignee:', '- owner:')), name);
      }
    });

    it('a synonym whose field is also written is not renamed (it would read differently)', () => {
      const y = 'type: project\nid: p\ndelivers: skincare-line\nmilestones:\n  - id: m\n    deadline: 2027-01-01\n    due: 2027-02-01\n';
      const files = { 'r.roadmap.md': ROADMAP, 'p.project.yaml': y };
      const all = fixAllInFile(ctx(files), 'p.project.yaml', diagnose(files, TODAY));
      assert.equal(all, undefined, 'a duplicate key would be a parse error');
    });
  });
});
