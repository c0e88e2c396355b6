/** Open work grouped by deadline, the shape the Schedule view and the status bar show. */
import type { Day } from '../dates';
import type { PlanNode, ResolvedWorkspace } from '../model/workspace';
import { deadlineOf, isOpen } from '../model/queries';

export type BucketId = 'overdue' | 'soon' | 'later' | 'undated';

export interface ScheduleEntry {
  node: PlanNode;
  /** Last day of the deadline (a period's last day). */
  deadline?: Day;
}

export interface ScheduleBucket {
  id: BucketId;
  entries: ScheduleEntry[];
}

const SCHEDULED_KINDS = new Set(['goal', 'initiative', 'project', 'milestone', 'task']);
/** Kinds listed under "No date" when they have none: the units of work that should carry one. */
const UNDATED_KINDS = new Set(['project', 'milestone']);

/** Buckets in display order; every open item with a deadline lands in exactly one. */
export function scheduleBuckets(ws: ResolvedWorkspace, today: Day, windowDays: number): ScheduleBucket[] {
  const buckets: Record<BucketId, ScheduleEntry[]> = { overdue: [], soon: [], later: [], undated: [] };
  for (const node of ws.nodes) {
    if (!SCHEDULED_KINDS.has(node.item.kind) || !isOpen(node)) continue;
    const deadline = deadlineOf(node.item)?.last;
    if (deadline === undefined) {
      if (UNDATED_KINDS.has(node.item.kind)) buckets.undated.push({ node });
    } else {
      const id: BucketId = deadline < today ? 'overdue' : deadline <= today + windowDays ? 'soon' : 'later';
      buckets[id].push({ node, deadline });
    }
  }
  for (const entries of Object.values(buckets)) entries.sort(byDeadline);
  return (['overdue', 'soon', 'later', 'undated'] as const).map((id) => ({ id, entries: buckets[id] }));
}

function byDeadline(a: ScheduleEntry, b: ScheduleEntry): number {
  return (a.deadline ?? Infinity) - (b.deadline ?? Infinity) || a.node.item.title.localeCompare(b.node.item.title);
}
