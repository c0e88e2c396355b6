/**
 * Earliest dates through the dependency graph, by each link's type (1.1): finish-to-start, the
 * item starts the day after the other's earliest finish (+ lag); start-to-start, no earlier than
 * the other's earliest start (+ lag; an item with no start is read as starting on its finish);
 * finish-to-finish, it finishes no earlier than the other's earliest finish (+ lag). Nothing
 * finishes before it can start. Written dates are the plan; these are what the dependencies
 * allow. Items on a cycle keep their written dates (the cycle is reported by dependency-cycle,
 * never followed).
 */
import type { Day } from '../dates';
import type { Dependency, PlanNode, ResolvedWorkspace } from '../model/workspace';
import { deadlineOf } from '../model/queries';
import { dependencyCycles } from './cycles';

export interface EarliestDates {
  /** The first day work can start: after every dependency's earliest finish. */
  start?: Day;
  /** The earliest day it can be finished: its deadline, or later when a dependency ends later. */
  finish?: Day;
  /** Days the earliest finish lies past the written deadline (0 when on time). */
  slip: number;
}

export function earliestDates(ws: ResolvedWorkspace): Map<PlanNode, EarliestDates> {
  const onCycle = new Set(dependencyCycles(ws.nodes).flat());
  const out = new Map<PlanNode, EarliestDates>();
  const visit = (root: PlanNode): EarliestDates => {
    // Iterative post-order, so long chains cannot overflow the stack.
    const stack: { node: PlanNode; expanded: boolean }[] = [{ node: root, expanded: false }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (out.has(top.node)) {
        stack.pop();
        continue;
      }
      const deps = onCycle.has(top.node) ? [] : top.node.dependencies.filter((d) => !onCycle.has(d.node));
      if (!top.expanded) {
        top.expanded = true;
        for (const d of deps) if (!out.has(d.node)) stack.push({ node: d.node, expanded: false });
        continue;
      }
      stack.pop();
      out.set(top.node, compute(top.node, deps, out));
    }
    return out.get(root)!;
  };
  for (const node of ws.nodes) visit(node);
  return out;
}

function compute(node: PlanNode, deps: Dependency[], known: Map<PlanNode, EarliestDates>): EarliestDates {
  const written = deadlineOf(node.item)?.last;
  let startBound: Day | undefined;
  let finishBound: Day | undefined;
  const later = (a: Day | undefined, b: Day | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
  for (const d of deps) {
    const other = known.get(d.node)!;
    if (d.type === 'FS' && other.finish !== undefined) startBound = later(startBound, other.finish + 1 + d.lagDays);
    const otherStart = other.start ?? other.finish;
    if (d.type === 'SS' && otherStart !== undefined) startBound = later(startBound, otherStart + d.lagDays);
    if (d.type === 'FF' && other.finish !== undefined) finishBound = later(finishBound, other.finish + d.lagDays);
  }
  const start = later(node.item.start?.first, startBound);
  const finish = later(later(written, start), finishBound);
  return { start, finish, slip: written !== undefined && finish !== undefined ? finish - written : 0 };
}
