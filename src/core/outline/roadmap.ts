/**
 * The roadmap as a tree, the shape the Roadmap view shows: roadmap → goal → initiative →
 * project → milestone → task. Projects that deliver nothing on the roadmap are gathered apart
 * so misalignment is visible at a glance.
 */
import type { PlanNode, ResolvedWorkspace } from '../model/workspace';

export interface OutlineEntry {
  node: PlanNode;
  children: OutlineEntry[];
}

export interface RoadmapOutline {
  /** One entry per roadmap file-level item. */
  roadmaps: OutlineEntry[];
  /** Projects that deliver no initiative, neither themselves nor through a milestone. */
  notOnRoadmap: OutlineEntry[];
}

export function buildRoadmapOutline(ws: ResolvedWorkspace): RoadmapOutline {
  const isDuplicate = new Set(ws.duplicates.map((d) => d.node));
  const roadmaps = ws.nodes
    .filter((n) => n.item.kind === 'roadmap')
    .map((roadmap) => ({ node: roadmap, children: roadmapChildren(ws, roadmap, isDuplicate) }));
  const notOnRoadmap = ws.nodes
    .filter((n) => n.item.kind === 'project' && !deliversAnything(n))
    .map(workEntry);
  return { roadmaps, notOnRoadmap };
}

function roadmapChildren(ws: ResolvedWorkspace, roadmap: PlanNode, isDuplicate: Set<PlanNode>): OutlineEntry[] {
  const inFile = ws.nodes.filter((n) => n.file === roadmap.file && !isDuplicate.has(n));
  const goals = inFile.filter((n) => n.item.kind === 'goal').map((goal) => ({
    node: goal,
    children: ws.nodes.filter((n) => n.item.kind === 'initiative' && n.goals.includes(goal)).map(initiativeEntry),
  }));
  const orphans = inFile.filter((n) => n.item.kind === 'initiative' && n.goals.length === 0).map(initiativeEntry);
  return [...goals, ...orphans];
}

function initiativeEntry(initiative: PlanNode): OutlineEntry {
  const projects = initiative.deliveredBy.filter((n) => n.item.kind === 'project');
  // A milestone that delivers this initiative while its project does not (its own `delivers` overrides).
  const strays = initiative.deliveredBy.filter((n) => n.item.kind === 'milestone' && !(n.project && projects.includes(n.project)));
  return { node: initiative, children: [...projects, ...strays].map(workEntry) };
}

/** A project, milestone or task with the items nested in it. */
function workEntry(node: PlanNode): OutlineEntry {
  return { node, children: node.children.map(workEntry) };
}

function deliversAnything(project: PlanNode): boolean {
  if (project.delivers.length) return true;
  const stack = [...project.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.item.kind === 'milestone' && n.delivers.length) return true;
    stack.push(...n.children);
  }
  return false;
}
