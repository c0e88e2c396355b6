/**
 * The roadmap as a tree, the shape the Roadmap view shows: roadmap → goal → initiative →
 * project → milestone → task. Projects that deliver nothing on the roadmap are gathered apart
 * so misalignment is visible at a glance.
 */
import type { ParsedFile } from '../model/types';
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
  // One pass for what each goal and each roadmap file holds: linear in the items, whatever the number of goals.
  const initiativesOf = new Map<PlanNode, PlanNode[]>();
  const inRoadmapFile = new Map<ParsedFile, PlanNode[]>();
  const roadmapNodes: PlanNode[] = [];
  const strayProjects: PlanNode[] = [];
  for (const n of ws.nodes) {
    if (n.item.kind === 'roadmap') roadmapNodes.push(n);
    if (n.item.kind === 'initiative') for (const goal of new Set(n.goals)) push(initiativesOf, goal, n);
    if (!isDuplicate.has(n)) push(inRoadmapFile, n.file, n);
    if (n.item.kind === 'project' && !deliversAnything(n)) strayProjects.push(n);
  }
  const roadmaps = roadmapNodes.map((roadmap) => ({ node: roadmap, children: roadmapChildren(inRoadmapFile.get(roadmap.file) ?? [], initiativesOf) }));
  return { roadmaps, notOnRoadmap: strayProjects.map(workEntry) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function roadmapChildren(inFile: readonly PlanNode[], initiativesOf: ReadonlyMap<PlanNode, PlanNode[]>): OutlineEntry[] {
  const goals = inFile.filter((n) => n.item.kind === 'goal').map((goal) => ({
    node: goal,
    children: (initiativesOf.get(goal) ?? []).map(initiativeEntry),
  }));
  const orphans = inFile.filter((n) => n.item.kind === 'initiative' && n.goals.length === 0).map(initiativeEntry);
  return [...goals, ...orphans];
}

function initiativeEntry(initiative: PlanNode): OutlineEntry {
  const projects = initiative.deliveredBy.filter((n) => n.item.kind === 'project');
  const delivering = new Set(projects);
  // A milestone that delivers this initiative while its project does not (its own `delivers` overrides).
  const strays = initiative.deliveredBy.filter((n) => n.item.kind === 'milestone' && !(n.project && delivering.has(n.project)));
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
