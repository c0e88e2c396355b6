/** The dates and periods completion offers for a date field, from today. */
import { dayFromParts, daysInMonth, formatDay, isoWeekday, partsOfDay, type Day } from '../dates';
import { shortDate } from './describe';

export interface DateChoice {
  text: string;
  description: string;
}

function monthEnd(year: number, month: number): Day {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return dayFromParts(y, m, daysInMonth(y, m));
}

function monthLabel(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** ISO week-year and week of a day: the week's Thursday decides the year. */
export function isoWeekOf(day: Day): { year: number; week: number } {
  const thursday = day - isoWeekday(day) + 4;
  const year = partsOfDay(thursday).year;
  return { year, week: Math.floor((thursday - dayFromParts(year, 1, 1)) / 7) + 1 };
}

function weekLabel(day: Day): string {
  const w = isoWeekOf(day);
  return `${w.year}-W${String(w.week).padStart(2, '0')}`;
}

/** Today, the ends of this and next month and quarter, then the period forms. */
export function dateChoices(today: Day, asStart: boolean): DateChoice[] {
  const { year, month } = partsOfDay(today);
  const q = Math.ceil(month / 3);
  const nextQ = q === 4 ? { y: year + 1, q: 1 } : { y: year, q: q + 1 };
  const h = month <= 6 ? 1 : 2;
  const nextH = h === 2 ? { y: year + 1, h: 1 } : { y: year, h: 2 };
  const days: DateChoice[] = asStart
    ? [
      { text: formatDay(today), description: 'today' },
      { text: formatDay(today + 8 - isoWeekday(today)), description: 'next Monday' },
      { text: formatDay(dayFromParts(year, month + 1, 1)), description: 'start of next month' },
      { text: formatDay(dayFromParts(nextQ.y, (nextQ.q - 1) * 3 + 1, 1)), description: 'start of next quarter' },
    ]
    : [
      { text: formatDay(today), description: 'today' },
      { text: formatDay(monthEnd(year, month)), description: 'end of this month' },
      { text: formatDay(monthEnd(year, month + 1)), description: 'end of next month' },
      { text: formatDay(monthEnd(year, q * 3)), description: 'end of this quarter' },
      { text: formatDay(monthEnd(nextQ.y, nextQ.q * 3)), description: 'end of next quarter' },
    ];
  const edge = (first: Day, last: Day) => (asStart ? `from ${shortDate(first, partsOfDay(today).year)}` : `until ${shortDate(last, partsOfDay(today).year)}`);
  const monday = today - isoWeekday(today) + 1;
  const periods: [string, string, Day, Day][] = [
    [weekLabel(today), 'this week', monday, monday + 6],
    [weekLabel(today + 7), 'next week', monday + 7, monday + 13],
    [monthLabel(year, month), 'this month', dayFromParts(year, month, 1), monthEnd(year, month)],
    [monthLabel(year, month + 1), 'next month', dayFromParts(year, month + 1, 1), monthEnd(year, month + 1)],
    [`${year}-Q${q}`, 'this quarter', dayFromParts(year, q * 3 - 2, 1), monthEnd(year, q * 3)],
    [`${nextQ.y}-Q${nextQ.q}`, 'next quarter', dayFromParts(nextQ.y, nextQ.q * 3 - 2, 1), monthEnd(nextQ.y, nextQ.q * 3)],
    [`${year}-H${h}`, 'this half-year', dayFromParts(year, h * 6 - 5, 1), monthEnd(year, h * 6)],
    [`${nextH.y}-H${nextH.h}`, 'next half-year', dayFromParts(nextH.y, nextH.h * 6 - 5, 1), monthEnd(nextH.y, nextH.h * 6)],
    [`${year + 1}`, 'next year', dayFromParts(year + 1, 1, 1), dayFromParts(year + 1, 12, 31)],
  ];
  return [...days, ...periods.map(([text, what, first, last]) => ({ text, description: `${what} (${edge(first, last)})` }))];
}
