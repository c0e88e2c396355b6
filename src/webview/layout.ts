/** Which rows are shown (filters, search, collapsed groups) and where everything goes. */
import type { TimelineView, ViewRow } from '../protocol/timeline';
import { PX_PER_DAY, type Zoom } from './scale';

export const ROW_HEIGHT = 26;
export const AXIS_HEIGHT = 44;
/** Width of the label column when the view is wide; narrow views get less (see labelWidthFor). */
export const LABEL_WIDTH = 300;
/** Days of margin around the domain so bars never touch the edges. */
const PAD_DAYS = 14;

export interface Filters {
  owner?: string;
  status?: string;
  goal?: string;
  horizon?: string;
  search?: string;
}

export interface Layout {
  rows: ViewRow[];
  zoom: Zoom;
  pxPerDay: number;
  originDay: number;
  lastDay: number;
  width: number;
  height: number;
  labelWidth: number;
  rowIndex: Map<string, number>;
}

/** The label column takes at most a third of a narrow view, never less than 140 px. */
export function labelWidthFor(viewportWidth: number): number {
  return Math.round(Math.max(140, Math.min(LABEL_WIDTH, viewportWidth / 3)));
}

/** A row is kept when it matches, or when one of its descendants does (so the path shows). */
export function visibleRows(view: TimelineView, filters: Filters, collapsed: ReadonlySet<string>): ViewRow[] {
  const search = filters.search?.trim().toLowerCase();
  const matches = (r: ViewRow) =>
    r.kind !== 'group' &&
    (!filters.owner || r.owners.includes(filters.owner)) &&
    (!filters.status || r.status === filters.status) &&
    (!filters.goal || r.goals.includes(filters.goal)) &&
    (!filters.horizon || r.horizon === filters.horizon) &&
    (!search || r.title.toLowerCase().includes(search) || r.id.toLowerCase().includes(search));
  const filtering = !!(filters.owner || filters.status || filters.goal || filters.horizon || search);
  const keep = new Set<string>();
  const byId = new Map(view.rows.map((r) => [r.id, r]));
  for (const r of view.rows) {
    if (filtering && !matches(r)) continue;
    for (let p: ViewRow | undefined = r; p && !keep.has(p.id); p = p.parent ? byId.get(p.parent) : undefined) keep.add(p.id);
  }
  const hidden = (r: ViewRow) => {
    for (let p = r.parent ? byId.get(r.parent) : undefined; p; p = p.parent ? byId.get(p.parent) : undefined) if (collapsed.has(p.id)) return true;
    return false;
  };
  return view.rows.filter((r) => keep.has(r.id) && !hidden(r));
}

export function layout(view: TimelineView, rows: ViewRow[], zoom: Zoom, labelWidth = LABEL_WIDTH): Layout {
  const pxPerDay = PX_PER_DAY[zoom];
  const originDay = Math.min(view.domain[0], view.today) - PAD_DAYS;
  const lastDay = Math.max(view.domain[1], view.today) + PAD_DAYS;
  return {
    rows, zoom, pxPerDay, originDay, lastDay,
    width: labelWidth + Math.ceil((lastDay - originDay + 1) * pxPerDay),
    height: AXIS_HEIGHT + rows.length * ROW_HEIGHT,
    labelWidth,
    rowIndex: new Map(rows.map((r, i) => [r.id, i])),
  };
}

/** x of the start of a day, in full-canvas coordinates. */
export function xOf(l: Layout, day: number): number {
  return l.labelWidth + (day - l.originDay) * l.pxPerDay;
}

export function dayAt(l: Layout, x: number): number {
  return Math.floor((x - l.labelWidth) / l.pxPerDay) + l.originDay;
}

export function yOf(index: number): number {
  return AXIS_HEIGHT + index * ROW_HEIGHT;
}
