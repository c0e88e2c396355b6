import { formatDay } from '../dates';
import { deadlineOf, NodeLabel } from '../model/queries';
import type { PlanNode } from '../model/workspace';
import { titleKey, type BaselineItem } from '../drift/rule-baseline';
import { atSpan, type Finding, type Rule, type RuleContext } from './rule';

/**
 * Only with a baseline (`check --since`, the `roadmark.baseline` setting). Reads the node, its
 * own file and the baseline, nothing else, so the incremental check re-runs it per changed file.
 */
export const slipped: Rule = {
  id: 'slipped',
  description: 'A deadline later than at the drift baseline (by more than `slippedDays`).',
  defaultSeverity: 'info',
  check: (ctx) => (ctx.baseline ? ctx.ws.nodes.flatMap((node) => checkNode(ctx, node)) : []),
  checkNode: (ctx, node) => checkNode(ctx, node),
};

function checkNode(ctx: RuleContext, node: PlanNode): Finding[] {
  const deadline = deadlineOf(node.item);
  const was = ctx.baseline && deadline && baselineOf(ctx.baseline, node);
  if (!deadline || !was?.deadline) return [];
  const days = deadline.last - was.deadline.last;
  if (days <= (ctx.slippedDays ?? 0)) return [];
  const field = node.item.kind === 'project' ? 'end' : node.item.kind === 'initiative' ? 'target' : 'due';
  const then = was.deadline.text === formatDay(was.deadline.last) ? was.deadline.text : `${was.deadline.text}, ${formatDay(was.deadline.last)}`;
  return [atSpan(node, deadline.span, `${NodeLabel(node)} slipped ${days} day${days === 1 ? '' : 's'} since ${ctx.baseline!.label} (${field} was ${then})`)];
}

/** The item at the baseline: the same id, else (an id renamed in place) the same kind and title in the same file whose id this file no longer has. */
function baselineOf(baseline: NonNullable<RuleContext['baseline']>, node: PlanNode): BaselineItem | undefined {
  const same = baseline.byId.get(node.item.id);
  if (same?.length === 1) return same[0];
  if (same) return same.find((b) => b.file === node.file.path && b.title === node.item.title) ?? same.find((b) => b.file === node.file.path);
  const renamed = baseline.byTitle.get(titleKey(node.item.kind, node.file.path, node.item.title));
  return renamed && !node.file.items.some((i) => i.id === renamed.id) ? renamed : undefined;
}
