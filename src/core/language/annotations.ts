/**
 * Code lenses above projects and milestones (`3/7 tasks · due in 5 days · delivers Launch
 * skincare line`) and inlay hints after dates: a period's day (`2027-Q1` → `Mar 31`), a
 * deadline's distance from today (`2026-12-04` → `in 7 days`).
 */
import { formatDay, relativeDays, type Day } from '../dates';
import { DATE_FIELDS } from '../model/fields';
import type { ParsedFile, Span } from '../model/types';
import type { ResolvedWorkspace } from '../model/workspace';
import { isClosed } from '../model/values';
import { deadlineNote, progressNote, shortDate } from './describe';

export interface PlanLens {
  /** The item's anchor: the lens stands above its line. */
  span: Span;
  title: string;
  /** Index of the item in its file. */
  index: number;
}

/** One lens per project and milestone that has something to say. */
export function codeLenses(ws: ResolvedWorkspace, file: ParsedFile, today: Day): PlanLens[] {
  const out: PlanLens[] = [];
  file.items.forEach((item, index) => {
    if (item.kind !== 'project' && item.kind !== 'milestone') return;
    const node = ws.nodeOf(file.path, index);
    if (!node || node.item !== item) return;
    const delivers = [...new Set(node.delivers)].map((d) => d.item.title || d.item.id);
    const parts = [
      progressNote(node),
      isClosed(item.status) ? item.status : deadlineNote(node, today),
      delivers.length ? `delivers ${delivers.slice(0, 3).join(', ')}${delivers.length > 3 ? ` and ${delivers.length - 3} more` : ''}` : undefined,
    ].filter((p): p is string => !!p);
    if (parts.length) out.push({ span: item.anchor, title: parts.join(' · '), index });
  });
  return out;
}

export interface PlanInlayHint {
  /** Where the hint stands: right after the value. */
  offset: number;
  label: string;
  /** Shown on hover over the hint. */
  tooltip: string;
}

export interface InlayOptions {
  /** `Mar 31` after a period. */
  periods: boolean;
  /** `in 7 days` after a deadline of an open item. */
  deadlines: boolean;
  /** Only hints inside this span (the visible range). */
  within?: Span;
}

const DEADLINE_FIELDS = new Set(['due', 'end', 'target']);

export function inlayHints(file: ParsedFile, today: Day, options: InlayOptions): PlanInlayHint[] {
  const out: PlanInlayHint[] = [];
  for (const item of file.items) {
    for (const key of DATE_FIELDS) {
      const value = item[key];
      if (!value || (key === 'target' && item.kind === 'goal')) continue;
      const field = item.fields.find((f) => f.key === key);
      const offset = field?.inAttributeBlock ? field.valueSpan.end : value.span.end;
      if (options.within && (offset < options.within.start || offset > options.within.end)) continue;
      const asStart = key === 'start';
      const day = asStart ? value.first : value.last;
      if (value.isPeriod && options.periods) {
        // The period names its year: the hint adds one only where the day falls in another (a week).
        out.push({ offset, label: shortDate(day, Number(value.text.slice(0, 4))), tooltip: `${value.text} ${asStart ? 'starts' : 'ends'} on ${formatDay(day)}` });
      } else if (!value.isPeriod && options.deadlines && DEADLINE_FIELDS.has(key) && !isClosed(item.status)) {
        out.push({ offset, label: relativeDays(day, today), tooltip: `${key} ${value.text}: ${relativeDays(day, today)}` });
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
