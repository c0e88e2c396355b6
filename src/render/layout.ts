/** Which rows are shown (filters, search, collapsed groups) and where everything goes. */
import type { TimelineView, ViewRow } from '../protocol/timeline';
import { PX_PER_DAY, zoomFor, type Zoom } from './scale';

export const ROW_HEIGHT = 26;
export const AXIS_HEIGHT = 44;
/** Width of the label column when the view is wide; narrow views get less (see labelWidthFor). */
export const LABEL_WIDTH = 300;
/** Days of margin around the domain so bars never touch the edges. */
const PAD_DAYS = 14;
/** Bounds of a free zoom (fit to window, Ctrl+wheel). */
export const MIN_PX_PER_DAY = 0.05;
export const MAX_PX_PER_DAY = 64;

export interface Filters {
  owner?: string;
  status?: string;
  goal?: string;
  horizon?: string;
  search?: string;
}

export interface LayoutOptions {
  zoom: Zoom;
  /** A free scale (fit to window, wheel zoom) instead of the zoom preset's. */
  pxPerDay?: number;
  labelWidth?: number;
  /** Milestones drawn as diamonds on their project's line instead of lines of their own. */
  compact?: boolean;
  /** The axis runs on at least this wide, so a zoomed-out chart still fills the window. */
  minWidth?: number;
}

export interface Layout {
  /** One row per line. */
  rows: ViewRow[];
  /** Marks drawn on another row's line (compact milestones), by the id of that row. */
  inline: Map<string, ViewRow[]>;
  /** Tick plan of the axis. */
  zoom: Zoom;
  pxPerDay: number;
  originDay: number;
  lastDay: number;
  width: number;
  height: number;
  labelWidth: number;
  /** Line of every row drawn, inlined ones included. */
  rowIndex: Map<string, number>;
  /** Every row of the model by id (shown or not). */
  byId: Map<string, ViewRow>;
  /** Rows that have children in the model (they get a collapse toggle). */
  parents: Set<string>;
}

/** The label column takes at most a third of a narrow view, never less than 140 px. */
export function labelWidthFor(viewportWidth: number): number {
  return Math.round(Math.max(140, Math.min(LABEL_WIDTH, viewportWidth / 3)));
}

/** A row is kept when it matches, or when one of its descendants does (so the path shows). */
export function visibleRows(view: TimelineView, filters: Filters, collapsed: ReadonlySet<string>): ViewRow[] {
  if (!collapsed.size && !filters.owner && !filters.status && !filters.goal && !filters.horizon && !filters.search?.trim()) return view.rows;
  const search = filters.search?.trim().toLowerCase();
  const matches = (r: ViewRow) =>
    r.kind !== 'group' &&
    (!filters.owner || r.owners.includes(filters.owner) || !!r.taskOwners?.includes(filters.owner)) &&
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
  // Rows come parent first, so one pass knows whether an ancestor is collapsed or hidden.
  const hidden = new Set<string>();
  for (const r of view.rows) if (r.parent && (collapsed.has(r.parent) || hidden.has(r.parent))) hidden.add(r.id);
  return view.rows.filter((r) => keep.has(r.id) && !hidden.has(r.id));
}

/** Compact layout: a diamond milestone without rows under it goes on its project's line. */
function inlineMilestones(rows: ViewRow[]): { lines: ViewRow[]; inline: Map<string, ViewRow[]> } {
  const kindOf = new Map(rows.map((r) => [r.id, r.kind]));
  const hasChild = new Set(rows.map((r) => r.parent));
  const inline = new Map<string, ViewRow[]>();
  const lines: ViewRow[] = [];
  for (const r of rows) {
    if (r.kind === 'milestone' && r.shape === 'diamond' && r.parent && kindOf.get(r.parent) === 'project' && !hasChild.has(r.id)) {
      const list = inline.get(r.parent) ?? [];
      list.push(r);
      inline.set(r.parent, list);
    } else lines.push(r);
  }
  return { lines, inline };
}

export function layout(view: TimelineView, rows: ViewRow[], zoomOrOptions: Zoom | LayoutOptions, labelWidthArg = LABEL_WIDTH): Layout {
  const o: LayoutOptions = typeof zoomOrOptions === 'string' ? { zoom: zoomOrOptions, labelWidth: labelWidthArg } : zoomOrOptions;
  const labelWidth = o.labelWidth ?? LABEL_WIDTH;
  const pxPerDay = o.pxPerDay ?? PX_PER_DAY[o.zoom];
  const originDay = Math.min(view.domain[0], view.today) - PAD_DAYS;
  const filled = o.minWidth ? originDay + Math.floor((o.minWidth - labelWidth) / pxPerDay) - 1 : -Infinity;
  const lastDay = Math.max(Math.max(view.domain[1], view.today) + PAD_DAYS, filled);
  const { lines, inline } = o.compact ? inlineMilestones(rows) : { lines: rows, inline: new Map<string, ViewRow[]>() };
  const rowIndex = new Map(lines.map((r, i) => [r.id, i]));
  for (const [id, marks] of inline) for (const m of marks) rowIndex.set(m.id, rowIndex.get(id)!);
  return {
    rows: lines, inline, zoom: o.pxPerDay ? zoomFor(pxPerDay) : o.zoom, pxPerDay, originDay, lastDay,
    width: labelWidth + Math.ceil((lastDay - originDay + 1) * pxPerDay),
    height: AXIS_HEIGHT + lines.length * ROW_HEIGHT,
    labelWidth,
    rowIndex,
    ...indexOf(view),
  };
}

/** Rows by id and the ids that have children, for the whole model: built once per model. */
const indexes = new WeakMap<TimelineView, { byId: Map<string, ViewRow>; parents: Set<string> }>();
function indexOf(view: TimelineView): { byId: Map<string, ViewRow>; parents: Set<string> } {
  let index = indexes.get(view);
  if (!index) {
    index = { byId: new Map(), parents: new Set() };
    for (const r of view.rows) {
      index.byId.set(r.id, r);
      if (r.parent) index.parents.add(r.parent);
    }
    indexes.set(view, index);
  }
  return index;
}

/** Pixels per day at which the whole domain fits a chart area this wide. */
export function fitPxPerDay(view: TimelineView, chartWidth: number): number {
  const days = Math.max(view.domain[1], view.today) - Math.min(view.domain[0], view.today) + 2 * PAD_DAYS + 1;
  return Math.max(MIN_PX_PER_DAY, Math.min(MAX_PX_PER_DAY, chartWidth / days));
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
