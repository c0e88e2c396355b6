import type { PlanNode } from '../model/workspace';
import { NodeLabel } from '../model/queries';
import { atItem, type Finding, type Rule } from './rule';

/**
 * A link that is written but broken is left to broken-link: reporting the same item twice
 * for one typo would be noise.
 */
export const unlinked: Rule = {
  id: 'unlinked',
  description: 'A project that delivers no initiative (itself or through a milestone); an initiative that serves no goal.',
  defaultSeverity: 'warning',
  check: (ctx) => {
    const out: Finding[] = [];
    const deliverThroughMilestones = projectsWithDeliveringMilestones(ctx.ws.nodes);
    for (const node of ctx.ws.nodes) {
      if (node.item.status === 'dropped' || node.file.unread) continue;
      if (node.item.kind === 'project' && node.item.delivers.length === 0 && node.delivers.length === 0 && !deliverThroughMilestones.has(node)) {
        out.push(atItem(node, `${NodeLabel(node)} delivers no initiative of the roadmap: add \`delivers: <initiative id>\` to it or to one of its milestones`));
      }
      if (node.item.kind === 'initiative' && node.goals.length === 0 && node.item.goal.length === 0) {
        out.push(atItem(node, `${NodeLabel(node)} serves no goal: add \`goal: <goal id>\` or nest it under a Goal`));
      }
    }
    return out;
  },
};

function projectsWithDeliveringMilestones(nodes: PlanNode[]): Set<PlanNode> {
  const out = new Set<PlanNode>();
  for (const n of nodes) if (n.item.kind === 'milestone' && n.project && n.item.delivers.length > 0) out.add(n.project);
  return out;
}
