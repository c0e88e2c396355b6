import { Label, label } from '../parse/interpret';
import type { PlanNode } from '../model/workspace';
import { atItem, isOpen, plural, relatedAt, type Finding, type Rule } from './rule';

export const statusMismatch: Rule = {
  id: 'status-mismatch',
  description: 'A closed item with open tasks or milestones; an initiative marked done while an item delivering it is open.',
  defaultSeverity: 'warning',
  check: (ctx) => {
    const out: Finding[] = [];
    for (const node of ctx.ws.nodes) {
      if (isOpen(node) || node.item.kind === 'task') continue;
      const open = openWorkUnder(node);
      if (open.length) {
        out.push(atItem(node, `${Label(node.item)} is ${node.item.status} but ${describe(open)} ${open.length === 1 ? 'is' : 'are'} still open`, open.slice(0, 20).map((n) => relatedAt(n, `Open ${n.item.kind}`))));
      }
      if (node.item.kind === 'initiative' && node.item.status === 'done') {
        const delivering = node.deliveredBy.filter(isOpen);
        if (delivering.length) {
          out.push(atItem(node, `${Label(node.item)} is done but ${label(delivering[0].item)}${delivering.length > 1 ? ` and ${delivering.length - 1} more` : ''}, which deliver${delivering.length > 1 ? '' : 's'} it, ${delivering.length > 1 ? 'are' : 'is'} still open`,
            delivering.map((n) => relatedAt(n, `${Label(n.item)} is ${n.item.status}`))));
        }
      }
    }
    return out;
  },
};

/** Open milestones and tasks inside a closed item (a task under an open milestone is that milestone's business). */
function openWorkUnder(node: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const visit = (n: PlanNode) => {
    for (const c of n.children) {
      const kind = c.item.kind;
      if ((kind === 'task' || kind === 'milestone') && isOpen(c)) out.push(c);
      if (kind !== 'milestone' || !isOpen(c)) visit(c);
    }
  };
  visit(node);
  return out;
}

function describe(open: PlanNode[]): string {
  const tasks = open.filter((n) => n.item.kind === 'task').length;
  const milestones = open.length - tasks;
  const parts = [milestones ? plural(milestones, 'milestone') : '', tasks ? plural(tasks, 'task') : ''].filter(Boolean);
  return parts.join(' and ');
}
