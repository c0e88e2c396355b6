/**
 * Behaviours of src/core/rules that mutation testing (docs/mutation-testing.md) showed no test
 * pinned down: every rule's exact message, place and severity on one workspace where all of them
 * fire; the per-node checks (`Rule.checkNode`, used by the incremental check) giving exactly the
 * whole-workspace findings; related information and fixes.
 */
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/core/check';
import { RULES } from '../../src/core/rules/index';
import { nodeContext, parserFindings, where, type Finding } from '../../src/core/rules/rule';
import { allowedDistance, IdSuggester } from '../../src/core/rules/suggest';
import { dependencyCycles } from '../../src/core/schedule/cycles';
import { covered, day, diagnose, workspace } from './helpers';

const FILES: Record<string, string> = {
  'r.roadmap.md': `---
type: roadmap
id: glow
---
## Goal: Grow retention {#retention due=2026-06-30}
### Initiative: Skincare line {#skincare-line target=2027-Q1 horizon=now}
### Initiative: Gift cards {#gift-cards horizon=now}
### Initiative: Loyalty {#loyalty status=in-progress}
### Initiative: Finished thing {#finished status=done}
## Initiative: Orphan {#orphan target=2026-12-01}
## Initiative: Gone {#gone status=dropped}
`,
  'a.project.md': `---
type: project
id: rollout
delivers: skincare-line
start: 2026-10-01
end: 2026-11-01
budget: 10 000 EUR
spent: 12 500 EUR
---
## Milestone: Pilot {#pilot due=2027-05-01 depends=ship}
- [x] Order samples
- [ ] Train staff
## Milestone: Ship {#ship due=2026-11-30 depends="pilot FS+2w"}
- [ ] Print labels
## Milestone: Loop {#loop due=2026-12-10 depends=loop}
## Milestone: Wrong {#wrong due=2026-12-01 depends=retention delivers=pilott}
## Milestone: Done early {#early status=done due=2026-01-01}
- [ ] still open
## Milestone: After {#after due=2026-12-05 depends="early SS+3d"}
## Milestone: Before dep {#before-dep due=2026-11-25 depends=after}
## Milestone: Dup {#pilot due=2026-12-24}
`,
  'b.project.md': `---
type: project
id: lonely
budget: 100
spent: 150 USD
---
## Milestone: Soon {#soon due=2026-12-01 colour=red}
- [ ] one
- [ ] two
- [x] three
## Milestone: Far link {#far depends="[x](a.project.md#nope)"}
`,
  'c.project.yaml': `type: project
id: yamlproj
delivers: [loyalty, gift-cardz]
end: 2026-13-45
status: weird
milestones:
  - id: ym
    due: 2027-02-30
    depends: [ship SF, pilot XX]
`,
};

const TODAY = '2026-11-23';
const line = (d: Diagnostic) => `${d.rule}@${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`;
const key = (f: Finding) => JSON.stringify(f);

describe('mutation: rules', () => {
  it('reports every rule at its place, with its severity and exact message', () => {
    assert.deepEqual(diagnose(FILES, TODAY).map(line), [
      "overdue@a.project.md:3:5 warning Project 'rollout' was to end 2026-11-01 (22 days ago) and is not done",
      "over-budget@a.project.md:8:8 warning Project 'rollout' has spent 12,500 EUR of a 10,000 EUR budget (125%)",
      "dependency-cycle@a.project.md:10:4 error Milestone 'Pilot' depends on milestone 'Ship', which leads back to it: a dependency cycle of 2 items (pilot → ship → pilot)",
      "after-target@a.project.md:10:29 warning Milestone 'Pilot' is due 2027-05-01, after the target of initiative 'Skincare line' it delivers (2027-Q1, which ends 2027-03-31)",
      "at-risk@a.project.md:13:4 info Milestone 'Ship' is due 2026-11-30 (in 7 days) with only 0 of 1 task done",
      "dependency-cycle@a.project.md:13:4 error Milestone 'Ship' depends on milestone 'Pilot', which leads back to it: a dependency cycle of 2 items (ship → pilot → ship)",
      "dependency-cycle@a.project.md:15:4 error Milestone 'Loop' depends on itself",
      "broken-link@a.project.md:16:44 error Milestone 'Wrong' depends on 'retention', which is a goal ('Grow retention'), not a milestone or a project",
      "broken-link@a.project.md:16:62 error Milestone 'Wrong' delivers 'pilott', which is not defined",
      "status-mismatch@a.project.md:17:4 warning Milestone 'Done early' is done but 1 task is still open",
      "dependency-order@a.project.md:20:4 warning Milestone 'Before dep' is due 2026-11-25, before milestone 'After' it depends on is due (2026-12-05), a finish-to-start dependency",
      "duplicate-id@a.project.md:21:4 error Duplicate id 'pilot': already defined by milestone 'Pilot' at a.project.md:10; links resolve to that one",
      "unlinked@b.project.md:3:5 warning Project 'lonely' delivers no initiative of the roadmap: add `delivers: <initiative id>` to it or to one of its milestones",
      "over-budget@b.project.md:5:8 warning Project 'lonely' has spent 150 USD of a 100 USD budget (150%)",
      "at-risk@b.project.md:7:4 info Milestone 'Soon' is due 2026-12-01 (in 8 days) with only 1 of 3 tasks done",
      "unknown-field@b.project.md:7:42 warning Unknown field 'colour' on milestone 'Soon'; a milestone has the fields id, title, due, start, status, owner, depends, delivers, progress",
      "broken-link@b.project.md:11:30 error Milestone 'Far link' depends on 'nope', which is not defined in a.project.md",
      "broken-link@c.project.yaml:3:21 error Project 'yamlproj' delivers 'gift-cardz', which is not defined: did you mean 'gift-cards'?",
      "invalid-date@c.project.yaml:4:6 error Invalid end on project 'yamlproj': month 13 does not exist",
      "invalid-value@c.project.yaml:5:9 error Unknown status 'weird' on project 'yamlproj': use idea, planned, in-progress, blocked, done, dropped",
      "invalid-date@c.project.yaml:8:10 error Invalid due on milestone 'ym': 2027-02-30 does not exist (February 2027 has 28 days)",
      "invalid-value@c.project.yaml:9:15 error Dependency on 'ship' from milestone 'ym': start-to-finish (SF) dependencies are not supported: use FS, SS or FF",
      "broken-link@c.project.yaml:9:24 error Milestone 'ym' depends on 'pilot XX', which is not defined",
      "overdue@r.roadmap.md:5:4 warning Goal 'Grow retention' was due 2026-06-30 (146 days ago) and is not done",
      "unplanned@r.roadmap.md:7:5 info Initiative 'Gift cards' is on the roadmap for now, but no project or milestone delivers it",
      "unlinked@r.roadmap.md:10:4 warning Initiative 'Orphan' serves no goal: add `goal: <goal id>` or nest it under a Goal",
    ]);
  });

  it('per-node checks find exactly what the whole-workspace checks find', () => {
    const ws = workspace(FILES);
    const ctx = { ws, today: day(TODAY), riskWindowDays: 14 };
    const nodeCtx = nodeContext(ctx, dependencyCycles(ws.nodes));
    let compared = 0;
    for (const rule of RULES) {
      if (!rule.checkNode) continue;
      const whole = rule.check(ctx).map(key).sort();
      const perNode = ws.nodes.flatMap((n) => rule.checkNode!(nodeCtx, n)).map(key).sort();
      assert.deepEqual(perNode, whole, rule.id);
      compared += whole.length;
    }
    assert.ok(compared >= 20, `only ${compared} findings compared`);
  });

  it('puts related information and fixes where they belong', () => {
    const d = diagnose(FILES, TODAY);
    const find = (rule: string, file: string, ln: number) => d.find((x) => x.rule === rule && x.file === file && x.line === ln)!;
    const budget = find('over-budget', 'a.project.md', 8);
    assert.equal(covered(FILES, budget), '12 500 EUR');
    assert.deepEqual(budget.related?.map((r) => [r.file, r.line, r.message]), [['a.project.md', 7, 'Budget']]);
    const target = find('after-target', 'a.project.md', 10);
    assert.equal(covered(FILES, target), 'due=2027-05-01');
    assert.deepEqual(target.related?.map((r) => [r.file, r.line, r.message]), [['r.roadmap.md', 6, "Target of initiative 'Skincare line'"]]);
    const cycle = find('dependency-cycle', 'a.project.md', 10);
    assert.deepEqual(cycle.related?.map((r) => [r.line, r.message]), [[13, "Milestone 'Pilot' depends on milestone 'Ship'"]]);
    const loop = find('dependency-cycle', 'a.project.md', 15);
    assert.deepEqual(loop.related?.map((r) => [r.line, r.message]), [[15, "Milestone 'Loop' depends on itself"]]);
    const dup = find('duplicate-id', 'a.project.md', 21);
    assert.deepEqual(dup.related?.map((r) => [r.file, r.line]), [['a.project.md', 10]]);
    const kind = d.find((x) => x.rule === 'broken-link' && x.message.includes("'retention'"))!;
    assert.equal(covered(FILES, kind), 'depends=retention');
    assert.deepEqual(kind.related?.map((r) => [r.file, r.line, r.message]), [['r.roadmap.md', 5, "'retention' is defined here"]]);
    const typo = d.find((x) => x.rule === 'broken-link' && x.file === 'c.project.yaml')!;
    assert.deepEqual(typo.fixes?.map((f) => [f.title, f.text]), [["Change 'gift-cardz' to 'gift-cards'", 'gift-cards']]);
    assert.equal(d.find((x) => x.rule === 'broken-link' && x.message.includes("'pilott'"))!.fixes, undefined);
    for (const x of d) if (x.rule === 'overdue' || x.rule === 'unlinked' || x.rule === 'unplanned') assert.equal(x.related, undefined, line(x));
  });

  it('names a place as path:line, and keeps only the parser problems asked for', () => {
    const ws = workspace(FILES);
    assert.equal(where(ws.byId.get('ship')!), 'a.project.md:13');
    assert.equal(where(ws.byId.get('ship')!, { start: 0, end: 0 }), 'a.project.md:1');
    const dates = parserFindings(ws, 'invalid-date');
    assert.deepEqual(dates.map((f) => [f.file, f.item]), [['c.project.yaml', 'yamlproj'], ['c.project.yaml', 'ym']]);
    assert.deepEqual(parserFindings(ws, 'invalid-date', (p) => p.item === 'ym').map((f) => f.item), ['ym']);
  });

  it('honours a severity setting per rule and leaves out rules set to off', () => {
    const d = diagnose(FILES, TODAY, { rules: { 'over-budget': 'error', overdue: 'off', unplanned: 'warning' } });
    assert.deepEqual([...new Set(d.filter((x) => x.rule === 'over-budget').map((x) => x.severity))], ['error']);
    assert.equal(d.filter((x) => x.rule === 'overdue').length, 0);
    assert.deepEqual(d.filter((x) => x.rule === 'unplanned').map((x) => x.severity), ['warning']);
  });

  describe('id suggestions', () => {
    it('allows a third of the length, at least two edits', () => {
      assert.deepEqual([0, 1, 5, 6, 8, 9, 12].map((n) => allowedDistance('x'.repeat(n))), [2, 2, 2, 2, 2, 3, 4]);
    });

    it('finds ids one edit or one swap away by lookup, comparing one candidate', () => {
      const s = new IdSuggester(['pilot', 'pilots', 'ship', 'launch-beta', 'launch-gamma', 'pilot', 'abcdefgh']);
      const ask = (q: string) => {
        const before = s.comparisons;
        return [s.suggest(q), s.comparisons - before];
      };
      assert.deepEqual(ask('pilt'), ['pilot', 1]);
      assert.deepEqual(ask('pliot'), ['pilot', 1]);
      assert.deepEqual(ask('sihp'), ['ship', 1]);
      assert.deepEqual(ask('hsip'), ['ship', 1]);
      assert.deepEqual(ask('shipp'), ['ship', 1]);
      assert.deepEqual(ask('pilotss'), ['pilots', 1]);
      assert.deepEqual(ask('pilt'), ['pilot', 0], 'asked before: from the cache');
    });

    it('falls back to ids of near length, within the allowed distance only', () => {
      const s = new IdSuggester(['pilot', 'pilots', 'ship', 'launch-beta', 'launch-gamma', 'abcdefgh']);
      assert.equal(s.suggest('launch-bteaa'), 'launch-beta');
      assert.equal(s.suggest('abcdxxgh'), 'abcdefgh');
      assert.equal(s.suggest('piloxx'), 'pilot');
      assert.equal(s.suggest('abxxxxgh'), undefined);
      assert.equal(s.suggest('xyz'), undefined);
      assert.equal(s.suggest('zz'), undefined);
    });

    it('gives a tie to the first id, also for ids too long to index', () => {
      const s = new IdSuggester(['ab', 'ba']);
      assert.deepEqual([s.suggest('aa'), s.suggest('bb')], ['ab', 'ab']);
      const long = 'a'.repeat(70);
      const l = new IdSuggester([long, `${'a'.repeat(69)}b`]);
      assert.equal(l.suggest(`${'a'.repeat(69)}c`), long);
      assert.equal(l.suggest('a'.repeat(71)), long);
    });

    it('compares a far id with at most 96 ids, and a near one with few', () => {
      const ids = Array.from({ length: 1000 }, (_, i) => `id-${String(i).padStart(4, '0')}`);
      const far = new IdSuggester(ids);
      assert.equal(far.suggest('zz-zzzz'), undefined);
      assert.equal(far.comparisons, 96);
      const near = new IdSuggester(ids);
      assert.equal(near.suggest('id-00x0'), 'id-0000');
      assert.ok(near.comparisons > 0 && near.comparisons <= 40, `${near.comparisons} comparisons`);
    });
  });

  it('counts open work under closed items and open items delivering done initiatives, listing at most 20', () => {
    const files: Record<string, string> = {
      'r.roadmap.md': '---\ntype: roadmap\nid: r\n---\n## Goal: G {#g}\n### Initiative: One {#one status=done}\n### Initiative: Two {#two status=done}\n',
      's.project.md': [
        '---', 'type: project', 'id: s', 'status: dropped', 'delivers: one, two', '---',
        '## Milestone: M1 {#m1 delivers=two due=2027-03-20}', '- [x] parent', '  - [ ] child a', '  - [ ] child b',
        '## Milestone: M2 {#m2 due=2027-03-20 start=2027-03-06}', '- [ ] loose',
        '## Milestone: Big {#big status=done}', ...Array.from({ length: 25 }, (_, i) => `- [ ] t${i}`),
        '## Milestone: Gap {#gap due=2027-03-10 depends="m2 SS+5d, m1 FF-1w"}',
        '## Milestone: M2b {#m2b due=2027-03-01 start=2027-03-08 depends="gap SS"}', '',
      ].join('\n'),
    };
    const d = diagnose(files, TODAY).filter((x) => x.rule === 'status-mismatch' || x.rule === 'dependency-order');
    assert.deepEqual(d.map((x) => [x.rule, x.file, x.line, x.message, x.related?.length, x.related?.slice(0, 2).map((r) => [r.line, r.message])]), [
      ['status-mismatch', 'r.roadmap.md', 6, "Initiative 'One' is done but milestone 'M2' and 2 more, which deliver it, are still open", 3, [[11, "Milestone 'M2' is planned"], [39, "Milestone 'Gap' is planned"]]],
      ['status-mismatch', 'r.roadmap.md', 7, "Initiative 'Two' is done but milestone 'M1' and 3 more, which deliver it, are still open", 4, [[7, "Milestone 'M1' is planned"], [11, "Milestone 'M2' is planned"]]],
      ['status-mismatch', 's.project.md', 3, "Project 's' is dropped but 4 milestones and 25 tasks are still open", 20, [[7, 'Open milestone'], [11, 'Open milestone']]],
      ['status-mismatch', 's.project.md', 8, "Task 'parent' is ticked but 2 subtasks are still open", 2, [[9, 'Open subtask'], [10, 'Open subtask']]],
      ['status-mismatch', 's.project.md', 13, "Milestone 'Big' is done but 25 tasks are still open", 20, [[14, 'Open task'], [15, 'Open task']]],
      ['dependency-order', 's.project.md', 39, "Milestone 'Gap' has no start and is due 2027-03-10, less than 5 days after milestone 'M2' it depends on starts (2027-03-06), a start-to-start dependency with a 5-day lag (SS+5d): it can start 2027-03-11 or later", 1, [[11, "Start of milestone 'M2'"]]],
      ['dependency-order', 's.project.md', 39, "Milestone 'Gap' is due 2027-03-10, more than 7 days before milestone 'M1' it depends on is due (2027-03-20), a finish-to-finish dependency with a 7-day lead (FF-7d): it can be due 2027-03-13 or later", 1, [[7, "Deadline of milestone 'M1'"]]],
      ['dependency-order', 's.project.md', 40, "Milestone 'M2b' starts 2027-03-08, before milestone 'Gap' it depends on starts (no start written: its deadline, 2027-03-10), a start-to-start dependency", 1, [[39, "Start of milestone 'Gap'"]]],
    ]);
    const ws = workspace(files);
    const ctx = { ws, today: day(TODAY), riskWindowDays: 14 };
    const nodeCtx = nodeContext(ctx, dependencyCycles(ws.nodes));
    for (const rule of RULES.filter((r) => r.id === 'status-mismatch' || r.id === 'dependency-order')) {
      assert.deepEqual(ws.nodes.flatMap((n) => rule.checkNode!(nodeCtx, n)).map(key).sort(), rule.check(ctx).map(key).sort(), rule.id);
    }
  });
});
