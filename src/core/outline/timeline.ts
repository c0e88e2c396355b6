/**
 * The timeline's rows, in the Roadmap view's order (goal → initiative → project → milestone),
 * as the plain JSON the renderer draws (src/protocol/timeline.ts).
 */
import type { Day } from '../dates';
import { positionAt } from '../lines';
import type { PlanNode, ResolvedWorkspace } from '../model/workspace';
import type { Diagnostic } from '../check';
import { deadlineOf, isOpen, progressOf, taskCounts, type TaskCount } from '../model/queries';
import type { TimelineView, ViewArrow, ViewRow } from './timeline-view';
import { buildRoadmapOutline, type OutlineEntry } from './roadmap';
import { criticalIds } from '../schedule/critical-path';
import { riskFlags, type Flags } from './flags';

export interface TimelineOptions {
  today: Day;
  /** Diagnostics of the same check: overdue and at-risk flags come from them. */
  diagnostics?: Diagnostic[];
  /** Ids of items on a critical path (default: core/schedule's). */
  critical?: ReadonlySet<string>;
  includeTasks?: boolean;
  title?: string;
}

export function buildTimelineView(ws: ResolvedWorkspace, input: TimelineOptions): TimelineView {
  const options = { ...input, critical: input.critical ?? criticalIds(ws), counts: taskCounts(ws.nodes) };
  const outline = buildRoadmapOutline(ws);
  const flagged = riskFlags(ws, options.diagnostics ?? []);
  const rows: ViewRow[] = [];
  const rowOf = new Map<PlanNode, string>();
  const seen = new Map<string, number>();
  const add = (entry: OutlineEntry, depth: number, parent: string | undefined) => {
    const { node } = entry;
    if (node.item.kind === 'task' && !options.includeTasks) return;
    const base = `${node.file.path}#${node.index}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const id = n ? `${base}~${n}` : base;
    if (!rowOf.has(node)) rowOf.set(node, id);
    rows.push(toRow(node, id, depth, parent, flagged.get(node), options));
    for (const child of entry.children) add(child, depth + 1, id);
  };
  for (const roadmap of outline.roadmaps) for (const child of roadmap.children) add(child, 0, undefined);
  if (outline.notOnRoadmap.length) {
    rows.push({ id: 'group:not-on-roadmap', kind: 'group', title: 'Not on the roadmap', depth: 0, status: 'planned', owners: [], goals: [], shape: 'none' });
    for (const entry of outline.notOnRoadmap) add(entry, 1, 'group:not-on-roadmap');
  }
  const arrows = ws.nodes.flatMap((node) => node.dependencies.flatMap(({ node: dep, type, lagDays }): ViewArrow[] => {
    const from = rowOf.get(dep);
    const to = rowOf.get(node);
    return from && to ? [{ from, to, type, lagDays, critical: !!(options.critical?.has(dep.item.id) && options.critical?.has(node.item.id)) }] : [];
  }));
  return {
    title: options.title ?? ws.nodes.find((n) => n.item.kind === 'roadmap')?.item.title ?? 'Roadmap',
    today: options.today,
    domain: domainOf(rows, options.today),
    rows,
    arrows,
    facets: facetsOf(ws),
  };
}

function toRow(node: PlanNode, id: string, depth: number, parent: string | undefined, flags: Flags | undefined, options: TimelineOptions & { counts: Map<PlanNode, TaskCount> }): ViewRow {
  const { item } = node;
  const deadline = deadlineOf(item);
  const row: ViewRow = {
    id, kind: item.kind, title: item.title, depth, parent, status: item.status, owners: item.owners,
    goals: goalIds(node), horizon: node.item.horizon ?? node.delivers.find((d) => d.item.horizon)?.item.horizon,
    shape: 'none',
    source: { file: node.file.path, index: node.index, ...positionAt(node.file.lineStarts, item.anchor.start) },
  };
  const start = item.start?.first ?? (item.kind === 'project' ? earliestStart(node) : undefined);
  if (item.kind === 'initiative') {
    if (deadline) row.target = deadline.last;
    const span = workSpan(node);
    if (span) Object.assign(row, { shape: 'bar', start: span[0], end: span[1] });
  } else if (deadline) {
    row.end = deadline.last;
    row.period = deadline.isPeriod;
    row.endField = item.kind === 'project' ? 'end' : 'due';
    if (start !== undefined && start <= deadline.last) Object.assign(row, { shape: 'bar', start });
    else if (deadline.isPeriod && item.kind !== 'task') Object.assign(row, { shape: 'bar', start: deadline.first });
    else Object.assign(row, { shape: 'diamond', start: deadline.last });
  }
  const progress = progressOf(node, options.counts);
  if (progress) row.progress = progress.value;
  if (progress?.source === 'tasks' && progress.total) row.taskCount = { done: progress.done!, total: progress.total };
  if (!options.includeTasks) {
    const owners = taskOwnersOf(node);
    if (owners.length) row.taskOwners = owners;
  }
  if (isOpen(node) && flags?.overdue) row.overdue = true;
  if (isOpen(node) && flags?.atRisk) row.atRisk = true;
  if (options.critical?.has(item.id)) row.critical = true;
  return row;
}

/** Owners of the tasks directly under a milestone or project (and their subtasks), other than the item's own. */
function taskOwnersOf(node: PlanNode): string[] {
  if (node.item.kind !== 'milestone' && node.item.kind !== 'project') return [];
  const owners = new Set<string>();
  const visit = (n: PlanNode) => {
    for (const c of n.children) {
      if (c.item.kind !== 'task') continue;
      for (const o of c.item.owners) if (!node.item.owners.includes(o)) owners.add(o);
      visit(c);
    }
  };
  visit(node);
  return [...owners];
}

function goalIds(node: PlanNode): string[] {
  if (node.item.kind === 'goal') return [node.item.id];
  if (node.goals.length) return node.goals.map((g) => g.item.id);
  const initiatives = node.delivers.length ? node.delivers : node.project?.delivers ?? [];
  return [...new Set(initiatives.flatMap((i) => i.goals.map((g) => g.item.id)))];
}

function earliestStart(project: PlanNode): Day | undefined {
  let min: Day | undefined;
  for (const c of project.children) for (const d of [c.item.start?.first, c.item.due?.first]) if (d !== undefined && (min === undefined || d < min)) min = d;
  return min;
}

/** From the first start to the last deadline of the work that delivers an initiative. */
function workSpan(initiative: PlanNode): [Day, Day] | undefined {
  let span: [Day, Day] | undefined;
  for (const n of initiative.deliveredBy) {
    for (const d of [n.item.start?.first, deadlineOf(n.item)?.last, n.item.kind === 'project' ? earliestStart(n) : undefined]) {
      if (d === undefined) continue;
      span = span ? [Math.min(span[0], d), Math.max(span[1], d)] : [d, d];
    }
  }
  return span;
}

function domainOf(rows: ViewRow[], today: Day): [Day, Day] {
  let lo = today;
  let hi = today;
  for (const r of rows) {
    for (const d of [r.start, r.end, r.target]) {
      if (d === undefined) continue;
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
  }
  return [lo, hi];
}

function facetsOf(ws: ResolvedWorkspace): TimelineView['facets'] {
  const sorted = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();
  return {
    owners: sorted(ws.nodes.flatMap((n) => n.item.owners)),
    statuses: sorted(ws.nodes.map((n) => n.item.status)),
    goals: ws.nodes.filter((n) => n.item.kind === 'goal').map((n) => ({ id: n.item.id, title: n.item.title })),
    horizons: sorted(ws.nodes.map((n) => n.item.horizon)),
  };
}
