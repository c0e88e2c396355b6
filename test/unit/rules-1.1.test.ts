/** The rules on the forms of plan format 1.1, on hand-built files where the parser may not fill them yet. */
import assert from 'node:assert/strict';
import { checkWorkspace, type Diagnostic } from '../../src/core/check';
import { deadlineOf as deadlineFromModel, Label, label, titleOf, withArticle } from '../../src/core/model/queries';
import type { ParsedFile } from '../../src/core/model/types';
import { linkedFilePath, resolveFiles } from '../../src/core/model/workspace';
import { deadlineOf } from '../../src/core/rules/rule';
import * as registry from '../../src/core/rules/index';
import { unknownField } from '../../src/core/rules/unknown-field';
import { planFile, type ItemSpec } from './build';
import { day, diagnose } from './helpers';

const TODAY = day('2026-11-23');

function check(files: ParsedFile[], rule: string): Diagnostic[] {
  return checkWorkspace(resolveFiles(files), { today: TODAY }).filter((d) => d.rule === rule);
}

function project(path: string, items: ItemSpec[]): ParsedFile {
  return planFile(path, 'project', [{ kind: 'project', id: path.replace(/.*\//, '').replace(/\..*/, '') }, ...items]);
}

describe('rules on plan format 1.1', () => {
  describe('dependency-order honours the dependency type and lag', () => {
    const file = project('p.project.md', [
      { kind: 'milestone', id: 'a', title: 'A', start: '2027-01-10', due: '2027-02-01' },
      { kind: 'milestone', id: 'fs-lag-late', start: '2027-02-03', due: '2027-03-01', depends: ['a FS+5d'] },
      { kind: 'milestone', id: 'fs-lag-ok', start: '2027-02-06', due: '2027-03-01', depends: ['a FS+5d'] },
      { kind: 'milestone', id: 'fs-lead-ok', start: '2027-01-29', due: '2027-03-01', depends: ['a FS-3d'] },
      { kind: 'milestone', id: 'fs-lead-late', start: '2027-01-28', due: '2027-03-01', depends: ['a FS-3d'] },
      { kind: 'milestone', id: 'ss-overlap', start: '2027-01-20', due: '2027-03-01', depends: ['a SS'] },
      { kind: 'milestone', id: 'ss-early', start: '2027-01-05', due: '2027-03-01', depends: ['a SS'] },
      { kind: 'milestone', id: 'ss-lag', start: '2027-01-20', due: '2027-03-01', depends: ['a SS+2w'] },
      { kind: 'milestone', id: 'ss-unstarted-ok', due: '2027-03-01', depends: ['a SS'] },
      { kind: 'milestone', id: 'ss-unstarted-early', due: '2027-01-05', depends: ['a SS'] },
      { kind: 'milestone', id: 'ff-early', start: '2027-02-05', due: '2027-01-31', depends: ['a FF'] },
      { kind: 'milestone', id: 'ff-ok', start: '2026-12-01', due: '2027-02-01', depends: ['a FF'] },
      { kind: 'milestone', id: 'ff-lag', start: '2027-02-02', due: '2027-02-02', depends: ['a FF+2d'] },
    ]);

    it('reports exactly the links whose type is not met, saying the type and the lag', () => {
      const d = check([file], 'dependency-order');
      assert.deepEqual(Object.fromEntries(d.map((x) => [x.item, x.message])), {
        'fs-lag-late': "Milestone 'FS-LAG-LATE' starts 2027-02-03, less than 5 days after milestone 'A' it depends on is due (2027-02-01), a finish-to-start dependency with a 5-day lag (FS+5d): it can start 2027-02-06 or later",
        'fs-lead-late': "Milestone 'FS-LEAD-LATE' starts 2027-01-28, more than 3 days before milestone 'A' it depends on is due (2027-02-01), a finish-to-start dependency with a 3-day lead (FS-3d): it can start 2027-01-29 or later",
        'ss-early': "Milestone 'SS-EARLY' starts 2027-01-05, before milestone 'A' it depends on starts (2027-01-10), a start-to-start dependency",
        'ss-lag': "Milestone 'SS-LAG' starts 2027-01-20, less than 14 days after milestone 'A' it depends on starts (2027-01-10), a start-to-start dependency with a 14-day lag (SS+14d): it can start 2027-01-24 or later",
        'ss-unstarted-early': "Milestone 'SS-UNSTARTED-EARLY' has no start and is due 2027-01-05, before milestone 'A' it depends on starts (2027-01-10), a start-to-start dependency",
        'ff-early': "Milestone 'FF-EARLY' is due 2027-01-31, before milestone 'A' it depends on is due (2027-02-01), a finish-to-finish dependency",
        'ff-lag': "Milestone 'FF-LAG' is due 2027-02-02, less than 2 days after milestone 'A' it depends on is due (2027-02-01), a finish-to-finish dependency with a 2-day lag (FF+2d): it can be due 2027-02-03 or later",
      });
    });

    it('points the related information at the date compared: the start for SS, else the deadline', () => {
      const d = check([file], 'dependency-order');
      assert.equal(d.find((x) => x.item === 'ss-early')!.related![0].message, "Start of milestone 'A'");
      assert.equal(d.find((x) => x.item === 'ff-early')!.related![0].message, "Deadline of milestone 'A'");
    });

    it('reads an SS dependency without a start as starting on its deadline, on the other side too', () => {
      const f = project('q.project.md', [
        { kind: 'milestone', id: 'gate', due: '2027-02-01' },
        { kind: 'milestone', id: 'after', start: '2027-02-01', due: '2027-03-01', depends: ['gate SS'] },
        { kind: 'milestone', id: 'before', start: '2027-01-31', due: '2027-03-01', depends: ['gate SS'] },
      ]);
      const d = check([f], 'dependency-order');
      assert.deepEqual(d.map((x) => x.item), ['before']);
      assert.match(d[0].message, /starts \(no start written: its deadline, 2027-02-01\)/);
    });
  });

  describe('ids shared across kinds', () => {
    const files = {
      'a.project.md': '---\ntype: project\nid: card-controls\ntitle: Card controls API\ndelivers: card-controls\n---\n## Milestone: M {#m due=2027-01-01}\n',
      'r.roadmap.md': '---\ntype: roadmap\nid: glow\n---\n## Goal: G {#g}\n### Initiative: Card controls {#card-controls horizon=now}\n',
    };

    it('resolve a link to the first definition of a kind it accepts', () => {
      const d = diagnose(files);
      const rules = d.map((x) => x.rule).filter((r) => r !== 'overdue');
      assert.deepEqual(rules, ['duplicate-id']);
      assert.equal(d[0].file, 'r.roadmap.md');
      assert.equal(d[0].message, "Duplicate id 'card-controls': project 'Card controls API' at a.project.md:3 has it too. Ids are shared across kinds: a link reaches the initiative or the project by the kinds it accepts, but ids must be unique; give the project a distinct id such as 'card-controls-project'");
    });

    it('keep byId as the first definition and list every definition', async () => {
      const { workspace } = await import('./helpers');
      const ws = workspace(files);
      assert.equal(ws.byId.get('card-controls')!.item.kind, 'project');
      assert.deepEqual(ws.definitions.get('card-controls')!.map((n) => n.item.kind), ['project', 'initiative']);
      const initiative = ws.definitions.get('card-controls')![1];
      assert.deepEqual(initiative.deliveredBy.map((n) => n.item.kind), ['project', 'milestone']);
    });
  });

  describe('Markdown links to other files', () => {
    const payments = project('plans/payments.project.md', [{ kind: 'milestone', id: 'ledger-api', due: '2027-01-01' }]);
    const billing = project('plans/billing.project.md', [{ kind: 'milestone', id: 'invoices', due: '2027-01-01' }]);
    const early = project('plans/a-early.project.md', [{ kind: 'milestone', id: 'ledger-api', due: '2026-12-01' }]);
    const app = project('plans/app/app.project.md', [
      { kind: 'milestone', id: 'up', due: '2027-02-01', depends: ['../payments.project.md#ledger-api'] },
      { kind: 'milestone', id: 'dot', due: '2027-02-01', depends: ['./../payments.project.md#ledger-api'] },
      { kind: 'milestone', id: 'wrong-file', due: '2027-02-01', depends: ['../billing.project.md#ledger-api'] },
      { kind: 'milestone', id: 'no-file', due: '2027-02-01', depends: ['payments.project.md#ledger-api'] },
      { kind: 'milestone', id: 'outside', due: '2027-02-01', depends: ['../../../x.project.md#ledger-api'] },
    ]);

    it('resolve to the definition in that file, not to the first definition elsewhere', () => {
      const ws = resolveFiles([payments, billing, early, app]);
      assert.equal(ws.byId.get('ledger-api')!.file.path, 'plans/a-early.project.md');
      const of = (id: string) => ws.nodes.find((n) => n.item.id === id)!;
      assert.deepEqual(of('up').depends.map((n) => n.file.path), ['plans/payments.project.md']);
      assert.deepEqual(of('dot').depends.map((n) => n.file.path), ['plans/payments.project.md']);
      assert.deepEqual(of('wrong-file').depends, []);
    });

    it('are broken links that say where the id was looked for', () => {
      const d = check([payments, billing, early, app], 'broken-link');
      assert.deepEqual(Object.fromEntries(d.map((x) => [x.item, x.message])), {
        'wrong-file': "Milestone 'WRONG-FILE' depends on 'ledger-api', which is not defined in plans/billing.project.md; it is defined in plans/a-early.project.md:2",
        'no-file': "Milestone 'NO-FILE' depends on 'ledger-api', which is not defined in plans/app/payments.project.md, which is not a plan file of the workspace; it is defined in plans/a-early.project.md:2",
        'outside': "Milestone 'OUTSIDE' depends on 'ledger-api', which is not defined in '../../../x.project.md', which is outside the workspace; it is defined in plans/a-early.project.md:2",
      });
    });

    it('resolve paths from the linking file: ./, ../, a leading /, backslashes and %20', () => {
      assert.equal(linkedFilePath('plans/app/a.md', 'b.md'), 'plans/app/b.md');
      assert.equal(linkedFilePath('plans/app/a.md', './../b.md'), 'plans/b.md');
      assert.equal(linkedFilePath('plans/app/a.md', '..\\x/../b.md'), 'plans/b.md');
      assert.equal(linkedFilePath('plans/app/a.md', '/roadmap.md'), 'roadmap.md');
      assert.equal(linkedFilePath('a.md', 'my%20plan.md'), 'my plan.md');
      assert.equal(linkedFilePath('a.md', '../b.md'), undefined);
    });
  });

  describe('status-mismatch on subtasks', () => {
    const file = project('p.project.md', [
      { kind: 'milestone', id: 'm', due: '2027-01-01' },
      { kind: 'task', id: 'm/t', title: 'Pack', parent: 'm', status: 'done' },
      { kind: 'task', id: 'm/t/a', title: 'Box', parent: 'm/t' },
      { kind: 'task', id: 'm/t/b', title: 'Tape', parent: 'm/t', status: 'done' },
      { kind: 'task', id: 'm/t/b/c', title: 'Label', parent: 'm/t/b' },
      { kind: 'task', id: 'm/u', title: 'Ship', parent: 'm', status: 'done' },
      { kind: 'task', id: 'm/u/a', title: 'Truck', parent: 'm/u', status: 'done' },
    ]);

    it('fires at a ticked task with open subtasks, counting those under its ticked subtasks', () => {
      const d = check([file], 'status-mismatch');
      assert.deepEqual(d.map((x) => `${x.item}: ${x.message}`), [
        "m/t: Task 'Pack' is ticked but 2 subtasks are still open",
        "m/t/b: Task 'Tape' is ticked but 1 subtask is still open",
      ]);
      assert.deepEqual(d[0].related?.map((r) => r.message), ['Open subtask', 'Open subtask']);
    });

    it('stays linear on deep nesting: 3,000 ticked tasks each under the last', () => {
      const deep: ItemSpec[] = [{ kind: 'milestone', id: 'm' }];
      for (let i = 0; i < 3000; i++) deep.push({ kind: 'task', id: `t${i}`, parent: i ? `t${i - 1}` : 'm', status: i === 2999 ? 'planned' : 'done' });
      const started = performance.now();
      const d = check([project('d.project.md', deep)], 'status-mismatch');
      assert.ok(performance.now() - started < 2000);
      assert.equal(d.length, 2999);
      assert.ok(d.every((x) => x.related!.length === 1));
    });
  });

  describe('at-risk with a written progress', () => {
    const soon = '2026-12-01';
    const file = project('p.project.md', [
      { kind: 'milestone', id: 'low', due: soon, progress: 0.3 },
      { kind: 'task', id: 'low/x', parent: 'low', status: 'done' },
      { kind: 'milestone', id: 'high', due: soon, progress: 0.8 },
      { kind: 'task', id: 'high/x', parent: 'high' },
      { kind: 'milestone', id: 'tasks', due: soon },
      { kind: 'task', id: 'tasks/x', parent: 'tasks' },
      { kind: 'milestone', id: 'later', due: '2027-06-01', progress: 0.1 },
    ]);
    const roadmap = planFile('r.roadmap.md', 'roadmap', [
      { kind: 'roadmap', id: 'r' },
      { kind: 'initiative', id: 'slow', target: soon, progress: 0.2 },
      { kind: 'initiative', id: 'unknown', target: soon },
    ]);

    it('counts a written progress under 50%, which overrides the share of tasks done', () => {
      const d = check([file, roadmap], 'at-risk');
      assert.deepEqual(Object.fromEntries(d.map((x) => [x.item, x.message])), {
        low: "Milestone 'LOW' is due 2026-12-01 (in 8 days) at 30% progress",
        tasks: "Milestone 'TASKS' is due 2026-12-01 (in 8 days) with only 0 of 1 task done",
        slow: "Initiative 'SLOW' has its target 2026-12-01 (in 8 days) at 20% progress",
      });
      assert.equal(d.find((x) => x.item === 'low')!.related![0].message, 'Progress');
    });
  });

  describe('config fields', () => {
    it('keep unknown-field quiet on the extra field names the config declares', () => {
      const file = project('p.project.md', [{ kind: 'milestone', id: 'm' }]);
      const problem = (key: string, start: number) => ({ rule: 'unknown-field', span: { start, end: start + 4 }, message: `Unknown field '${key}'`, key });
      file.problems.push(problem('risk', 10), problem('team', 20), problem('budgt', 30));
      const ws = resolveFiles([file]);
      const base = { ws, today: TODAY, riskWindowDays: 14 };
      assert.equal(unknownField.check(base).length, 3);
      assert.deepEqual(unknownField.check({ ...base, fields: ['Risk', 'team'] }).map((f) => f.message), ["Unknown field 'budgt'"]);
      assert.equal(unknownField.check({ ...base, fields: ['constructor'] }).length, 3);
    });
  });

  describe('messages', () => {
    it('use articles and one title fallback: title, id, file name', () => {
      assert.equal(withArticle('initiative'), 'an initiative');
      assert.equal(withArticle('milestone'), 'a milestone');
      assert.equal(label({ kind: 'task', title: 'Ship', id: 'm/ship' }), "task 'Ship'");
      assert.equal(label({ kind: 'project', title: '', id: 'rollout' }), "project 'rollout'");
      assert.equal(Label({ kind: 'project', title: '', id: '' }, 'plans/rollout.project.md'), "Project 'rollout.project.md'");
      assert.equal(titleOf({ title: '', id: '' }), '');
    });

    it('say "an initiative" where a link names the wrong kind', () => {
      const d = diagnose({
        'r.roadmap.md': '---\ntype: roadmap\nid: glow\n---\n## Goal: G {#g}\n### Initiative: I {#i}\n',
        'p.project.md': '---\ntype: project\nid: p\ndelivers: g\n---\n',
      }).filter((x) => x.rule === 'broken-link');
      assert.equal(d[0].message, "Project 'p' delivers 'g', which is a goal ('G'), not an initiative");
    });

    it('never double the kind of a task', () => {
      const d = diagnose({ 'p.project.md': '---\ntype: project\nid: p\n---\n## Milestone: M {#m status=done}\n- [ ] Task one\n' });
      for (const x of d) assert.doesNotMatch(x.message + (x.related ?? []).map((r) => r.message).join(' '), /\b(\w+) \1\b/i);
    });
  });

  it('read from plan text: typed dependencies, links to files, progress and subtasks', () => {
    const app = (dep: string) => `---
type: project
id: app
---
## Milestone: Cards
- id: cards
- start: 2027-01-20
- due: 2026-12-01
- depends: ${dep}
- progress: 30%

- [x] Design {#design}
  - [ ] Review
  - [x] Sign off
## Milestone: Web {#web due=2027-03-01 depends="[Ledger](billing.project.md#ledger-api)"}
`;
    const files = {
      'plans/payments.project.md': '---\ntype: project\nid: payments\n---\n## Milestone: Ledger API {#ledger-api start=2027-01-10 due=2027-02-01}\n',
      'plans/billing.project.md': '---\ntype: project\nid: billing\n---\n## Milestone: Invoices {#invoices}\n',
      'plans/app.project.md': app('[Ledger API](payments.project.md#ledger-api) SS'),
    };
    const of = (d: Diagnostic[], rule: string) => d.filter((x) => x.rule === rule).map((x) => x.message);
    const d = diagnose(files);
    assert.deepEqual(of(d, 'dependency-order'), [], 'overlapping work written as SS');
    assert.deepEqual(of(d, 'broken-link'), ["Milestone 'Web' depends on 'ledger-api', which is not defined in plans/billing.project.md; it is defined in plans/payments.project.md:5"]);
    assert.deepEqual(of(d, 'status-mismatch'), ["Task 'Design' is ticked but 1 subtask is still open"]);
    assert.deepEqual(of(d, 'at-risk'), ["Milestone 'Cards' is due 2026-12-01 (in 8 days) at 30% progress"]);
    const fs = diagnose({ ...files, 'plans/app.project.md': app('[Ledger API](payments.project.md#ledger-api)') });
    assert.deepEqual(of(fs, 'dependency-order'), ["Milestone 'Cards' starts 2027-01-20, before milestone 'Ledger API' it depends on is due (2027-02-01), a finish-to-start dependency"]);
  });

  it('keeps the model queries in core/model, re-exported for the rules; ruleById is gone', () => {
    assert.equal(deadlineOf, deadlineFromModel);
    assert.equal('ruleById' in registry, false);
    assert.ok(registry.RULE_IDS.includes('broken-link'));
  });
});
