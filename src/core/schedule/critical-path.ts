/**
 * What decides when each initiative is delivered: among the open work that delivers it, the
 * item that finishes last, and the chain of `depends` links behind it: at each step the
 * dependency that holds the item back the longest, by its type (1.1): the other's finish for
 * finish-to-start and finish-to-finish, its start for start-to-start (its finish when it has no
 * start), lag included. Slack is the initiative's target minus that finish; negative
 * slack means the initiative is late as planned. Cycles are cut, never followed twice.
 */
import type { Day } from '../dates';
import type { Dependency, PlanNode, ResolvedWorkspace } from '../model/workspace';
import { deadlineOf, isOpen } from '../model/queries';

export interface CriticalPath {
  initiative: PlanNode;
  /** From the first item of the chain to the one that finishes last. */
  path: PlanNode[];
  finish: Day;
  /** Days between the finish and the initiative's target (negative: late). */
  slack?: number;
}

const finishOf = (node: PlanNode): Day | undefined => deadlineOf(node.item)?.last;

/** The open item of a set that finishes last (ties: the first in document order). */
function latest(nodes: PlanNode[]): PlanNode | undefined {
  let best: PlanNode | undefined;
  for (const n of nodes) {
    const f = finishOf(n);
    if (f === undefined || !isOpen(n)) continue;
    if (!best || f > finishOf(best)!) best = n;
  }
  return best;
}

/** The open dependency that binds last (ties: the first written). */
function binding(deps: Dependency[]): PlanNode | undefined {
  let best: PlanNode | undefined;
  let bestDay = -Infinity;
  for (const d of deps) {
    const f = finishOf(d.node);
    if (f === undefined || !isOpen(d.node)) continue;
    const day = (d.type === 'SS' ? d.node.item.start?.first ?? f : f) + d.lagDays;
    if (day > bestDay) {
      best = d.node;
      bestDay = day;
    }
  }
  return best;
}

/** The work that delivers an initiative: projects and milestones, and each project's milestones. */
function deliveringWork(initiative: PlanNode): PlanNode[] {
  const out = new Set<PlanNode>();
  for (const n of initiative.deliveredBy) {
    out.add(n);
    if (n.item.kind === 'project') for (const c of n.children) if (c.item.kind === 'milestone' && c.delivers.includes(initiative)) out.add(c);
  }
  return [...out];
}

export function criticalPaths(ws: ResolvedWorkspace): CriticalPath[] {
  const out: CriticalPath[] = [];
  for (const initiative of ws.nodes) {
    if (initiative.item.kind !== 'initiative') continue;
    const last = latest(deliveringWork(initiative));
    if (!last) continue;
    const path = [last];
    const seen = new Set([last]);
    for (let step = binding(last.dependencies); step && !seen.has(step); step = binding(step.dependencies)) {
      seen.add(step);
      path.unshift(step);
    }
    const finish = finishOf(last)!;
    const target = initiative.item.target?.last;
    out.push({ initiative, path, finish, slack: target === undefined ? undefined : target - finish });
  }
  return out;
}

/** Ids of every item on some initiative's critical path. */
export function criticalIds(ws: ResolvedWorkspace): Set<string> {
  return new Set(criticalPaths(ws).flatMap((c) => c.path.map((n) => n.item.id)));
}
