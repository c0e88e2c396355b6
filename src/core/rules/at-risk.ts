import { relativeDays } from '../dates';
import { Label } from '../parse/interpret';
import { atItem, deadlineOf, isOpen, plural, tasksUnder, type Finding, type Rule } from './rule';

export const atRisk: Rule = {
  id: 'at-risk',
  description: 'An open milestone or project due within the risk window (14 days) with under half of its tasks done.',
  defaultSeverity: 'info',
  check: (ctx) => {
    const out: Finding[] = [];
    for (const node of ctx.ws.nodes) {
      if (node.item.kind !== 'milestone' && node.item.kind !== 'project') continue;
      const deadline = deadlineOf(node.item);
      if (!deadline || !isOpen(node)) continue;
      const daysLeft = deadline.last - ctx.today;
      if (daysLeft < 0 || daysLeft > ctx.riskWindowDays) continue;
      const tasks = tasksUnder(node);
      const done = tasks.filter((t) => t.item.status === 'done').length;
      if (tasks.length === 0 || done * 2 >= tasks.length) continue;
      const verb = node.item.kind === 'project' ? 'ends' : 'is due';
      out.push(atItem(node, `${Label(node.item)} ${verb} ${deadline.text} (${relativeDays(deadline.last, ctx.today)}) with only ${done} of ${plural(tasks.length, 'task')} done`));
    }
    return out;
  },
};
