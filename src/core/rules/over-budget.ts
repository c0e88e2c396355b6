import { formatMoney } from '../model/values';
import type { PlanNode } from '../model/workspace';
import { NodeLabel } from '../model/queries';
import { atSpan, relatedAt, type Finding, type Rule } from './rule';

/** An amount without a currency is taken to be in the other one's currency. */
export const overBudget: Rule = {
  id: 'over-budget',
  description: '`spent` greater than `budget` in the same currency.',
  defaultSeverity: 'warning',
  check: (ctx) => ctx.ws.nodes.flatMap(checkNode),
  checkNode: (_ctx, node) => checkNode(node),
};

function checkNode(node: PlanNode): Finding[] {
  const { budget, spent } = node.item;
  if (!budget || !spent || spent.amount <= budget.amount) return [];
  if (budget.currency && spent.currency && budget.currency !== spent.currency) return [];
  const currency = budget.currency ?? spent.currency;
  const pct = budget.amount > 0 ? ` (${Math.round((spent.amount / budget.amount) * 100)}%)` : '';
  return [atSpan(node, spent.span, `${NodeLabel(node)} has spent ${formatMoney({ ...spent, currency })} of a ${formatMoney({ ...budget, currency })} budget${pct}`, [
    relatedAt(node, 'Budget', budget.span),
  ])];
}
