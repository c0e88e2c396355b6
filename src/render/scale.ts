/** Zoom levels and axis ticks (d3-time intervals, d3-scale for the day → x mapping). */
import { scaleUtc } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';

export type Zoom = 'week' | 'month' | 'quarter' | 'year';
export const ZOOMS: readonly Zoom[] = ['week', 'month', 'quarter', 'year'];
export const PX_PER_DAY: Record<Zoom, number> = { week: 32, month: 8, quarter: 2.6, year: 0.9 };

/** The tick plan that reads best at a scale: the preset whose pixels per day are nearest (on a log scale). */
export function zoomFor(pxPerDay: number): Zoom {
  let best: Zoom = 'month';
  for (const z of ZOOMS) if (Math.abs(Math.log(PX_PER_DAY[z] / pxPerDay)) < Math.abs(Math.log(PX_PER_DAY[best] / pxPerDay))) best = z;
  return best;
}

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface Tick {
  day: number;
  label: string;
}

export function dateOf(day: number): Date {
  return new Date(day * MS_PER_DAY);
}

export function dayOf(date: Date): number {
  return Math.round(date.getTime() / MS_PER_DAY);
}

interface TickPlan {
  minor: TimeInterval;
  minorLabel: (d: Date) => string;
  major: TimeInterval;
  majorLabel: (d: Date) => string;
}

const quarterOf = (d: Date) => Math.floor(d.getUTCMonth() / 3) + 1;

const PLANS: Record<Zoom, TickPlan> = {
  week: { minor: utcDay, minorLabel: (d) => String(d.getUTCDate()), major: utcMonday, majorLabel: (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}` },
  month: { minor: utcMonday, minorLabel: (d) => String(d.getUTCDate()), major: utcMonth, majorLabel: (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` },
  quarter: { minor: utcMonth, minorLabel: (d) => MONTHS[d.getUTCMonth()], major: utcMonth.every(3)!, majorLabel: (d) => `Q${quarterOf(d)} ${d.getUTCFullYear()}` },
  year: { minor: utcMonth.every(3)!, minorLabel: (d) => `Q${quarterOf(d)}`, major: utcYear, majorLabel: (d) => String(d.getUTCFullYear()) },
};

/** Minor and major ticks between two days (inclusive), labelled for the zoom level. */
export function ticks(zoom: Zoom, fromDay: number, toDay: number): { minor: Tick[]; major: Tick[] } {
  const plan = PLANS[zoom];
  const scale = scaleUtc().domain([dateOf(fromDay), dateOf(toDay)]);
  const minor = scale.ticks(plan.minor).map((d) => ({ day: dayOf(d), label: plan.minorLabel(d) }));
  // The major interval's start before the window too, so the first label shows where it began.
  const firstMajor = plan.major.floor(dateOf(fromDay));
  const major = [firstMajor, ...scale.ticks(plan.major)].filter((d, i, all) => i === 0 || d.getTime() !== all[i - 1].getTime())
    .map((d) => ({ day: dayOf(d), label: plan.majorLabel(d) }));
  return { minor, major };
}

/** A day as the axis and tooltips write it: `Mon 2027-03-01`. */
export function formatDayLabel(day: number): string {
  return dateOf(day).toISOString().slice(0, 10);
}
