/**
 * Items as CSV (RFC 4180: CRLF rows, fields quoted when they hold a comma, quote or line break,
 * quotes doubled). Free-text cells that a spreadsheet would run as a formula (starting with
 * = + - @, tab or CR) get a leading apostrophe, the usual guard; ids and dates never need it.
 */
import { formatDay } from '../../core/dates';
import { positionAt } from '../../core/lines';
import type { PlanNode, ResolvedWorkspace } from '../../core/model/workspace';
import { deadlineOf } from '../../core/model/queries';

export const CSV_COLUMNS = ['id', 'kind', 'title', 'status', 'owner', 'start', 'due', 'goal', 'initiative', 'project', 'depends', 'progress', 'budget', 'spent', 'currency', 'file', 'line'] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function text(value: string | undefined): string {
  return value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value ?? '';
}

function row(node: PlanNode): string[] {
  const { item } = node;
  const deadline = deadlineOf(item);
  const initiatives = item.kind === 'initiative' ? [] : node.delivers.map((d) => d.item.id);
  const goals = item.kind === 'goal' ? [] : item.kind === 'initiative' ? node.goals.map((g) => g.item.id) : [...new Set(node.delivers.flatMap((d) => d.goals.map((g) => g.item.id)))];
  return [
    item.id, item.kind, text(item.title), item.status, text(item.owners.join(', ')),
    item.start ? formatDay(item.start.first) : '', deadline ? formatDay(deadline.last) : '',
    goals.join(' '), initiatives.join(' '), node.project && node.project !== node ? node.project.item.id : '',
    item.depends.map((l) => l.id).join(' '), item.progress ? String(Math.round(item.progress.value * 1000) / 10) : '',
    item.budget ? String(item.budget.amount) : '', item.spent ? String(item.spent.amount) : '', item.budget?.currency ?? item.spent?.currency ?? '', node.file.path, String(positionAt(node.file.lineStarts, item.anchor.start).line),
  ];
}

export function formatCsv(ws: ResolvedWorkspace): string {
  return [CSV_COLUMNS as readonly string[], ...ws.nodes.map(row)].map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}
