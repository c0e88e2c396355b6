import { relativeDays } from '../dates';
import { deadlineOf, isOpen, NodeLabel, plural, progressOf } from '../model/queries';
import type { PlanNode } from '../model/workspace';
import { atItem, relatedAt, type Finding, type Rule, type RuleContext } from './rule';

/**
 * Progress is the written `progress` where there is one (1.1), else the share of tasks done.
 * Initiatives are at risk only by a written progress: the work that delivers them has its own
 * tasks and dates, and is flagged itself.
 */
export const atRisk: Rule = {
  id: 'at-risk',
  description: 'An open milestone, project or initiative due within the risk window (14 days) with under half of its tasks done, or a written progress under 50%.',
  defaultSeverity: 'info',
  check: (ctx) => {
    const out: Finding[] = [];
    for (const node of ctx.ws.nodes) {
      const finding = atRiskFinding(node, ctx);
      if (finding) out.push(finding);
    }
    return out;
  },
  checkNode: (ctx, node) => {
    const finding = atRiskFinding(node, ctx);
    return finding ? [finding] : [];
  },
};

function atRiskFinding(node: PlanNode, ctx: RuleContext): Finding | undefined {
  const { kind } = node.item;
  if (kind !== 'milestone' && kind !== 'project' && kind !== 'initiative') return undefined;
  const deadline = deadlineOf(node.item);
  if (!deadline || !isOpen(node)) return undefined;
  const daysLeft = deadline.last - ctx.today;
  if (daysLeft < 0 || daysLeft > ctx.riskWindowDays) return undefined;
  const progress = progressOf(node);
  if (!progress || progress.value >= 0.5 || (kind === 'initiative' && progress.source !== 'written')) return undefined;
  const verb = kind === 'project' ? 'ends' : kind === 'initiative' ? 'has its target' : 'is due';
  const opening = `${NodeLabel(node)} ${verb} ${deadline.text} (${relativeDays(deadline.last, ctx.today)})`;
  if (progress.source === 'tasks') return atItem(node, `${opening} with only ${progress.done} of ${plural(progress.total!, 'task')} done`);
  const written = node.item.progress!;
  return atItem(node, `${opening} at ${Math.round(written.value * 100)}% progress`, [relatedAt(node, 'Progress', written.span)]);
}
