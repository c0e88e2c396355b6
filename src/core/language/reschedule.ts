/** The edit that moves an item's date, keeping how the date was written where it can. */
import { formatDay, parseDateOrPeriod, type Day } from '../dates';
import type { Kind, ParsedFile } from '../model/types';
import { setFieldEdit, type MarkDoneResult } from './mark-done';

/** The date fields an item's bar or diamond can be dragged by: shared by the timeline view model, the webview protocol and the edit. */
export const DATE_FIELDS = ['due', 'end', 'start', 'target'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

/** The date fields each kind owns (what a reschedule may write on it). */
export const DATE_FIELDS_OF: Readonly<Record<Kind, readonly DateField[]>> = {
  roadmap: [],
  goal: ['due'],
  initiative: ['target'],
  project: ['start', 'end'],
  milestone: ['start', 'due'],
  task: ['start', 'due'],
};

export function isDateField(value: unknown): value is DateField {
  return typeof value === 'string' && (DATE_FIELDS as readonly string[]).includes(value);
}

export function rescheduleEdit(file: ParsedFile, index: number, field: DateField, day: Day, text: string): MarkDoneResult {
  const item = file.items[index];
  if (!item) return { ok: false, reason: 'The item is no longer in the file' };
  if (!DATE_FIELDS_OF[item.kind].includes(field)) return { ok: false, reason: `A ${item.kind} has no '${field}' date` };
  const written = item.fields.find((f) => f.key === field && !f.shape && f.parts.length === 1);
  const newText = written ? sameGranularity(written.parts[0].text, day) : formatDay(day);
  return setFieldEdit(file, index, field, newText, text);
}

/** `2027-Q1` moved to a day in May stays a quarter (`2027-Q2`); a day stays a day. */
export function sameGranularity(old: string, day: Day): string {
  const iso = formatDay(day);
  const [year, month] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7))];
  const parsed = parseDateOrPeriod(old);
  if (!parsed.ok || !parsed.value.isPeriod) return iso;
  const t = parsed.value.text;
  if (/^\d{4}-Q[1-4]$/i.test(t)) return `${year}-Q${Math.ceil(month / 3)}`;
  if (/^\d{4}-H[12]$/i.test(t)) return `${year}-H${month <= 6 ? 1 : 2}`;
  if (/^\d{4}-\d{2}$/.test(t)) return iso.slice(0, 7);
  if (/^\d{4}$/.test(t)) return String(year);
  return iso;
}
