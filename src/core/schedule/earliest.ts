/**
 * Earliest dates through the dependency graph: an item cannot start before everything it
 * depends on has finished, nor finish before it can start. Written dates are the plan; these
 * are what the dependencies allow. Items on a cycle keep their written dates (the cycle is
 * reported by dependency-cycle, never followed).
 */
import type { Day } from '../dates';
import type { PlanNode, ResolvedWorkspace } from '../model/workspace';
import { deadlineOf } from '../rules/rule';
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
      const deps = onCycle.has(top.node) ? [] : top.node.depends.filter((d) => !onCycle.has(d));
      if (!top.expanded) {
        top.expanded = true;
        for (const d of deps) if (!out.has(d)) stack.push({ node: d, expanded: false });
        continue;
      }
      stack.pop();
      out.set(top.node, compute(top.node, deps.map((d) => out.get(d)!)));
    }
    return out.get(root)!;
  };
  for (const node of ws.nodes) visit(node);
  return out;
}

function compute(node: PlanNode, deps: EarliestDates[]): EarliestDates {
  const written = deadlineOf(node.item)?.last;
  const afterDeps = deps.reduce<Day | undefined>((max, d) => (d.finish === undefined ? max : max === undefined ? d.finish + 1 : Math.max(max, d.finish + 1)), undefined);
  const own = node.item.start?.first;
  const start = own === undefined ? afterDeps : afterDeps === undefined ? own : Math.max(own, afterDeps);
  const finish = written === undefined ? start : start === undefined ? written : Math.max(written, start);
  return { start, finish, slip: written !== undefined && finish !== undefined ? finish - written : 0 };
}
