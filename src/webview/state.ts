/** What the page remembers across reloads (VS Code's webview state, or localStorage standalone), checked on the way in. */
import type { Filters } from '../render/layout';
import { MAX_PX_PER_DAY, MIN_PX_PER_DAY } from '../render/layout';
import { ZOOMS, type Zoom } from '../render/scale';

export interface SavedState {
  zoom: Zoom;
  /** A free scale (wheel zoom); absent for the preset's. */
  pxPerDay?: number;
  /** Fit the whole plan to the window, again after every resize. */
  fit?: boolean;
  tasks?: boolean;
  compact?: boolean;
  legend: boolean;
  /** Draw the drift baseline when the model has one. */
  baseline: boolean;
  filters: Filters;
  collapsed: string[];
  scrollX: number;
  scrollY: number;
  selected?: string;
}

export function defaultState(): SavedState {
  return { zoom: 'month', legend: true, baseline: true, filters: {}, collapsed: [], scrollX: -1, scrollY: 0 };
}

const FILTER_KEYS = ['owner', 'status', 'goal', 'horizon', 'search'] as const;
const str = (v: unknown, max = 500): v is string => typeof v === 'string' && v.length <= max;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A saved state as read back: anything malformed falls back to the default, field by field. */
export function sanitizeState(raw: unknown): SavedState {
  const s = defaultState();
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (ZOOMS.includes(r.zoom as Zoom)) s.zoom = r.zoom as Zoom;
  if (num(r.pxPerDay) && r.pxPerDay >= MIN_PX_PER_DAY && r.pxPerDay <= MAX_PX_PER_DAY) s.pxPerDay = r.pxPerDay;
  for (const k of ['fit', 'tasks', 'compact', 'legend', 'baseline'] as const) if (typeof r[k] === 'boolean') s[k] = r[k] as boolean;
  if (r.filters && typeof r.filters === 'object') {
    const f = r.filters as Record<string, unknown>;
    for (const k of FILTER_KEYS) if (str(f[k])) s.filters[k] = f[k] as string;
  }
  if (Array.isArray(r.collapsed)) s.collapsed = r.collapsed.filter((id) => str(id, 2000)).slice(0, 100_000);
  if (num(r.scrollX)) s.scrollX = r.scrollX;
  if (num(r.scrollY)) s.scrollY = Math.max(0, r.scrollY);
  if (str(r.selected, 2000)) s.selected = r.selected;
  return s;
}
