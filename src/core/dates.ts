/**
 * Dates and periods as whole days. A day is the number of days since 1970-01-01, so
 * comparisons and differences are plain integer arithmetic with no time zone involved.
 */

export type Day = number;

/** A date or period as written, resolved to its first and last day. */
export interface DateRange {
  text: string;
  first: Day;
  last: Day;
  /** True for YYYY-MM, YYYY-Qn, YYYY-Hn and YYYY; false for a single day. */
  isPeriod: boolean;
}

export type DateParse = { ok: true; value: DateRange } | { ok: false; reason: string };

const MS_PER_DAY = 86_400_000;

export function dayFromParts(year: number, month: number, day: number): Day {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats a day as YYYY-MM-DD. */
export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The local calendar date of a clock instant, as a day (the CLI's and editor's "today"). */
export function localDay(instant: Date): Day {
  return dayFromParts(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

function monthRange(text: string, year: number, fromMonth: number, toMonth: number): DateParse {
  const first = dayFromParts(year, fromMonth, 1);
  const last = dayFromParts(year, toMonth, daysInMonth(year, toMonth));
  return { ok: true, value: { text, first, last, isPeriod: true } };
}

/** Parses `YYYY-MM-DD` or a period (`YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`, `YYYY`). */
export function parseDateOrPeriod(input: string): DateParse {
  const text = input.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12) return { ok: false, reason: `month ${m[2]} does not exist` };
    if (day < 1 || day > daysInMonth(year, month)) {
      return { ok: false, reason: `${text} does not exist (${monthName(month)} ${year} has ${daysInMonth(year, month)} days)` };
    }
    const d = dayFromParts(year, month, day);
    return { ok: true, value: { text, first: d, last: d, isPeriod: false } };
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { ok: false, reason: `month ${m[2]} does not exist` };
    return monthRange(text, Number(m[1]), month, month);
  }
  m = /^(\d{4})-([QqHh])(\d)$/.exec(text);
  if (m) {
    const n = Number(m[3]);
    const quarter = m[2].toUpperCase() === 'Q';
    if (n < 1 || n > (quarter ? 4 : 2)) return { ok: false, reason: `${m[2].toUpperCase()}${n} does not exist` };
    const span = quarter ? 3 : 6;
    return monthRange(text, Number(m[1]), (n - 1) * span + 1, n * span);
  }
  if (/^\d{4}$/.test(text)) return monthRange(text, Number(text), 1, 12);
  return { ok: false, reason: `'${text}' is not a date (YYYY-MM-DD) or a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY)` };
}

function monthName(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1];
}

/** "12 days ago", "in 3 days", "today". */
export function relativeDays(day: Day, today: Day): string {
  const diff = day - today;
  if (diff === 0) return 'today';
  const n = Math.abs(diff);
  const unit = n === 1 ? 'day' : 'days';
  return diff < 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
}
