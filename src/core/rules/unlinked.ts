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
    const deliverThroughMilestones = projectsWithDeliveringMilestones(ctx.ws.nodes);
    return ctx.ws.nodes.flatMap((node) => checkNode(node, (p) => deliverThroughMilestones.has(p)));
  },
  checkNode: (_ctx, node) => checkNode(node, hasDeliveringMilestone),
};

function checkNode(node: PlanNode, deliversThroughMilestones: (project: PlanNode) => boolean): Finding[] {
  const out: Finding[] = [];
  if (node.item.status === 'dropped' || node.file.unread) return out;
  if (node.item.kind === 'project' && node.item.delivers.length === 0 && node.delivers.length === 0 && !deliversThroughMilestones(node)) {
    out.push(atItem(node, `${NodeLabel(node)} delivers no initiative of the roadmap: add \`delivers: <initiative id>\` to it or to one of its milestones`));
  }
  if (node.item.kind === 'initiative' && node.goals.length === 0 && node.item.goal.length === 0) {
    out.push(atItem(node, `${NodeLabel(node)} serves no goal: add \`goal: <goal id>\` or nest it under a Goal`));
  }
  return out;
}

/** A milestone of the project (nested in it, it the nearest project above) with its own `delivers`. */
function hasDeliveringMilestone(project: PlanNode): boolean {
  const stack = [...project.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.item.kind === 'milestone' && n.project === project && n.item.delivers.length > 0) return true;
    for (const c of n.children) stack.push(c);
  }
  return false;
}

function projectsWithDeliveringMilestones(nodes: PlanNode[]): Set<PlanNode> {
  const out = new Set<PlanNode>();
  for (const n of nodes) if (n.item.kind === 'milestone' && n.project && n.item.delivers.length > 0) out.add(n.project);
  return out;
}
