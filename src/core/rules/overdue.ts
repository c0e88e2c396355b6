import { formatDay, relativeDays } from '../dates';
import { NodeLabel } from '../model/queries';
import { atItem, deadlineOf, isOpen, type Finding, type Rule } from './rule';

export const overdue: Rule = {
  id: 'overdue',
  description: 'An open item whose deadline (due, end or target) is before today.',
  defaultSeverity: 'warning',
  check: (ctx) => {
    const out: Finding[] = [];
    for (const node of ctx.ws.nodes) {
      const deadline = deadlineOf(node.item);
      if (!deadline || !isOpen(node) || deadline.last >= ctx.today) continue;
      const when = relativeDays(deadline.last, ctx.today);
      const date = deadline.isPeriod ? `${deadline.text} (ended ${formatDay(deadline.last)}, ${when})` : `${deadline.text} (${when})`;
      const verb = node.item.kind === 'project' ? 'was to end' : node.item.kind === 'initiative' ? 'had its target' : 'was due';
      out.push(atItem(node, `${NodeLabel(node)} ${verb} ${date} and is not done`));
    }
    return out;
  },
};
