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
