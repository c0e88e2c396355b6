import { NodeLabel } from '../model/queries';
import type { PlanNode } from '../model/workspace';
import { atItem, isOpen, type Finding, type Rule } from './rule';

export const unplanned: Rule = {
  id: 'unplanned',
  description: 'An open initiative with horizon `now` or status `in-progress` that no project or milestone delivers.',
  defaultSeverity: 'info',
  check: (ctx) => ctx.ws.nodes.flatMap(checkNode),
  checkNode: (_ctx, node) => checkNode(node),
};

function checkNode(node: PlanNode): Finding[] {
  const { item } = node;
  if (item.kind !== 'initiative' || !isOpen(node) || node.deliveredBy.length > 0) return [];
  if (item.horizon !== 'now' && item.status !== 'in-progress') return [];
  const why = item.horizon === 'now' ? 'is on the roadmap for now' : 'is in progress';
  return [atItem(node, `${NodeLabel(node)} ${why}, but no project or milestone delivers it`)];
}
