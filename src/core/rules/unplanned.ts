import { NodeLabel } from '../model/queries';
import { atItem, isOpen, type Finding, type Rule } from './rule';

export const unplanned: Rule = {
  id: 'unplanned',
  description: 'An open initiative with horizon `now` or status `in-progress` that no project or milestone delivers.',
  defaultSeverity: 'info',
  check: (ctx) => {
    const out: Finding[] = [];
    for (const node of ctx.ws.nodes) {
      const { item } = node;
      if (item.kind !== 'initiative' || !isOpen(node) || node.deliveredBy.length > 0) continue;
      if (item.horizon !== 'now' && item.status !== 'in-progress') continue;
      const why = item.horizon === 'now' ? 'is on the roadmap for now' : 'is in progress';
      out.push(atItem(node, `${NodeLabel(node)} ${why}, but no project or milestone delivers it`));
    }
    return out;
  },
};
