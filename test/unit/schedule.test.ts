import assert from 'node:assert/strict';
import { criticalIds, criticalPaths } from '../../src/core/schedule/critical-path';
import { resolveFiles } from '../../src/core/model/workspace';
import { planFile, type ItemSpec } from './build';
import { day, workspace } from './helpers';

const ROADMAP = `---
type: roadmap
id: glow
---
## Goal: G {#g}
### Initiative: Launch {#launch target=2027-Q1}
`;

describe('schedule: critical path', () => {
  it('follows the latest-finishing chain of dependencies to the initiative', () => {
    const ws = workspace({
      'r.roadmap.md': ROADMAP,
      'p.project.md': `---
type: project
id: p
delivers: launch
---
## Milestone: A {#a due=2027-01-10}
## Milestone: B {#b due=2027-01-20}
## Milestone: C {#c due=2027-02-15 depends=a,b}
## Milestone: D {#d due=2027-04-10 depends=c}
## Milestone: E {#e due=2027-03-01}
`,
    });
    const [path] = criticalPaths(ws);
    assert.deepEqual(path.path.map((n) => n.item.id), ['b', 'c', 'd']);
    assert.equal(path.finish, day('2027-04-10'));
    assert.equal(path.slack, day('2027-03-31') - day('2027-04-10'));
    assert.deepEqual([...criticalIds(ws)].sort(), ['b', 'c', 'd']);
  });

  it('does not loop on a cycle and skips closed work', () => {
    const ws = workspace({
      'r.roadmap.md': ROADMAP,
      'p.project.md': `---
type: project
id: p
delivers: launch
---
## Milestone: X {#x due=2027-02-01 depends=y}
## Milestone: Y {#y due=2027-01-01 depends=x}
## Milestone: Z {#z due=2027-05-01 status=done}
`,
    });
    const [path] = criticalPaths(ws);
    assert.deepEqual(path.path.map((n) => n.item.id), ['y', 'x']);
    assert.equal(path.slack, day('2027-03-31') - day('2027-02-01'));
  });
});

describe('schedule: earliest dates', () => {
  it('pushes starts after dependencies and reports the slip', async () => {
    const { earliestDates } = await import('../../src/core/schedule/earliest');
    const ws = workspace({
      'p.project.md': `---
type: project
id: p
---
## Milestone: A {#a due=2027-01-20}
## Milestone: B {#b start=2027-01-05 due=2027-01-10 depends=a}
## Milestone: C {#c due=2027-03-01 depends=b}
## Milestone: X {#x due=2027-01-01 depends=y}
## Milestone: Y {#y due=2027-01-02 depends=x}
`,
    });
    const dates = earliestDates(ws);
    const of = (id: string) => dates.get(ws.byId.get(id)!)!;
    assert.deepEqual(of('b'), { start: day('2027-01-21'), finish: day('2027-01-21'), slip: 11 });
    assert.deepEqual(of('c'), { start: day('2027-01-22'), finish: day('2027-03-01'), slip: 0 });
    assert.equal(of('x').slip, 0, 'a cycle keeps its written dates');
  });
});

describe('schedule: dependency types (1.1)', () => {
  const items: ItemSpec[] = [
    { kind: 'project', id: 'p', delivers: ['launch'] },
    { kind: 'milestone', id: 'a', start: '2027-01-10', due: '2027-02-01' },
    { kind: 'milestone', id: 'fs', start: '2027-01-05', due: '2027-02-10', depends: ['a FS+3d'] },
    { kind: 'milestone', id: 'ss', start: '2027-01-05', due: '2027-02-10', depends: ['a SS+2d'] },
    { kind: 'milestone', id: 'ff', start: '2027-01-05', due: '2027-01-20', depends: ['a FF-1d'] },
    { kind: 'milestone', id: 'lead', due: '2027-01-01', depends: ['a FS-5d'] },
  ];

  it('gives the earliest dates each type allows, lag and lead included', async () => {
    const { earliestDates } = await import('../../src/core/schedule/earliest');
    const ws = resolveFiles([planFile('p.project.md', 'project', items)]);
    const dates = earliestDates(ws);
    const of = (id: string) => dates.get(ws.byId.get(id)!)!;
    assert.deepEqual(of('fs'), { start: day('2027-02-05'), finish: day('2027-02-10'), slip: 0 }, 'the day after A ends, plus 3');
    assert.deepEqual(of('ss'), { start: day('2027-01-12'), finish: day('2027-02-10'), slip: 0 }, 'A starts, plus 2');
    assert.deepEqual(of('ff'), { start: day('2027-01-05'), finish: day('2027-01-31'), slip: 11 }, 'A ends, less 1: the start is free');
    assert.deepEqual(of('lead'), { start: day('2027-01-28'), finish: day('2027-01-28'), slip: 27 });
  });

  it('follows the dependency that binds last by its type, not the one that finishes last', () => {
    const ws = resolveFiles([
      planFile('r.roadmap.md', 'roadmap', [{ kind: 'roadmap', id: 'r' }, { kind: 'initiative', id: 'launch', target: '2027-Q2' }]),
      planFile('p.project.md', 'project', [
        { kind: 'project', id: 'p', delivers: ['launch'] },
        { kind: 'milestone', id: 'long', start: '2027-01-01', due: '2027-04-01' },
        { kind: 'milestone', id: 'short', due: '2027-02-01' },
        { kind: 'milestone', id: 'end', due: '2027-05-01', depends: ['long SS', 'short'] },
      ]),
    ]);
    const paths = criticalPaths(ws);
    assert.deepEqual(paths[0].path.map((n) => n.item.id), ['short', 'end'], 'long binds end from its start (2027-01-01), short from its end (2027-02-01)');
    const viaFF = resolveFiles([
      planFile('r.roadmap.md', 'roadmap', [{ kind: 'roadmap', id: 'r' }, { kind: 'initiative', id: 'launch', target: '2027-Q2' }]),
      planFile('p.project.md', 'project', [
        { kind: 'project', id: 'p', delivers: ['launch'] },
        { kind: 'milestone', id: 'long', start: '2027-01-01', due: '2027-04-01' },
        { kind: 'milestone', id: 'short', due: '2027-02-01' },
        { kind: 'milestone', id: 'end', due: '2027-04-20', depends: ['long FF', 'short'] },
      ]),
    ]);
    assert.deepEqual(viaFF.byId.get('end')!.dependencies.map((d) => `${d.node.item.id} ${d.type}${d.lagDays}`), ['long FF0', 'short FS0']);
    assert.deepEqual(criticalPaths(viaFF)[0].path.map((n) => n.item.id), ['long', 'end'], 'finish-to-finish binds at the end of long');
  });
});
