/**
 * Draws the timeline as SVG markup. One function for the live webview (only the rows and days
 * in view), the whole-timeline image export, and the CLI's `timeline --out x.svg`. Every piece
 * of plan text goes through `esc`, so plan files cannot inject markup.
 */
import type { TimelineView, ViewRow } from '../protocol/timeline';
import { AXIS_HEIGHT, ROW_HEIGHT, xOf, yOf, type Layout } from './layout';
import { formatDayLabel, ticks } from './scale';

export interface Viewport {
  /** Scroll offsets and size of the visible area, in full-canvas pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DrawOptions {
  selected?: string;
  /** Embedded in the image (the export's colours); the webview uses its stylesheet instead. */
  style?: string;
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const KIND_LABEL: Record<ViewRow['kind'], string> = {
  group: '', roadmap: 'Roadmap', goal: 'Goal', initiative: 'Initiative', project: 'Project', milestone: 'Milestone', task: 'Task',
};

/** Accessible description of a row, also used by the tooltip. */
export function describeRow(row: ViewRow): string {
  const parts = [`${KIND_LABEL[row.kind]} ${row.title}`.trim(), row.status];
  if (row.shape === 'diamond' && row.end !== undefined) parts.push(`due ${formatDayLabel(row.end)}`);
  else if (row.start !== undefined && row.end !== undefined) parts.push(`${formatDayLabel(row.start)} to ${formatDayLabel(row.end)}`);
  if (row.progress !== undefined) parts.push(`${Math.round(row.progress * 100)}% of tasks done`);
  if (row.owners.length) parts.push(`${row.owners.length > 1 ? 'owners' : 'owner'} ${row.owners.join(', ')}`);
  if (row.overdue) parts.push('overdue');
  if (row.atRisk) parts.push('at risk');
  if (row.critical) parts.push('on the critical path');
  return parts.join(', ');
}

function rowClass(row: ViewRow, selected?: string): string {
  return ['row', `kind-${row.kind}`, `status-${row.status}`, row.overdue && 'overdue', row.atRisk && 'at-risk', row.critical && 'critical', row.id === selected && 'selected']
    .filter(Boolean).join(' ');
}

function drawShape(l: Layout, row: ViewRow, y: number): string {
  if (row.shape === 'none' || row.end === undefined) return '';
  const mid = y + ROW_HEIGHT / 2;
  const id = esc(row.id);
  if (row.shape === 'diamond') {
    const cx = xOf(l, row.end) + l.pxPerDay / 2;
    const r = 7;
    return `<path class="diamond" data-row="${id}" data-handle="end" d="M${cx} ${mid - r}L${cx + r} ${mid}L${cx} ${mid + r}L${cx - r} ${mid}Z"/>`;
  }
  const x = xOf(l, row.start ?? row.end);
  const w = Math.max(3, xOf(l, row.end + 1) - x);
  const h = row.kind === 'project' || row.kind === 'initiative' || row.kind === 'goal' ? 14 : 10;
  const top = mid - h / 2;
  let out = `<rect class="bar${row.period ? ' period' : ''}" data-row="${id}" x="${x}" y="${top}" width="${w}" height="${h}" rx="3"/>`;
  if (row.progress !== undefined && row.progress > 0) out += `<rect class="progress" x="${x}" y="${top}" width="${w * Math.min(1, row.progress)}" height="${h}" rx="3"/>`;
  if (row.endField) out += `<rect class="handle" data-row="${id}" data-handle="end" x="${x + w - 4}" y="${top - 2}" width="8" height="${h + 4}"/>`;
  return out;
}

function drawTarget(l: Layout, row: ViewRow, y: number): string {
  if (row.target === undefined) return '';
  const x = xOf(l, row.target + 1);
  return `<path class="target" d="M${x} ${y + 3}V${y + ROW_HEIGHT - 3}M${x - 5} ${y + 3}H${x}"/>`;
}

function anchorX(l: Layout, row: ViewRow, side: 'start' | 'end'): number | undefined {
  if (row.end === undefined || row.shape === 'none') return undefined;
  if (row.shape === 'diamond') return xOf(l, row.end) + l.pxPerDay / 2 + (side === 'end' ? 7 : -7);
  return side === 'end' ? xOf(l, row.end + 1) : xOf(l, row.start ?? row.end);
}

function drawArrows(l: Layout, view: TimelineView, firstRow: number, lastRow: number): string {
  let out = '';
  for (const a of view.arrows) {
    const i = l.rowIndex.get(a.from);
    const j = l.rowIndex.get(a.to);
    if (i === undefined || j === undefined) continue;
    if (Math.max(i, j) < firstRow || Math.min(i, j) > lastRow) continue;
    // FS: end → start; SS: start → start (bends left of both); FF: end → end (bends right of both).
    const x1 = anchorX(l, l.rows[i], a.type === 'SS' ? 'start' : 'end');
    const x2 = anchorX(l, l.rows[j], a.type === 'FF' ? 'end' : 'start');
    if (x1 === undefined || x2 === undefined) continue;
    const y1 = yOf(i) + ROW_HEIGHT / 2;
    const y2 = yOf(j) + ROW_HEIGHT / 2;
    const cls = `arrow${a.critical ? ' critical' : ''}${a.type && a.type !== 'FS' ? ` ${a.type.toLowerCase()}` : ''}`;
    if (a.type === 'SS') {
      const bend = Math.min(x1, x2) - 10;
      out += `<path class="${cls}" d="M${x1} ${y1}H${bend}V${y2}H${x2 - 2}" marker-end="url(#arrowhead)"/>`;
    } else if (a.type === 'FF') {
      const bend = Math.max(x1, x2) + 10;
      out += `<path class="${cls}" d="M${x1} ${y1}H${bend}V${y2}H${x2 + 2}" marker-end="url(#arrowhead)"/>`;
    } else {
      const bend = Math.max(x1 + 8, Math.min(x2 - 8, x1 + 16));
      out += `<path class="${cls}" d="M${x1} ${y1}H${bend}V${y2}H${x2 - 2}" marker-end="url(#arrowhead)"/>`;
    }
  }
  return out;
}

function drawAxis(l: Layout, fromDay: number, toDay: number, height: number, minLabelX: number): { grid: string; labels: string } {
  const { minor, major } = ticks(l.zoom, fromDay, toDay);
  let grid = '';
  let labels = '';
  for (const t of minor) {
    const x = xOf(l, t.day);
    grid += `<path class="grid minor" d="M${x} ${AXIS_HEIGHT}V${height}"/>`;
    if (l.pxPerDay * 7 >= 18 || l.zoom !== 'month') labels += `<text class="tick minor" x="${x + 3}" y="${AXIS_HEIGHT - 8}">${esc(t.label)}</text>`;
  }
  for (const t of major) {
    const x = xOf(l, t.day);
    grid += `<path class="grid major" d="M${x} ${AXIS_HEIGHT / 2 - 4}V${height}"/>`;
    labels += `<text class="tick major" x="${Math.max(x, minLabelX) + 4}" y="${AXIS_HEIGHT / 2 - 6}">${esc(t.label)}</text>`;
  }
  return { grid: `<g class="grid-lines">${grid}</g>`, labels: `<g class="axis-labels">${labels}</g>` };
}

function drawLabel(row: ViewRow, y: number, labelWidth: number, selected?: string): string {
  const indent = 10 + row.depth * 14;
  const cls = rowClass(row, selected);
  const flag = row.overdue ? '<tspan class="flag overdue">● </tspan>' : row.atRisk ? '<tspan class="flag at-risk">● </tspan>' : '';
  return `<g class="${cls} label" data-row="${esc(row.id)}"><rect class="label-bg" x="0" y="${y}" width="${labelWidth}" height="${ROW_HEIGHT}"/>`
    + `<text x="${indent}" y="${y + ROW_HEIGHT / 2 + 4}">${flag}${esc(row.title)}</text></g>`;
}

/**
 * The SVG for a viewport of the timeline (or the whole of it when `viewport` is omitted). The
 * axis stays at the top and the labels at the left, whatever the scroll.
 */
export function drawTimeline(view: TimelineView, l: Layout, viewport?: Viewport, options: DrawOptions = {}): string {
  const vp = viewport ?? { x: 0, y: 0, width: l.width, height: l.height };
  const firstRow = Math.max(0, Math.floor((vp.y) / ROW_HEIGHT) - 1);
  const lastRow = Math.min(l.rows.length - 1, Math.ceil((vp.y + vp.height) / ROW_HEIGHT) + 1);
  const fromDay = Math.max(l.originDay, Math.floor((vp.x) / l.pxPerDay) + l.originDay - 1);
  const toDay = Math.min(l.lastDay, Math.ceil((vp.x + vp.width) / l.pxPerDay) + l.originDay + 1);
  const height = Math.max(vp.y + vp.height, l.height);
  let stripes = '';
  let bars = '';
  let labels = '';
  for (let i = firstRow; i <= lastRow; i++) {
    const row = l.rows[i];
    const y = yOf(i);
    const cls = rowClass(row, options.selected);
    stripes += `<rect class="stripe ${i % 2 ? 'odd' : 'even'}${row.id === options.selected ? ' selected' : ''}" x="${l.labelWidth}" y="${y}" width="${l.width}" height="${ROW_HEIGHT}"/>`;
    bars += `<g class="${cls}" data-row="${esc(row.id)}" role="img" aria-label="${esc(describeRow(row))}">${drawTarget(l, row, y)}${drawShape(l, row, y)}</g>`;
    labels += drawLabel(row, y, l.labelWidth, options.selected);
  }
  const todayX = xOf(l, view.today) + l.pxPerDay / 2;
  const w = vp.width;
  const h = vp.height;
  const defs = `<defs><clipPath id="label-clip" clipPathUnits="userSpaceOnUse"><rect x="0" y="${vp.y - ROW_HEIGHT}" width="${l.labelWidth - 6}" height="${Math.max(l.height, vp.y + vp.height) + ROW_HEIGHT}"/></clipPath><clipPath id="corner-clip"><rect x="0" y="0" width="${l.labelWidth - 6}" height="${AXIS_HEIGHT}"/></clipPath><marker id="arrowhead" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path class="arrowhead" d="M0 0L8 4L0 8Z"/></marker></defs>`;
  const axisParts = drawAxis(l, fromDay, toDay, height, vp.x + l.labelWidth);
  const body = `<g class="chart" transform="translate(${-vp.x} ${-vp.y})">${stripes}${axisParts.grid}${bars}${drawArrows(l, view, firstRow, lastRow)}`
    + `<path class="today" d="M${todayX} ${vp.y + AXIS_HEIGHT - 6}V${vp.y + h}"/></g>`;
  const axis = `<g class="axis" transform="translate(${-vp.x} 0)"><rect class="axis-bg" x="${vp.x}" y="0" width="${w}" height="${AXIS_HEIGHT}"/>${axisParts.labels}`
    + `<rect class="today-pill" x="${todayX - 20}" y="${AXIS_HEIGHT - 20}" width="40" height="16" rx="8"/><text class="today-label" x="${todayX}" y="${AXIS_HEIGHT - 8}" text-anchor="middle">today</text></g>`;
  const side = `<g class="labels" transform="translate(0 ${-vp.y})" clip-path="url(#label-clip)">${labels}</g>`;
  const corner = `<rect class="corner" x="0" y="0" width="${l.labelWidth}" height="${AXIS_HEIGHT}"/><text class="corner-title" clip-path="url(#corner-clip)" x="10" y="${AXIS_HEIGHT / 2 + 5}">${esc(view.title)}</text>`;
  const style = options.style ? `<style>${options.style}</style>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="group" aria-label="${esc(view.title)} timeline">${style}${defs}${body}${axis}${side}${corner}</svg>`;
}
