import { NodeLabel, nodeLabel } from '../model/queries';
import type { PlanNode } from '../model/workspace';
import { dependencyCycles } from '../schedule/cycles';
import { atItem, relatedAt, type Finding, type Rule } from './rule';

/** Members of the cycle a message spells out; the rest is counted. */
const PATH_LIMIT = 10;

/**
 * Each member's diagnostic names its neighbours on the cycle, the cycle's length and at most
 * PATH_LIMIT ids of its path, never the whole cycle: output stays linear in the cycle's length
 * (a 4,000-item cycle would otherwise print 4,000 paths of 4,000 ids).
 */
export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  description: '`depends` links that form a cycle; reported at every item on the cycle.',
  defaultSeverity: 'error',
  check: (ctx) => {
    const out: Finding[] = [];
    for (const cycle of dependencyCycles(ctx.ws.nodes)) {
      const members = new Set(cycle);
      for (const node of cycle) out.push(cycle.length === 1 ? selfLoop(node) : member(node, members));
    }
    return out;
  },
  checkNode: (ctx, node) => {
    const members = ctx.cycleOf(node);
    if (!members) return [];
    return [members.size === 1 ? selfLoop(node) : member(node, members)];
  },
};

function selfLoop(node: PlanNode): Finding {
  return atItem(node, `${NodeLabel(node)} depends on itself`, [relatedAt(node, `${NodeLabel(node)} depends on itself`)]);
}

function member(node: PlanNode, members: ReadonlySet<PlanNode>): Finding {
  const next = node.depends.find((d) => members.has(d) && d !== node)!;
  const previous = node.dependents.find((d) => members.has(d) && d !== node);
  const size = members.size;
  const related = [relatedAt(next, `${NodeLabel(node)} depends on ${nodeLabel(next)}`)];
  if (previous && previous !== next) related.push(relatedAt(previous, `${NodeLabel(previous)} depends on ${nodeLabel(node)}`));
  return atItem(node, `${NodeLabel(node)} depends on ${nodeLabel(next)}, which leads back to it: a dependency cycle of ${size.toLocaleString('en-US')} items (${pathFrom(node, members)})`, related);
}

/** `a → c → b → a`, following links from the node; past PATH_LIMIT steps, `a → … (first 10 of 4,000)`. */
function pathFrom(start: PlanNode, members: ReadonlySet<PlanNode>): string {
  const ids = [start.item.id];
  const seen = new Set([start]);
  for (let cur = start; ids.length <= PATH_LIMIT;) {
    if (ids.length > 1 && cur.depends.includes(start)) return [...ids, start.item.id].join(' → ');
    const next = cur.depends.find((d) => members.has(d) && !seen.has(d));
    if (!next) break;
    ids.push(next.item.id);
    seen.add(next);
    cur = next;
  }
  return `${ids.slice(0, PATH_LIMIT).join(' → ')} → … (the first ${Math.min(ids.length, PATH_LIMIT)} of ${members.size.toLocaleString('en-US')})`;
}
