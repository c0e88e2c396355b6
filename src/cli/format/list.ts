/** `list`: the items, one line each, or as JSON. */
import { positionAt } from '../../core/lines';
import type { PlanNode, ResolvedWorkspace } from '../../core/model/workspace';
import { deadlineOf } from '../../core/model/queries';
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

export function formatListJson(ws: ResolvedWorkspace, today: string): string {
  return jsonVisible(JSON.stringify({ version: 1, today, files: ws.files.length, items: ws.nodes.map(entry) }, null, 2)) + '\n';
}

export function formatListText(ws: ResolvedWorkspace): string {
  const rows = ws.nodes.map((n) => {
    const e = entry(n);
    const indent = '  '.repeat(depth(n));
    // Tab-separated: a tab (or any control) inside a field is shown escaped, never raw.
    return [`${e.file}:${e.line}:${e.column}`, `${indent}${e.kind}`, e.id, e.status, e.deadline ?? '-', e.title].map(visible).join('\t');
  });
  return rows.join('\n') + (rows.length ? '\n' : '');
}

function depth(node: PlanNode): number {
  let d = 0;
  for (let p = node.parent; p; p = p.parent) d++;
  return d;
}
