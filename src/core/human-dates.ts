/**
 * Human forms of dates (plan format 1.1): for a value the canonical parser rejected, what it
 * would be read as and the canonical text a quick fix writes. chrono-node reads the English
 * forms; small regexes cover what it does not read, or reads one way only (quarters, halves,
 * weeks, `12/04/2026`, `04.12.2026`).
 */
import { en } from 'chrono-node';
import { dayFromParts, daysInMonth, formatDay, monthName, parseDateOrPeriod, partsOfDay, type Day } from './dates';
import type { Fix, Span } from './model/types';

export type DateExplanation =
  /** `message` is a tail for "Invalid due on milestone 'Beta': …"; each fix writes one canonical reading. */
  | { kind: 'readings'; message: string; fixes: Fix[] }
  /** The reading depends on today: call again with today. */
  | { kind: 'needs-today' };

/** Longer texts are not dates; the cap keeps every call cheap whatever the value. */
const MAX_LENGTH = 64;

const NEEDS_TODAY: DateExplanation = { kind: 'needs-today' };

/** A canonical reading, with a gloss when readings compete (`4 December`). */
interface Reading {
  text: string;
  gloss?: string;
}

interface MonthDay {
  month: number;
  day: number;
}

/** What a text is, before today is known. */
type Form =
  | { kind: 'fixed'; readings: Reading[] }
  | { kind: 'month-day'; candidates: MonthDay[] }
  | { kind: 'relative'; text: string };

/**
 * For a date text that parseDateOrPeriod rejected: its canonical reading(s), or undefined when
 * it is not recognisable as a date (or names a day that does not exist, like `Feb 30 2027`).
 */
export function explainDate(text: string, fixSpan: Span, today?: Day): DateExplanation | undefined {
  const t = text.trim();
  if (t === '' || t.length > MAX_LENGTH || parseDateOrPeriod(t).ok) return undefined;
  const form = numericForm(t) ?? periodForm(t) ?? chronoForm(t);
  if (!form || (form.kind === 'month-day' && form.candidates.length === 0)) return undefined;
  if (form.kind === 'fixed') return fixedExplanation(t, form.readings, fixSpan);
  if (today === undefined) return NEEDS_TODAY;
  if (form.kind === 'month-day') return monthDayExplanation(t, form.candidates, today, fixSpan);
  const reading = chronoReading(form.text, referenceAt(today));
  if (!reading) return undefined;
  // `next month` reads as a month (2026-12) and `next year` as a year: say which to write.
  const [pace, unit] = reading.text.length === 10 ? ['every day', 'date'] : ['over time', reading.text.length === 7 ? 'month' : 'year'];
  return explained(`'${t}' changes meaning ${pace}: on ${formatDay(today)} it is ${reading.text}; write the ${unit}`, [reading], fixSpan);
}

function explained(message: string, readings: Reading[], fixSpan: Span): DateExplanation {
  return { kind: 'readings', message, fixes: readings.map((r) => ({ title: `Write ${r.text}`, span: fixSpan, text: r.text })) };
}

function fixedExplanation(t: string, readings: Reading[], fixSpan: Span): DateExplanation | undefined {
  if (readings.length === 0) return undefined;
  if (readings.length === 1) return explained(`'${t}' is read as ${readings[0].text}: write ${howToWrite(readings[0].text)}`, readings, fixSpan);
  return explained(`'${t}' is ambiguous: ${alternatives(readings)}`, readings, fixSpan);
}

function monthDayExplanation(t: string, candidates: MonthDay[], today: Day, fixSpan: Span): DateExplanation {
  const readings = candidates.map((c) => ({ text: formatDay(nearestDay(c, today)), gloss: gloss(c) }));
  const nearest = `the nearest to today (${formatDay(today)})`;
  if (readings.length === 1) return explained(`'${t}' has no year: read as ${readings[0].text}, ${nearest}; write dates as YYYY-MM-DD`, readings, fixSpan);
  return explained(`'${t}' is ambiguous and has no year: ${alternatives(readings)}, ${nearest}`, readings, fixSpan);
}

function alternatives(readings: Reading[]): string {
  return readings.map((r) => `${r.text} (${r.gloss})`).join(' or ');
}

function gloss(md: MonthDay): string {
  return `${md.day} ${monthName(md.month)}`;
}

/** The canonical spelling to teach, from the shape of a canonical text. */
function howToWrite(canonical: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(canonical)) return 'dates as YYYY-MM-DD';
  if (/^\d{4}-\d{2}$/.test(canonical)) return 'months as YYYY-MM';
  if (/^\d{4}-Q/.test(canonical)) return 'quarters as YYYY-Qn';
  if (/^\d{4}-H/.test(canonical)) return 'halves as YYYY-Hn';
  if (/^\d{4}-W/.test(canonical)) return 'weeks as YYYY-Www';
  return 'years as YYYY';
}

/** A canonical text, or nothing when it does not parse (a day that does not exist, a year before 1000). */
function canonical(text: string, gloss?: string): Reading[] {
  return parseDateOrPeriod(text).ok ? [{ text, gloss }] : [];
}

const pad2 = (n: number | string) => String(n).padStart(2, '0');

function dayText(year: number | string, month: number | string, day: number | string): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function monthDayExists(md: MonthDay): boolean {
  return md.month >= 1 && md.month <= 12 && md.day >= 1 && md.day <= daysInMonth(2000, md.month);
}

/** Numeric forms chrono reads one way only or wrongly: day-month order and dotted European dates. */
function numericForm(t: string): Form | undefined {
  let m = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/.exec(t);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[3]), m[4]];
    // Month first (US) then day first: both are common, so both are offered.
    const readings = [...canonical(dayText(year, a, b), gloss({ month: a, day: b })), ...canonical(dayText(year, b, a), gloss({ month: b, day: a }))];
    return { kind: 'fixed', readings: readings.filter((r, i) => readings.findIndex((o) => o.text === r.text) === i) };
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return { kind: 'fixed', readings: canonical(dayText(m[3], m[2], m[1])) };
  // A two-digit year leaves three readings of the order: not recognisable.
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(t)) return { kind: 'fixed', readings: [] };
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const candidates = [{ month: a, day: b }, { month: b, day: a }].filter(monthDayExists);
    return { kind: 'month-day', candidates: a === b ? candidates.slice(0, 1) : candidates };
  }
  m = /^(\d{4})[/.-](\d{1,2})$/.exec(t) ?? /^()(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return { kind: 'fixed', readings: canonical(`${m[1] || m[3]}-${pad2(m[2])}`) };
  return undefined;
}

/** Quarters, halves and ISO weeks in their usual spellings: `Q1 2027`, `2027 q1`, `h2-2027`, `2027/W10`. */
function periodForm(t: string): Form | undefined {
  let m = /^([QH])([0-9])[\s/-]*(\d{4})$/i.exec(t) ?? /^()()(\d{4})[\s/-]*([QH])([0-9])$/i.exec(t);
  if (m) {
    const [kind, n, year] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[3]];
    return { kind: 'fixed', readings: canonical(`${year}-${kind.toUpperCase()}${n}`) };
  }
  m = /^(\d{4})[\s/-]*(?:week|wk|w)\s*(\d{1,2})$/i.exec(t) ?? /^()(?:week|wk|w)\s*(\d{1,2})[\s,/-]+(\d{4})$/i.exec(t);
  if (m) return { kind: 'fixed', readings: canonical(`${m[1] || m[3]}-W${pad2(m[2])}`) };
  return undefined;
}

/** Two instants in leap years (so `Feb 29` reads) on different weekdays: a reading that differs between them depends on today. */
const REFERENCE_A = referenceAt(dayFromParts(2000, 3, 15));
const REFERENCE_B = referenceAt(dayFromParts(2004, 8, 20));

/** Noon UTC of a day, read in UTC: chrono's calendar fields are then that day's, whatever the machine's zone. */
function referenceAt(day: Day): { instant: Date; timezone: number } {
  return { instant: new Date((day + 0.5) * 86_400_000), timezone: 0 };
}

interface ChronoParts {
  year: number;
  month: number;
  day: number;
  certain: (unit: 'year' | 'month' | 'day' | 'weekday' | 'hour') => boolean;
}

/** chrono's reading when one date (not a range) covers the whole text. */
function chronoParts(t: string, reference: { instant: Date; timezone: number }): ChronoParts | undefined {
  const results = en.casual.parse(t, reference);
  if (results.length !== 1) return undefined;
  const r = results[0];
  if (r.index !== 0 || r.text.length !== t.length || r.end) return undefined;
  const get = (unit: 'year' | 'month' | 'day') => r.start.get(unit) ?? NaN;
  return { year: get('year'), month: get('month'), day: get('day'), certain: (unit) => r.start.isCertain(unit) };
}

/** The canonical text of a chrono reading, as precise as what was written: `next month` is a month. */
function readingOf(p: ChronoParts): Reading | undefined {
  let text: string | undefined;
  if (p.certain('day') || p.certain('weekday') || p.certain('hour')) text = dayText(p.year, p.month, p.day);
  else if (p.certain('month')) text = `${p.year}-${pad2(p.month)}`;
  else if (p.certain('year')) text = String(p.year);
  return text === undefined ? undefined : canonical(text)[0];
}

function chronoReading(t: string, reference: { instant: Date; timezone: number }): Reading | undefined {
  const parts = chronoParts(t, reference);
  return parts && readingOf(parts);
}

/** Month names and relative words, through chrono. */
function chronoForm(t: string): Form | undefined {
  const a = chronoParts(t, REFERENCE_A);
  if (!a) return undefined;
  if (a.certain('month') && a.certain('day') && !a.certain('year')) return { kind: 'month-day', candidates: [{ month: a.month, day: a.day }] };
  const b = chronoParts(t, REFERENCE_B);
  const reading = readingOf(a);
  if (!reading) return undefined;
  if (b && b.year === a.year && b.month === a.month && b.day === a.day) return a.certain('year') ? { kind: 'fixed', readings: [reading] } : undefined;
  return { kind: 'relative', text: t };
}

/** The day of a month and day that is nearest to today (the later on a tie), within the leap-year cycle. */
function nearestDay(md: MonthDay, today: Day): Day {
  const { year } = partsOfDay(today);
  let best: Day | undefined;
  for (let y = year - 4; y <= year + 4; y++) {
    if (md.day > daysInMonth(y, md.month)) continue;
    const d = dayFromParts(y, md.month, md.day);
    if (best === undefined || Math.abs(d - today) <= Math.abs(best - today)) best = d;
  }
  return best!;
}

/**
 * A canonical date past the end of its month (`2027-02-30`, `2026-11-31`, `2027-02-29`): people
 * who write it mean the month's last day, which the fix writes. The message stays the parser's.
 */
export function monthEndFix(text: string, fixSpan: Span): Fix | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day > 31 || day <= daysInMonth(year, month) || !parseDateOrPeriod(m[1]).ok) return undefined;
  const last = dayText(year, month, daysInMonth(year, month));
  return { title: `Write ${last} (the last day of ${monthName(month)} ${year})`, span: fixSpan, text: last, guess: true };
}
