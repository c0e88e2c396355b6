import { formatMoney } from '../model/values';
import { NodeLabel } from '../model/queries';
import { atSpan, relatedAt, type Finding, type Rule } from './rule';

/** An amount without a currency is taken to be in the other one's currency. */
export const overBudget: Rule = {
  id: 'over-budget',
  description: '`spent` greater than `budget` in the same currency.',
  defaultSeverity: 'warning',
  check: (ctx) => {
    const out: Finding[] = [];
    for (const node of ctx.ws.nodes) {
      const { budget, spent } = node.item;
      if (!budget || !spent || spent.amount <= budget.amount) continue;
      if (budget.currency && spent.currency && budget.currency !== spent.currency) continue;
      const currency = budget.currency ?? spent.currency;
      const pct = budget.amount > 0 ? ` (${Math.round((spent.amount / budget.amount) * 100)}%)` : '';
      out.push(atSpan(node, spent.span, `${NodeLabel(node)} has spent ${formatMoney({ ...spent, currency })} of a ${formatMoney({ ...budget, currency })} budget${pct}`, [
        relatedAt(node, 'Budget', budget.span),
      ]));
    }
    return out;
  },
};
