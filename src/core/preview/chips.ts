/**
 * What the Markdown preview shows of an item's fields: one chip per fact (status, dates,
 * owners, links, the other fields as written), and whether it is overdue. Pure data; html.ts
 * writes it.
 */
import { formatDay, type Day } from '../dates';
import { shortDate } from '../language/describe';
import { deadlineOf } from '../model/queries';
import type { Field, Item, Link, Problem } from '../model/types';
import { isClosed } from '../model/values';

export type ChipKind = 'status' | 'overdue' | 'date' | 'owner' | 'link' | 'field' | 'id' | 'invalid';

export interface Chip {
  kind: ChipKind;
  /** The words before the value (`due`, `after`); empty for a status. */
  label: string;
  value: string;
  /** A status chip's status, for its colour. */
  status?: string;
  /** Where a link chip leads (`#id`, `other.project.md#id`); undefined when the id reaches no item. */
  href?: string;
  /** Hover text. */
  title?: string;
}

/** Where a link leads, from the document being previewed. */
export interface LinkTarget {
  href: string;
  /** How the item is named: `milestone 'Staff trained'`. */
  title: string;
}

export type ResolveLink = (link: Link, field: 'goal' | 'delivers' | 'depends') => LinkTarget | undefined;

/** Fields that chips show by their meaning; every other field is shown as written. */
const SHOWN = new Set(['id', 'title', 'type', 'status', 'state', 'due', 'start', 'end', 'owner', 'goal', 'delivers', 'depends', 'done', 'done-on', 'dropped-on']);
const LINK_LABELS = { depends: 'after', delivers: 'delivers', goal: 'goal' } as const;

/** The problems (a date or value that could not be read) are shown on their field, as written: the preview drops nothing in silence. */
export function chipsOf(item: Item, today: Day, resolve: ResolveLink, problems: readonly Problem[] = []): Chip[] {
  const out: Chip[] = [];
  const invalid = new Map<Field, Problem>();
  for (const f of item.fields) {
    const problem = problems.find((p) => (p.rule === 'invalid-date' || p.rule === 'invalid-value') && p.span.start < Math.max(f.valueSpan.end, f.valueSpan.start + 1) && p.span.end > f.valueSpan.start);
    if (problem) invalid.set(f, problem);
  }
  const written = item.fields.some((f) => f.key === 'status' || f.key === 'state');
  if (written || item.kind !== 'task') out.push({ kind: 'status', label: '', value: item.status, status: item.status, title: written ? undefined : 'not written: the default' });
  const overdue = overdueDays(item, today);
  if (overdue !== undefined) out.push({ kind: 'overdue', label: 'overdue', value: overdue === 1 ? '1 day' : `${overdue} days`, title: `Was due ${deadlineOf(item)!.text}, today is ${formatDay(today)}` });
  if (item.start) out.push(dateChip('start', item.start.text, item.start.first, item.start.isPeriod));
  const deadline = deadlineOf(item);
  if (deadline) out.push(dateChip(item.kind === 'project' ? 'end' : item.kind === 'initiative' ? 'target' : 'due', deadline.text, deadline.last, deadline.isPeriod));
  if (item.owners.length) out.push({ kind: 'owner', label: item.owners.length > 1 ? 'owners' : 'owner', value: item.owners.join(', ') });
  for (const field of ['depends', 'delivers', 'goal'] as const) {
    for (const link of item[field]) {
      const target = resolve(link, field);
      const lag = link.dep && (link.dep.type !== 'FS' || link.dep.lagDays) ? ` (${link.dep.type}${link.dep.lagDays ? `${link.dep.lagDays > 0 ? '+' : ''}${link.dep.lagDays}d` : ''})` : '';
      out.push({ kind: 'link', label: LINK_LABELS[field], value: `${link.id}${lag}`, href: target?.href, title: target ? target.title : `'${link.id}' names no item` });
    }
  }
  for (const [f, problem] of invalid) out.push({ kind: 'invalid', label: f.key, value: f.parts.map((p) => p.text).join(', ') || '(empty)', title: problem.message });
  for (const f of item.fields) {
    if (invalid.has(f) || SHOWN.has(f.key) || (f.key === 'target' && item.kind === 'initiative') || f.shape) continue;
    out.push({ kind: 'field', label: f.key, value: f.parts.map((p) => p.text).join(', ') });
  }
  if (item.idExplicit && item.kind !== 'task') out.push({ kind: 'id', label: '', value: `#${item.id}`, title: 'The id links use' });
  return out;
}

/** Days since an open item's deadline passed; undefined when it is not overdue. */
export function overdueDays(item: Item, today: Day): number | undefined {
  const deadline = deadlineOf(item);
  if (!deadline || isClosed(item.status) || deadline.last >= today) return undefined;
  return today - deadline.last;
}

function dateChip(label: string, text: string, day: Day, isPeriod: boolean): Chip {
  return { kind: 'date', label, value: text, title: isPeriod ? `${label === 'start' ? 'from' : 'until'} ${shortDate(day)}, ${formatDay(day).slice(0, 4)} (${formatDay(day)})` : undefined };
}
