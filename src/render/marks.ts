/**
 * The marks of one row: a bar (project, milestone with a start, task), a diamond (milestone), a
 * ring (goal), a thin bracket (initiative: the span of its work) with its target as a flag, the
 * progress underline, and the drift baseline's ghost. Kinds differ in shape and height as well
 * as colour, so they read apart in any theme and without colour.
 */
import type { ViewRow } from '../protocol/timeline';
import { ROW_HEIGHT, xOf, type Layout } from './layout';
import { esc } from './escape';

export interface Geometry {
  form: 'bar' | 'diamond' | 'ring' | 'span';
  x0: number;
  x1: number;
  /** Bar height (diamonds and rings: their width). */
  h: number;
}

const BAR_HEIGHT: Partial<Record<ViewRow['kind'], number>> = { project: 14, milestone: 12, task: 8 };
const DIAMOND_R = 7;

/** Where a row's own mark sits on the x axis; undefined for a row with no dates. */
export function geometry(l: Layout, row: ViewRow): Geometry | undefined {
  if (row.shape === 'none' || row.end === undefined) return undefined;
  if (row.shape === 'diamond') {
    const cx = xOf(l, row.end) + l.pxPerDay / 2;
    return { form: row.kind === 'goal' ? 'ring' : 'diamond', x0: cx - DIAMOND_R, x1: cx + DIAMOND_R, h: 2 * DIAMOND_R };
  }
  const x0 = xOf(l, row.start ?? row.end);
  const x1 = x0 + Math.max(3, xOf(l, row.end + 1) - x0);
  return { form: row.kind === 'initiative' || row.kind === 'goal' ? 'span' : 'bar', x0, x1, h: BAR_HEIGHT[row.kind] ?? 12 };
}

/** The target flag's extent (an obstacle for labels). */
export function targetBox(l: Layout, row: ViewRow): [number, number] | undefined {
  if (row.target === undefined) return undefined;
  const x = xOf(l, row.target + 1);
  return [x - 2, x + 9];
}

/** A project bar drawn thin along the bottom of its line, under the milestones put on it (compact). */
export function thinBar(g: Geometry): Geometry {
  return { ...g, h: 5 };
}

export function drawShape(row: ViewRow, g: Geometry, mid: number, thin = false, handles = true): string {
  const id = esc(row.id);
  if (g.form === 'diamond') {
    const cx = (g.x0 + g.x1) / 2;
    const r = DIAMOND_R;
    return `<path class="diamond" data-row="${id}" data-handle="end" d="M${cx} ${mid - r}L${cx + r} ${mid}L${cx} ${mid + r}L${cx - r} ${mid}Z"/>`;
  }
  if (g.form === 'ring') {
    const cx = (g.x0 + g.x1) / 2;
    return `<circle class="goal-ring" data-row="${id}" cx="${cx}" cy="${mid}" r="6"/><circle class="goal-dot" cx="${cx}" cy="${mid}" r="2.2"/>`;
  }
  if (g.form === 'span') {
    const top = mid - 8;
    return `<path class="span" data-row="${id}" d="M${g.x0} ${top + 11}V${top}H${g.x1}V${top + 11}"/>`;
  }
  const top = thin ? mid + 6 : mid - g.h / 2;
  let out = `<rect class="bar${row.period ? ' period' : ''}${thin ? ' thin' : ''}" data-row="${id}" x="${g.x0}" y="${top}" width="${g.x1 - g.x0}" height="${g.h}" rx="3"/>`;
  if (handles && row.endField) out += `<rect class="handle" data-row="${id}" data-handle="end" x="${g.x1 - 4}" y="${top - 2}" width="8" height="${g.h + 4}"/>`;
  return out;
}

/** A thin underline: the share done, in full width under the bar. */
export function drawProgress(row: ViewRow, g: Geometry, mid: number, thin = false): string {
  if (row.progress === undefined || thin || (g.form !== 'bar' && g.form !== 'span')) return '';
  const y = g.form === 'span' ? mid + 8 : mid + g.h / 2 + 1.5;
  const w = g.x1 - g.x0;
  const done = w * Math.max(0, Math.min(1, row.progress));
  return `<rect class="progress-track" x="${g.x0}" y="${y}" width="${w}" height="3"/>${done > 0 ? `<rect class="progress-done" x="${g.x0}" y="${y}" width="${done}" height="3"/>` : ''}`;
}

export function drawTarget(l: Layout, row: ViewRow, y: number): string {
  if (row.target === undefined) return '';
  const x = xOf(l, row.target + 1);
  return `<path class="target" d="M${x} ${y + 4}V${y + ROW_HEIGHT - 4}"/><path class="target-flag" d="M${x} ${y + 4}L${x + 8} ${y + 7.5}L${x} ${y + 11}Z"/>`;
}

/** The row has a baseline position that differs from where it is now (an unmoved ghost would only add noise). */
export function hasMoved(row: ViewRow): boolean {
  const b = row.baseline;
  if (!b || b.end === undefined || b.shape === 'none') return false;
  return b.shape !== row.shape || b.end !== row.end || (b.start ?? b.end) !== (row.start ?? row.end);
}

/** Where the row stood at the baseline, drawn behind the current mark. */
export function drawGhost(l: Layout, row: ViewRow, mid: number): string {
  if (!hasMoved(row)) return '';
  const b = row.baseline!;
  const g = geometry(l, { ...row, shape: b.shape, start: b.start, end: b.end });
  if (!g) return '';
  if (g.form === 'diamond' || g.form === 'ring') {
    const cx = (g.x0 + g.x1) / 2;
    const r = DIAMOND_R + 1;
    return `<path class="ghost" d="M${cx} ${mid - r}L${cx + r} ${mid}L${cx} ${mid + r}L${cx - r} ${mid}Z"/>`;
  }
  const h = g.form === 'span' ? 12 : g.h + 4;
  return `<rect class="ghost" x="${g.x0}" y="${mid - h / 2}" width="${g.x1 - g.x0}" height="${h}" rx="3"/>`;
}

/** A small "+" before a row that is new since the baseline. */
export function drawAdded(x: number, mid: number): string {
  const cx = x - 9;
  return `<circle class="added-mark" cx="${cx}" cy="${mid}" r="5"/><path class="added-plus" d="M${cx - 3} ${mid}H${cx + 3}M${cx} ${mid - 3}V${mid + 3}"/>`;
}

/** The meta text after a title: progress ("3/4" or "60%") and owners' initials. */
export function metaOf(row: ViewRow, initialsOf: (o: string) => string): string {
  const parts: string[] = [];
  if (row.taskCount) parts.push(`${row.taskCount.done}/${row.taskCount.total}`);
  else if (row.progress !== undefined) parts.push(`${Math.round(row.progress * 100)}%`);
  if (row.owners.length) parts.push(row.owners.slice(0, 2).map(initialsOf).join(' ') + (row.owners.length > 2 ? ' +' : ''));
  return parts.join(' · ');
}
