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
  /** True for YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY-Www and YYYY; false for a single day. */
  isPeriod: boolean;
}

export type DateParse = { ok: true; value: DateRange } | { ok: false; reason: string };

const MS_PER_DAY = 86_400_000;

/** The earliest year the format reads: `Date.UTC` and two-digit habits make earlier years a trap. */
const FIRST_YEAR = 1000;

/** The day of a calendar date; out-of-range months and days roll over (day 0 is the last of the month before). */
export function dayFromParts(year: number, month: number, day: number): Day {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The calendar date of a day. */
export function partsOfDay(day: Day): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday that starts ISO week 1 of a year: the week holding 4 January. */
function isoWeekOneMonday(year: number): Day {
  const jan4 = dayFromParts(year, 1, 4);
  return jan4 - isoWeekday(jan4) + 1;
}

/** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): number {
  const jan1 = isoWeekday(dayFromParts(year, 1, 1));
  return jan1 === 4 || (jan1 === 3 && isLeapYear(year)) ? 53 : 52;
}

/** Formats a day as YYYY-MM-DD. */
export function formatDay(day: Day): string {
  const p = partsOfDay(day);
  const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');
  return `${p.year < 0 ? '-' : ''}${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
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

/** Starts like one of the canonical forms: enough to blame the year rather than the form. */
const CANONICAL_SHAPE = /^\d{4}(?:$|-\d{2}(?:$|-\d{2}(?:$|[Tt]))|-[QqHhWw]\d)/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?([Zz]|[+-](\d{2})(?::?(\d{2}))?)?$/;

/**
 * Parses `YYYY-MM-DD` or a period (`YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`, `YYYY-Www`, `YYYY`). An ISO
 * date-time (`2026-12-04T17:00`, optional seconds, fraction and zone) is read as its date.
 */
export function parseDateOrPeriod(input: string): DateParse {
  const text = input.trim();
  if (CANONICAL_SHAPE.test(text) && Number(text.slice(0, 4)) < FIRST_YEAR) {
    return { ok: false, reason: `year ${text.slice(0, 4)}: years before ${FIRST_YEAR} are not supported` };
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return parseDay(text, Number(m[1]), m[2], Number(m[3]));
  m = ISO_DATE_TIME.exec(text);
  if (m) return parseDateTime(text, m);
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
  m = /^(\d{4})-[Ww](\d{2})$/.exec(text);
  if (m) return parseWeek(text, Number(m[1]), Number(m[2]));
  if (/^\d{4}$/.test(text)) return monthRange(text, Number(text), 1, 12);
  return { ok: false, reason: `'${text}' is not a date (YYYY-MM-DD) or a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY-Www, YYYY)` };
}

function parseDay(text: string, year: number, monthText: string, day: number): DateParse {
  const month = Number(monthText);
  if (month < 1 || month > 12) return { ok: false, reason: `month ${monthText} does not exist` };
  if (day < 1 || day > daysInMonth(year, month)) {
    const date = text.slice(0, 10);
    return { ok: false, reason: `${date} does not exist (${monthName(month)} ${year} has ${daysInMonth(year, month)} days)` };
  }
  const d = dayFromParts(year, month, day);
  return { ok: true, value: { text, first: d, last: d, isPeriod: false } };
}

/** The date part of an ISO date-time, as written: the zone says where the writer was, not another day. */
function parseDateTime(text: string, m: RegExpExecArray): DateParse {
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), m[4] === undefined ? 0 : Number(m[4])];
  const zoneOk = m[6] === undefined || (Number(m[6]) <= 23 && (m[7] === undefined || Number(m[7]) <= 59));
  if (hour > 23 || minute > 59 || second > 60 || !zoneOk) {
    return { ok: false, reason: `'${text}' has no such time of day (hh:mm, optional :ss and zone)` };
  }
  const date = m[1];
  return parseDay(text, Number(date.slice(0, 4)), date.slice(5, 7), Number(date.slice(8, 10)));
}

function parseWeek(text: string, year: number, week: number): DateParse {
  const weeks = isoWeeksInYear(year);
  if (week < 1 || week > weeks) return { ok: false, reason: `week ${String(week).padStart(2, '0')} does not exist (${year} has ${weeks} ISO weeks)` };
  const first = isoWeekOneMonday(year) + (week - 1) * 7;
  return { ok: true, value: { text, first, last: first + 6, isPeriod: true } };
}

/** English month name of a month number (1–12). */
export function monthName(month: number): string {
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
