import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/core/check';
import { buildTimelineView } from '../../src/core/outline/timeline';
import { layout, visibleRows, xOf } from '../../src/render/layout';
import { parseWebviewMessage } from '../../src/protocol/messages';
import { ticks } from '../../src/render/scale';
import { drawTimeline } from '../../src/render/svg';
import { resolveFiles } from '../../src/core/model/workspace';
import { planFile } from './build';
import { day, workspace } from './helpers';

const FILES = {
  'glow.roadmap.md': `---
type: roadmap
id: glow
title: Glow
---
## Goal: Retention {#retention}
### Initiative: Skincare line {#skincare-line target=2027-Q1 horizon=now}
`,
  'rollout.project.md': `---
type: project
id: rollout
delivers: skincare-line
start: 2026-10-01
end: 2027-03-15
owner: sam
---
## Milestone: Contract {#contract due=2026-11-15}
## Milestone: Pilot <script>alert(1)</script> {#pilot start=2026-12-01 due=2027-01-31 depends=contract}
- [x] Train staff
- [ ] Stock shelves
## Milestone: Spring {#spring due=2027-Q2 owner=kim}
`,
};

function build() {
  const ws = workspace(FILES);
  const today = day('2026-11-23');
  return buildTimelineView(ws, { today, diagnostics: checkWorkspace(ws, { today }) });
}

describe('timeline view model and renderer', () => {
  it('rows follow the roadmap: goal → initiative → project → milestones, with bars, diamonds and periods', () => {
    const view = build();
    assert.deepEqual(view.rows.map((r) => `${'  '.repeat(r.depth)}${r.kind}:${r.shape}`), [
      'goal:none', '  initiative:bar', '    project:bar', '      milestone:diamond', '      milestone:bar', '      milestone:bar',
    ]);
    const [, initiative, project, contract, pilot, spring] = view.rows;
    assert.equal(initiative.target, day('2027-03-31'));
    assert.deepEqual([project.start, project.end], [day('2026-10-01'), day('2027-03-15')]);
    assert.deepEqual([contract.start, contract.end, contract.overdue], [day('2026-11-15'), day('2026-11-15'), true]);
    assert.deepEqual([pilot.start, pilot.end, pilot.progress], [day('2026-12-01'), day('2027-01-31'), 0.5]);
    assert.deepEqual([spring.start, spring.end, spring.period, spring.endField], [day('2027-04-01'), day('2027-06-30'), true, 'due']);
    assert.deepEqual(view.arrows, [{ from: contract.id, to: pilot.id, type: 'FS', lagDays: 0, critical: false }]);
    assert.deepEqual(view.facets.owners, ['kim', 'sam']);
    assert.equal(view.today, day('2026-11-23'));
  });

  it('tasks become rows under their milestone when asked for', () => {
    const ws = workspace(FILES);
    const today = day('2026-11-23');
    const rows = buildTimelineView(ws, { today, includeTasks: true }).rows;
    const pilot = rows.findIndex((r) => r.title.startsWith('Pilot'));
    assert.deepEqual(rows.slice(pilot + 1, pilot + 3).map((r) => [r.kind, r.title, r.depth]), [['task', 'Train staff', rows[pilot].depth + 1], ['task', 'Stock shelves', rows[pilot].depth + 1]]);
  });

  it('arrows carry the dependency type and lag; progress is the written one, else the share of tasks; subtasks nest (1.1)', () => {
    const ws = resolveFiles([
      planFile('r.roadmap.md', 'roadmap', [{ kind: 'roadmap', id: 'r' }, { kind: 'goal', id: 'g' }, { kind: 'initiative', id: 'i', parent: 'g', target: '2027-Q1', progress: 0.4 }]),
      planFile('p.project.md', 'project', [
        { kind: 'project', id: 'p', delivers: ['i'] },
        { kind: 'milestone', id: 'a', start: '2027-01-01', due: '2027-01-20', progress: 0.25 },
        { kind: 'task', id: 'a/t', parent: 'a', status: 'done' },
        { kind: 'milestone', id: 'b', start: '2027-01-05', due: '2027-02-01', depends: ['a SS+2d', 'a FF-1w'] },
        { kind: 'task', id: 'b/t', title: 'Parent', parent: 'b', status: 'done' },
        { kind: 'task', id: 'b/t/s', title: 'Sub', parent: 'b/t' },
        { kind: 'task', id: 'b/t/s/x', title: 'Subsub', parent: 'b/t/s', status: 'done' },
        { kind: 'task', id: 'b/u', title: 'Sibling', parent: 'b' },
      ]),
    ]);
    const view = buildTimelineView(ws, { today: day('2026-11-23'), includeTasks: true });
    const row = (id: string) => view.rows.find((r) => r.source && ws.nodes.find((n) => n.item.id === id && n.file.path === r.source!.file && n.index === r.source!.index))!;
    assert.deepEqual(view.arrows.map(({ from, to, type, lagDays }) => [from, to, type, lagDays]), [[row('a').id, row('b').id, 'SS', 2], [row('a').id, row('b').id, 'FF', -7]]);
    assert.equal(row('i').progress, 0.4);
    assert.equal(row('a').progress, 0.25, 'the written progress, not the one task done');
    assert.equal(row('b').progress, 2 / 4);
    assert.equal(row('b/t').progress, 1 / 2, 'a task with subtasks: the share of its subtasks done');
    const tree = view.rows.filter((r) => r.kind === 'task').map((r) => `${r.depth - row('b').depth}:${r.title}:${view.rows.find((p) => p.id === r.parent)?.title}`);
    assert.deepEqual(tree.slice(1), ['1:Parent:B', '2:Sub:Parent', '3:Subsub:Sub', '1:Sibling:B']);
  });

  it('filters keep the path to a match; search matches titles', () => {
    const view = build();
    assert.deepEqual(visibleRows(view, { owner: 'kim' }, new Set()).map((r) => r.title), ['Retention', 'Skincare line', 'rollout', 'Spring']);
    assert.equal(visibleRows(view, { search: 'contr' }, new Set()).at(-1)!.title, 'Contract');
    assert.equal(visibleRows(view, {}, new Set([view.rows[2].id])).length, 3, 'a collapsed project hides its milestones');
  });

  it('draws escaped SVG: bars, diamonds, arrows, today line at its x', () => {
    const view = build();
    const l = layout(view, visibleRows(view, {}, new Set()), 'month');
    const svg = drawTimeline(view, l);
    assert.ok(!svg.includes('<script>'), 'plan text is escaped');
    assert.ok(svg.includes('Pilot &#60;script&#62;'));
    assert.equal(svg.match(/class="bar/g)?.length, 3, 'the project and two milestones');
    assert.equal(svg.match(/class="span"/g)?.length, 1, 'the initiative, as the span of its work');
    assert.equal(svg.match(/class="diamond"/g)?.length, 1);
    assert.equal(svg.match(/class="arrow[ "]/g)?.length, 1);
    const todayX = xOf(l, view.today) + l.pxPerDay / 2;
    assert.match(svg, new RegExp(`class="today" d="M${todayX} `));
  });

  it('axis ticks follow the zoom level', () => {
    const from = day('2027-01-01');
    const to = day('2027-12-31');
    assert.equal(ticks('year', from, to).major.length, 1);
    assert.equal(ticks('quarter', from, to).major.length, 4);
    assert.equal(ticks('month', from, to).major.length, 12);
    assert.deepEqual(ticks('quarter', from, to).major.map((t) => t.label), ['Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027']);
  });

  it('accepts only well-formed webview messages', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'open', rowId: 'a#1' }), { type: 'open', rowId: 'a#1' });
    assert.deepEqual(parseWebviewMessage({ type: 'options', tasks: true }), { type: 'options', tasks: true });
    assert.equal(parseWebviewMessage({ type: 'options', tasks: 'yes' }), undefined);
    assert.deepEqual(parseWebviewMessage({ type: 'reschedule', rowId: 'a#1', field: 'due', date: '2027-01-02', generation: 3 }), { type: 'reschedule', rowId: 'a#1', field: 'due', date: '2027-01-02', generation: 3 });
    assert.equal(parseWebviewMessage({ type: 'reschedule', rowId: 'a#1', field: 'due', date: '2027-01-02', extra: 1 }), undefined, 'strict shapes: an extra key rejects the message');
    for (const bad of [null, 'open', [], { type: 'open' }, { type: 'open', rowId: 5 }, { type: 'reschedule', rowId: 'a', field: 'owner', date: '2027-01-02' },
      { type: 'reschedule', rowId: 'a', field: 'due', date: '2027-1-2' }, { type: 'export', format: 'svg', data: '<html>' }, { type: 'export', format: 'png', data: 'javascript:1' }, { type: 'run' }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
