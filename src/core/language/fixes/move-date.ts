/**
 * Moving an overdue item's deadline: the question's starting answer, the check of what the
 * person typed, and the edit that writes it (only the date's characters change).
 */
import { formatDay, parseDateOrPeriod, type Day } from '../../dates';
import { explainDate } from '../../human-dates';
import { deadlineOf } from '../../model/queries';
import type { Item, Kind, ParsedFile } from '../../model/types';
import { setFieldEdit, type MarkDoneResult } from '../mark-done';
import { sameGranularity, type DateField } from '../reschedule';

/** The field that holds each kind's deadline. */
export function deadlineField(kind: Kind): DateField | undefined {
  switch (kind) {
    case 'project': return 'end';
    case 'initiative': return 'target';
    case 'roadmap': return undefined;
    default: return 'due';
  }
}

/** What the move action is called: the deadline's own name. */
export function moveTitle(field: DateField): string {
  return field === 'end' ? 'Move end date…' : field === 'target' ? 'Move target…' : 'Move due date…';
}

/** How far ahead the suggested new deadline is. */
const SUGGEST_DAYS = 7;

/** A week from today, written as the deadline was (a quarter stays a quarter), and never before the item's start. */
export function suggestDeadline(item: Item, today: Day): string {
  const start = item.start?.first ?? today;
  const day = Math.max(today + SUGGEST_DAYS, start);
  const old = deadlineOf(item)?.text;
  return old ? sameGranularity(old, day) : formatDay(day);
}

export type DeadlineCheck = { ok: true; text: string; note?: string } | { ok: false; reason: string };

/**
 * What the person typed, as the canonical text to write: a date or period, or a human form with
 * one reading (`Dec 18, 2026`, `next friday` read with today). It must end today or later, and
 * not before the item's start.
 */
export function checkDeadline(input: string, item: Item, today: Day): DeadlineCheck {
  const typed = input.trim();
  if (typed === '') return { ok: false, reason: 'Write a date (YYYY-MM-DD) or a period (2027-Q1)' };
  let text = typed;
  let note: string | undefined;
  const direct = parseDateOrPeriod(typed);
  if (!direct.ok) {
    const explained = explainDate(typed, { start: 0, end: typed.length }, today);
    if (explained?.kind !== 'readings') return { ok: false, reason: direct.reason };
    if (explained.fixes.length !== 1) return { ok: false, reason: `'${typed}' is ambiguous: write ${explained.fixes.map((f) => f.text).join(' or ')}` };
    text = explained.fixes[0].text;
    note = `Read as ${text}`;
  }
  const parsed = parseDateOrPeriod(text);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  if (parsed.value.last < today) return { ok: false, reason: `${text} is before today (${formatDay(today)}): the item would still be overdue` };
  if (item.start && parsed.value.last < item.start.first) return { ok: false, reason: `${text} is before the item starts (${item.start.text})` };
  return { ok: true, text, note };
}

/** The edit that writes `text` (already checked) as the item's deadline; `body` is without its BOM. */
export function moveDateEdit(file: ParsedFile, index: number, field: DateField, text: string, body: string): MarkDoneResult {
  return setFieldEdit(file, index, field, text, body);
}
