/**
 * A Mermaid `gantt` block: a section per project (its bar, then its milestones), `after` where
 * a milestone waits for another and has no start of its own, milestones as 0-day markers, and
 * the roadmap's initiative targets in a last section. Labels lose the characters Mermaid's
 * grammar reserves (`:` `;` `#`); ids are rewritten to plain `t<n>`.
 */
import { formatDay } from '../../core/dates';
import type { PlanNode, ResolvedWorkspace } from '../../core/model/workspace';
import { deadlineOf, isOpen } from '../../core/model/queries';

export function mermaidLabel(text: string): string {
  return text.replace(/[:;#]/g, ' ').replace(/[\r\n]+/g, ' ').replace(/\s+/g, ' ').trim() || 'untitled';
}

export function formatMermaid(ws: ResolvedWorkspace, today: number, critical: ReadonlySet<string> = new Set()): string {
  const ids = new Map<PlanNode, string>();
  const idOf = (n: PlanNode) => {
    if (!ids.has(n)) ids.set(n, `t${ids.size + 1}`);
    return ids.get(n)!;
  };
  const title = ws.nodes.find((n) => n.item.kind === 'roadmap')?.item.title ?? 'Plan';
  const out = ['gantt', `  title ${mermaidLabel(title)}`, '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m-%d'];
  const tags = (n: PlanNode, extra: string[] = []) => {
    const t = [...extra];
    if (n.item.status === 'done') t.push('done');
    else if (n.item.status === 'in-progress') t.push('active');
    if (critical.has(n.item.id) || (isOpen(n) && (deadlineOf(n.item)?.last ?? Infinity) < today)) t.push('crit');
    return t;
  };
  const line = (n: PlanNode, spec: string[]) => `    ${mermaidLabel(n.item.title)} :${[...spec].join(', ')}`;
  const placed = new Set<PlanNode>();
  for (const project of ws.nodes.filter((n) => n.item.kind === 'project')) {
    const body: string[] = [];
    const { start, end } = project.item;
    if (start && end && start.first <= end.last) {
      body.push(line(project, [...tags(project), idOf(project), formatDay(start.first), formatDay(end.last + 1)]));
      placed.add(project);
    }
    for (const m of project.children.filter((c) => c.item.kind === 'milestone')) {
      const due = m.item.due;
      if (!due) continue;
      const dep = m.depends.find((d) => placed.has(d));
      if (m.item.start && m.item.start.first <= due.last) body.push(line(m, [...tags(m), idOf(m), formatDay(m.item.start.first), formatDay(due.last + 1)]));
      else if (dep && !m.item.start && (deadlineOf(dep.item)?.last ?? Infinity) < due.last) body.push(line(m, [...tags(m), idOf(m), `after ${idOf(dep)}`, formatDay(due.last + 1)]));
      else body.push(line(m, [...tags(m, ['milestone']), idOf(m), formatDay(due.last), '0d']));
      placed.add(m);
    }
    if (body.length) out.push(`  section ${mermaidLabel(project.item.title)}`, ...body);
  }
  const targets = ws.nodes.filter((n) => n.item.kind === 'initiative' && n.item.target);
  if (targets.length) {
    out.push('  section Roadmap targets');
    for (const t of targets) out.push(line(t, [...tags(t, ['milestone']), idOf(t), formatDay(t.item.target!.last), '0d']));
  }
  return out.join('\n') + '\n';
}
