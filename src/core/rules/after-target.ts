import { formatDay } from '../dates';
import type { DateValue } from '../model/types';
import type { PlanNode } from '../model/workspace';
import { NodeLabel, nodeLabel } from '../model/queries';
import { atSpan, isOpen, relatedAt, type Finding, type Rule } from './rule';

/** Closed items are history, not plans: a done milestone's date is left alone. */
export const afterTarget: Rule = {
  id: 'after-target',
  description: "A milestone due, or a project ending, after the last day of the target of an initiative it delivers.",
  defaultSeverity: 'warning',
  check: (ctx) => ctx.ws.nodes.flatMap(checkNode),
  checkNode: (_ctx, node) => checkNode(node),
};

function checkNode(node: PlanNode): Finding[] {
  const date = node.item.kind === 'milestone' ? node.item.due : node.item.kind === 'project' ? node.item.end : undefined;
  if (!date || !isOpen(node)) return [];
  const out: Finding[] = [];
  for (const initiative of node.delivers) {
    const finding = compare(node, date, initiative);
    if (finding) out.push(finding);
  }
  return out;
}

function compare(node: PlanNode, date: DateValue, initiative: PlanNode): Finding | undefined {
  const target = initiative.item.target;
  if (!target || date.last <= target.last) return undefined;
  const verb = node.item.kind === 'project' ? 'ends' : 'is due';
  const targetText = target.isPeriod ? `${target.text}, which ends ${formatDay(target.last)}` : target.text;
  return atSpan(node, date.span, `${NodeLabel(node)} ${verb} ${date.text}, after the target of ${nodeLabel(initiative)} it delivers (${targetText})`, [
    relatedAt(initiative, `Target of ${nodeLabel(initiative)}`, target.span),
  ]);
}
