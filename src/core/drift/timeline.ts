/** The drift baseline on the timeline: each row's ghost (where it stood), new rows marked, and the "what moved" list. */
import type { ResolvedWorkspace } from '../model/workspace';
import type { TimelineView, ViewChange } from '../outline/timeline-view';
import { buildTimelineView } from '../outline/timeline';
import type { DriftReport } from './diff';
import { changeText } from './format';

type Row = TimelineView['rows'][number];
type GhostLookup = (id: string, file: string, title: string) => Row | undefined;

/** The baseline's rows, built once per baseline (it does not change while the plan now does). */
const ghostIndexes = new WeakMap<ResolvedWorkspace, Map<boolean, GhostLookup>>();

function ghostIndex(base: ResolvedWorkspace, includeTasks: boolean): GhostLookup {
  let perBase = ghostIndexes.get(base);
  if (!perBase) ghostIndexes.set(base, (perBase = new Map()));
  let lookup = perBase.get(includeTasks);
  if (lookup) return lookup;
  // Ghosts are dates and shapes only: no today or diagnostics enter them.
  const baseView = buildTimelineView(base, { today: 0, includeTasks });
  // By id, file and title: an id written twice (duplicate-id) must not lend one item's ghost to the other.
  const ghostOf = new Map<string, Row>();
  const byId = new Map<string, Row | null>();
  for (const row of baseView.rows) {
    const node = row.source && base.nodeOf(row.source.file, row.source.index);
    if (!node) continue;
    const key = `${node.item.id}|${node.file.path}|${node.item.title}`;
    if (!ghostOf.has(key)) ghostOf.set(key, row);
    byId.set(node.item.id, byId.has(node.item.id) ? null : row);
  }
  lookup = (id, file, title) => ghostOf.get(`${id}|${file}|${title}`) ?? byId.get(id) ?? undefined;
  perBase.set(includeTasks, lookup);
  return lookup;
}

export function withBaseline(view: TimelineView, now: ResolvedWorkspace, base: ResolvedWorkspace, report: DriftReport, label: string): TimelineView {
  const ghostFor = ghostIndex(base, view.rows.some((r) => r.kind === 'task'));
  const added = new Set(report.changes.filter((c) => c.change === 'added').map((c) => c.id));
  const rowIdOf = new Map<string, string>();
  const rows = view.rows.map((row) => {
    const node = row.source && now.nodeOf(row.source.file, row.source.index);
    if (!node) return row;
    if (!rowIdOf.has(node.item.id)) rowIdOf.set(node.item.id, row.id);
    if (added.has(node.item.id)) return { ...row, added: true };
    const ghost = ghostFor(report.renamed.get(node.item.id) ?? node.item.id, node.file.path, node.item.title);
    if (!ghost || ghost.shape === 'none') return row;
    return { ...row, baseline: { start: ghost.start, end: ghost.end, shape: ghost.shape } };
  });
  const changes: ViewChange[] = report.changes.map((c) => {
    const rowId = c.change === 'removed' ? undefined : rowIdOf.get(c.id);
    return rowId ? { rowId, change: c.change, text: changeText(c) } : { change: c.change, text: changeText(c) };
  });
  let [first, last] = view.domain;
  for (const r of rows) {
    for (const d of [r.baseline?.start, r.baseline?.end]) {
      if (d === undefined) continue;
      if (d < first) first = d;
      if (d > last) last = d;
    }
  }
  return { ...view, rows, domain: [first, last], baseline: { label, changes } };
}
