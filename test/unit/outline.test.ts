import assert from 'node:assert/strict';
import { buildRoadmapOutline, type OutlineEntry } from '../../src/core/outline/roadmap';
import { scheduleBuckets } from '../../src/core/outline/schedule';
import { resolveFiles } from '../../src/core/model/workspace';
import { planFile } from './build';
import { day, workspace } from './helpers';

const FILES = {
  'glow.roadmap.md': `---
type: roadmap
id: glow
---
## Goal: Retention {#retention}
### Initiative: Skincare line {#skincare-line target=2027-Q1}
### Initiative: Gift cards {#gift-cards}
## Initiative: Loose idea {#loose}
`,
  'rollout.project.md': `---
type: project
id: rollout
delivers: skincare-line
---
## Milestone: Contract {#contract due=2026-11-15}
## Milestone: Pilot {#pilot due=2026-12-01}
- [ ] Train staff
## Milestone: Cards {#cards due=2027-02-01 delivers=gift-cards}
`,
  'side.project.yaml': `type: project
id: side
milestones:
  - id: side-m
    title: Side milestone
  - id: side-done
    title: Finished
    due: 2026-01-01
    status: done
`,
};

function shape(entries: OutlineEntry[]): unknown[] {
  return entries.map((e) => (e.children.length ? { [e.node.item.id]: shape(e.children) } : e.node.item.id));
}

describe('outline', () => {
  it('nests roadmap → goal → initiative → project → milestone → task, and gathers projects off the roadmap', () => {
    const outline = buildRoadmapOutline(workspace(FILES));
    assert.deepEqual(shape(outline.roadmaps), [{
      glow: [
        { retention: [
          { 'skincare-line': [{ rollout: ['contract', { pilot: ['pilot/train-staff'] }, 'cards'] }] },
          { 'gift-cards': ['cards'] },
        ] },
        'loose',
      ],
    }]);
    assert.deepEqual(shape(outline.notOnRoadmap), [{ side: ['side-m', 'side-done'] }]);
  });

  it('buckets open work by deadline: overdue, within the window, later, no date', () => {
    const buckets = scheduleBuckets(workspace(FILES), day('2026-11-23'), 14);
    const ids = Object.fromEntries(buckets.map((b) => [b.id, b.entries.map((e) => e.node.item.id)]));
    assert.deepEqual(ids, {
      overdue: ['contract'],
      soon: ['pilot'],
      later: ['cards', 'skincare-line'],
      undated: ['rollout', 'side', 'side-m'],
    });
  });

  it('keeps subtasks as a tree under their task (1.1)', () => {
    const ws = resolveFiles([planFile('p.project.md', 'project', [
      { kind: 'project', id: 'p' },
      { kind: 'milestone', id: 'm' },
      { kind: 'task', id: 'm/a', parent: 'm' },
      { kind: 'task', id: 'm/a/b', parent: 'm/a' },
      { kind: 'task', id: 'm/c', parent: 'm' },
    ])]);
    assert.deepEqual(shape(buildRoadmapOutline(ws).notOnRoadmap), [{ p: [{ m: [{ 'm/a': ['m/a/b'] }, 'm/c'] }] }]);
  });
});
