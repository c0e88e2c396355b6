/** `list`: the items in the Roadmap tree's order, filtered, one line each or as JSON. */
import type { Day } from '../../core/dates';
import { positionAt } from '../../core/lines';
import { buildRoadmapOutline, type OutlineEntry } from '../../core/outline/roadmap';
import type { ListFilter } from '../args';
import type { PlanNode, ResolvedWorkspace } from '../../core/model/workspace';
import { deadlineOf, isOpen } from '../../core/model/queries';
import { isFieldOf, synonymOf } from '../../core/model/fields';
import type { Item, Link } from '../../core/model/types';
import type { Money } from '../../core/model/values';
import { jsonVisible, visible } from './escape';

function entry(node: PlanNode) {
  const { item } = node;
  const pos = positionAt(node.file.lineStarts, item.anchor.start);
  const deadline = deadlineOf(item);
  return {
    id: item.id, kind: item.kind, title: item.title, status: item.status,
    file: node.file.path, line: pos.line, column: pos.column,
    ...(node.parent ? { parent: node.parent.item.id } : {}),
    ...(deadline ? { deadline: deadline.text } : {}),
    ...(item.start ? { start: item.start.text } : {}),
    ...(item.owners.length ? { owner: item.owners.join(', '), owners: item.owners } : {}),
    ...(item.horizon ? { horizon: item.horizon } : {}),
    ...(item.goal.length ? { goal: item.goal.map((l) => l.id) } : {}),
    ...(item.delivers.length ? { delivers: item.delivers.map((l) => l.id) } : {}),
    ...(item.depends.length ? { depends: item.depends.map((l) => l.id) } : {}),
    ...(item.depends.some((l) => l.dep && (l.dep.type !== 'FS' || l.dep.lagDays)) ? { dependsOn: item.depends.map(dependency) } : {}),
    ...(item.budget ? { budget: money(item.budget) } : {}),
    ...(item.spent ? { spent: money(item.spent) } : {}),
    ...(item.progress ? { progress: Math.round(item.progress.value * 1000) / 10 } : {}),
    ...customFields(item),
  };
}

function money(m: Money): { amount: number; currency?: string } {
  return m.currency ? { amount: m.amount, currency: m.currency } : { amount: m.amount };
}

function dependency(link: Link): { id: string; type: string; lagDays: number } {
  return { id: link.id, type: link.dep?.type ?? 'FS', lagDays: link.dep?.lagDays ?? 0 };
}

/** Fields this kind does not define (a team's own, declared in the config, or reported as unknown): kept as written. */
function customFields(item: Item): { fields?: Record<string, string> } {
  const extra = item.fields.filter((f) => !isFieldOf(item.kind, f.key) && !synonymOf(f.key) && !f.shape);
  if (extra.length === 0) return {};
  const fields: Record<string, string> = Object.create(null);
  for (const f of extra) if (!Object.hasOwn(fields, f.key)) fields[f.key] = f.parts.map((p) => p.text).join(', ');
  return { fields: { ...fields } };
}

/** An item as listed, with its depth in the tree. */
export interface Listed {
  node: PlanNode;
  depth: number;
}

/**
 * Every item once, in the Roadmap view's order: each roadmap with its goals, initiatives and the
 * projects (milestones, tasks) that deliver them; then the projects not on the roadmap; then
 * whatever neither reaches (a project delivering an unknown id, a duplicate), in file order.
 * An item the tree shows twice (a project delivering two initiatives) is listed where it first shows.
 */
export function roadmapOrder(ws: ResolvedWorkspace): Listed[] {
  const outline = buildRoadmapOutline(ws);
  const out: Listed[] = [];
  const seen = new Set<PlanNode>();
  const visit = (entry: OutlineEntry, depth: number) => {
    if (seen.has(entry.node)) return;
    seen.add(entry.node);
    out.push({ node: entry.node, depth });
    for (const child of entry.children) visit(child, depth + 1);
  };
  for (const entry of [...outline.roadmaps, ...outline.notOnRoadmap]) visit(entry, 0);
  const depthOf = new Map<PlanNode, number>();
  for (const node of ws.nodes) {
    if (seen.has(node)) continue;
    const parentDepth = node.parent ? depthOf.get(node.parent) : undefined;
    const depth = parentDepth === undefined ? 0 : parentDepth + 1;
    depthOf.set(node, depth);
    out.push({ node, depth });
  }
  return out;
}

/** Whether an item passes every filter given. */
export function matches(node: PlanNode, filter: ListFilter, today: Day): boolean {
  const { item } = node;
  if (filter.owners.length && !item.owners.some((o) => filter.owners.includes(o.replace(/^@/, '').toLowerCase()))) return false;
  if (filter.statuses.length && !filter.statuses.includes(item.status)) return false;
  if (filter.kinds.length && !filter.kinds.includes(item.kind)) return false;
  const deadline = deadlineOf(item);
  // Overdue as the `overdue` rule has it: open, and the deadline's last day is past.
  if (filter.overdue && !(deadline && isOpen(node) && deadline.last < today)) return false;
  if (filter.dueBefore !== undefined && !(deadline && deadline.last < filter.dueBefore)) return false;
  return true;
}

/** The items to list: roadmap order, filtered. */
export function listItems(ws: ResolvedWorkspace, filter: ListFilter, today: Day): Listed[] {
  return roadmapOrder(ws).filter((l) => matches(l.node, filter, today));
}

/** The items as JSON (`export --format json` passes none: every item in file order). */
export function formatListJson(ws: ResolvedWorkspace, today: string, items: readonly Listed[] = ws.nodes.map((node) => ({ node, depth: 0 }))): string {
  return jsonVisible(JSON.stringify({ version: 1, today, files: ws.files.length, items: items.map((l) => entry(l.node)) }, null, 2)) + '\n';
}

export function formatListText(items: readonly Listed[]): string {
  const rows = items.map(({ node, depth }) => {
    const e = entry(node);
    const indent = '  '.repeat(depth);
    // Tab-separated: a tab (or any control) inside a field is shown escaped, never raw.
    return [`${e.file}:${e.line}:${e.column}`, `${indent}${e.kind}`, e.id, e.status, e.deadline ?? '-', e.title].map(visible).join('\t');
  });
  return rows.join('\n') + (rows.length ? '\n' : '');
}
