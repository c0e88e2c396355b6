import { formatDay, relativeDays } from '../dates';
import { NodeLabel } from '../model/queries';
import type { PlanNode } from '../model/workspace';
import type { Day } from '../dates';
import { atItem, deadlineOf, isOpen, type Finding, type Rule } from './rule';

export const overdue: Rule = {
  id: 'overdue',
  description: 'An open item whose deadline (due, end or target) is before today.',
  defaultSeverity: 'warning',
  check: (ctx) => ctx.ws.nodes.flatMap((node) => checkNode(node, ctx.today)),
  checkNode: (ctx, node) => checkNode(node, ctx.today),
};

function checkNode(node: PlanNode, today: Day): Finding[] {
  const deadline = deadlineOf(node.item);
  if (!deadline || !isOpen(node) || deadline.last >= today) return [];
  const when = relativeDays(deadline.last, today);
  const date = deadline.isPeriod ? `${deadline.text} (ended ${formatDay(deadline.last)}, ${when})` : `${deadline.text} (${when})`;
  const verb = node.item.kind === 'project' ? 'was to end' : node.item.kind === 'initiative' ? 'had its target' : 'was due';
  return [atItem(node, `${NodeLabel(node)} ${verb} ${date} and is not done`)];
}
