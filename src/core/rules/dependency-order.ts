import { Label, label } from '../parse/interpret';
import { dependencyCycles } from '../schedule/cycles';
import type { PlanNode } from '../model/workspace';
import { atItem, deadlineOf, isOpen, relatedAt, type Finding, type Rule } from './rule';

/**
 * Compares an item's start (or, without one, its deadline) with each dependency's deadline.
 * Closed items on either side are skipped: a done dependency no longer holds anything up.
 */
export const dependencyOrder: Rule = {
  id: 'dependency-order',
  description: 'An item due (or, where it has one, starting) before the deadline of something it depends on.',
  defaultSeverity: 'warning',
  check: (ctx) => {
    const onCycle = new Set(dependencyCycles(ctx.ws.nodes).flat());
    const out: Finding[] = [];
    for (const node of ctx.ws.nodes) {
      if (node.depends.length === 0 || onCycle.has(node) || !isOpen(node)) continue;
      for (const dep of node.depends) {
        const finding = onCycle.has(dep) || !isOpen(dep) ? undefined : compare(node, dep);
        if (finding) out.push(finding);
      }
    }
    return out;
  },
};

function compare(node: PlanNode, dep: PlanNode): Finding | undefined {
  const depDeadline = deadlineOf(dep.item);
  const start = node.item.start;
  const own = start ?? deadlineOf(node.item);
  if (!depDeadline || !own) return undefined;
  const ownDay = start ? start.first : own.last;
  if (ownDay >= depDeadline.last) return undefined;
  const what = start ? `starts ${start.text}` : `is due ${own.text}`;
  const depVerb = dep.item.kind === 'project' ? 'ends' : 'is due';
  return atItem(node, `${Label(node.item)} ${what}, before ${label(dep.item)} it depends on ${depVerb} (${depDeadline.text})`, [
    relatedAt(dep, `Deadline of ${label(dep.item)}`, depDeadline.span),
  ]);
}
