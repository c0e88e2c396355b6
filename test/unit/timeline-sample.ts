/** A hand-made timeline model with a drift baseline and every kind of dependency, for the renderer's tests. */
import type { TimelineView, ViewRow } from '../../src/protocol/timeline';

const D = 20780; // 2026-11-23
const row = (r: Partial<ViewRow> & Pick<ViewRow, 'id' | 'kind' | 'title' | 'depth'>): ViewRow => ({ status: 'planned', owners: [], goals: [], shape: 'none', ...r });

export const BASELINE_VIEW: TimelineView = {
  title: 'Drift sample',
  today: D,
  domain: [D - 30, D + 90],
  rows: [
    row({ id: 'g', kind: 'goal', title: 'Grow revenue', depth: 0, shape: 'diamond', start: D + 80, end: D + 80 }),
    row({ id: 'i', kind: 'initiative', title: 'Launch', depth: 1, parent: 'g', shape: 'bar', start: D - 20, end: D + 60, target: D + 70 }),
    row({ id: 'p', kind: 'project', title: 'Build the shop', depth: 2, parent: 'i', shape: 'bar', start: D - 20, end: D + 60, owners: ['lea'], progress: 0.5, taskCount: { done: 2, total: 4 }, baseline: { start: D - 20, end: D + 40, shape: 'bar' } }),
    row({ id: 'm1', kind: 'milestone', title: 'Design signed off', depth: 3, parent: 'p', shape: 'diamond', start: D + 10, end: D + 10, baseline: { start: D - 4, end: D - 4, shape: 'diamond' } }),
    row({ id: 'm2', kind: 'milestone', title: 'Checkout built', depth: 3, parent: 'p', shape: 'bar', start: D + 12, end: D + 40, critical: true }),
    row({ id: 'm3', kind: 'milestone', title: 'Payments certified', depth: 3, parent: 'p', shape: 'bar', start: D + 20, end: D + 50, added: true }),
    row({ id: 'm4', kind: 'milestone', title: 'Launch day', depth: 3, parent: 'p', shape: 'diamond', start: D + 60, end: D + 60, critical: true }),
  ],
  arrows: [
    { from: 'm1', to: 'm2', type: 'FS', lagDays: 0 },
    { from: 'm2', to: 'm3', type: 'SS', lagDays: 0 },
    { from: 'm2', to: 'm4', type: 'FF', lagDays: 0, critical: true },
    { from: 'm1', to: 'm4', type: 'FS', lagDays: 0 },
    { from: 'm3', to: 'm4', type: 'FS', lagDays: 0 },
  ],
  baseline: {
    label: 'v1 (3f2a9c1, 2026-10-01)',
    changes: [
      { rowId: 'm1', change: 'moved', text: 'Design signed off: due 2026-11-19 → 2026-12-03 (14 days later)' },
      { rowId: 'm3', change: 'added', text: 'Payments certified: new' },
      { change: 'removed', text: 'Old vendor review: removed' },
    ],
  },
  facets: { owners: ['lea'], statuses: ['planned'], goals: [{ id: 'g', title: 'Grow revenue' }], horizons: [] },
};

