import assert from 'node:assert/strict';
import { criticalIds, criticalPaths } from '../../src/core/schedule/critical-path';
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
