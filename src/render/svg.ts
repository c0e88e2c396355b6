/**
 * Draws the timeline as SVG markup. One function for the live webview (only the rows and days
 * in view), the whole-timeline image export, print pages, and the CLI's `timeline --out x.svg`.
 * Every piece of plan text goes through `esc`, so plan files cannot inject markup.
 */
import type { TimelineView, ViewRow } from '../protocol/timeline';
import { drawArrows } from './arrows';
import { drawAxis } from './axis';
import { esc } from './escape';
import { placeLine, type MarkSlot, type PlacedLabel } from './labels';
import { AXIS_HEIGHT, ROW_HEIGHT, xOf, yOf, type Layout } from './layout';
import { drawLegend, legendKeys } from './legend';
import { drawAdded, drawGhost, drawProgress, drawShape, drawTarget, geometry, metaOf, targetBox, thinBar } from './marks';
import { formatDayLabel } from './scale';
import { estimate, fitText, initials, type Measure } from './text';

export { esc } from './escape';

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
  /** Text widths at the chart's label size (default: a generous estimate). */
  measure?: Measure;
  /** Draw the drift baseline (ghosts, new-item marks) when the view has one. */
  baseline?: boolean;
  /** Append the legend below the chart (exports). */
  legend?: boolean;
  /** Rows shown collapsed (their toggle points right). */
  collapsed?: ReadonlySet<string>;
  /** Markers at the edges for items outside the viewport (the live page). */
  edges?: boolean;
  /** Grips at the ends of bars for dragging (only where a drag can be carried out: the editor). */
  handles?: boolean;
  /** Collapse toggles in the label column (the live page; an image has nothing to click). */
  toggles?: boolean;
}

const KIND_LABEL: Record<ViewRow['kind'], string> = {
  group: '', roadmap: 'Roadmap', goal: 'Goal', initiative: 'Initiative', project: 'Project', milestone: 'Milestone', task: 'Task',
};

/** Accessible description of a row, also used by the tooltip. */
export function describeRow(row: ViewRow): string {
  const parts = [`${KIND_LABEL[row.kind]} ${row.title}`.trim(), row.status];
  if (row.shape === 'diamond' && row.end !== undefined) parts.push(`due ${formatDayLabel(row.end)}`);
  else if (row.start !== undefined && row.end !== undefined) parts.push(`${formatDayLabel(row.start)} to ${formatDayLabel(row.end)}`);
  if (row.target !== undefined) parts.push(`target ${formatDayLabel(row.target)}`);
  if (row.taskCount) parts.push(`${row.taskCount.done} of ${row.taskCount.total} tasks done`);
  else if (row.progress !== undefined) parts.push(`${Math.round(row.progress * 100)}% done`);
  if (row.owners.length) parts.push(`${row.owners.length > 1 ? 'owners' : 'owner'} ${row.owners.join(', ')}`);
  if (row.overdue) parts.push('overdue');
  if (row.atRisk) parts.push('at risk');
  if (row.critical) parts.push('on the critical path');
  if (row.added) parts.push('new since the baseline');
  return parts.join(', ');
}

function rowClass(row: ViewRow, selected?: string): string {
  return ['row', `kind-${row.kind}`, `status-${row.status}`, row.overdue && 'overdue', row.atRisk && 'at-risk', row.critical && 'critical', row.id === selected && 'selected']
    .filter(Boolean).join(' ');
}

const isLane = (row: ViewRow) => row.kind === 'goal' || row.kind === 'initiative' || row.kind === 'group' || row.kind === 'roadmap';

/** The left column: indent, collapse toggle, status dot and the title, cut with an ellipsis to fit. */
function drawLabel(l: Layout, row: ViewRow, y: number, measure: Measure, options: DrawOptions): string {
  const indent = 8 + row.depth * 14;
  const toggle = options.toggles && l.parents.has(row.id)
    ? `<text class="toggle" data-toggle="${esc(row.id)}" x="${indent}" y="${y + ROW_HEIGHT / 2 + 4}" aria-label="${options.collapsed?.has(row.id) ? 'Expand' : 'Collapse'}">${options.collapsed?.has(row.id) ? '▸' : '▾'}</text>`
    : '';
  const flag = row.overdue ? '<tspan class="flag overdue">● </tspan>' : row.atRisk ? '<tspan class="flag at-risk">● </tspan>' : '';
  const x = indent + 13;
  const scale = (isLane(row) ? 1.2 : 1.1) * (12 / 11);
  const room = l.labelWidth - 10 - x - (flag ? measure('● ') * scale : 0);
  const title = fitText(row.title, room, (t) => measure(t) * scale, 1);
  return `<g class="${rowClass(row, options.selected)}${isLane(row) ? ' lane-label' : ''} label" data-row="${esc(row.id)}">${isLane(row) || row.id === options.selected ? `<rect class="label-bg" x="0" y="${y}" width="${l.labelWidth}" height="${ROW_HEIGHT}"/>` : ''}`
    + `${toggle}<text class="title" x="${x}" y="${y + ROW_HEIGHT / 2 + 4}">${flag}${esc(title)}</text></g>`;
}

interface LineContext {
  l: Layout;
  left: number;
  right: number;
  measure: Measure;
  options: DrawOptions;
}

/** One line of the chart: marks, then their labels placed so that none overlaps another. */
function drawLine(c: LineContext, row: ViewRow, index: number): { marks: string; labels: string } {
  const { l } = c;
  const y = yOf(index);
  const mid = y + ROW_HEIGHT / 2;
  const slots: MarkSlot[] = [];
  let marks = '';
  let leftEdge: ViewRow | undefined;
  let rightEdge: ViewRow | undefined;
  const inline = l.inline.get(row.id) ?? [];
  for (const r of [row, ...inline]) {
    const thin = r === row && inline.length > 0;
    const found = geometry(l, r);
    const g = found && thin ? thinBar(found) : found;
    let out = c.options.baseline ? drawGhost(l, r, mid) : '';
    if (r === row) out += drawTarget(l, r, y);
    if (g) {
      out += drawShape(r, g, mid, thin, !!c.options.handles) + drawProgress(r, g, mid, thin);
      if (c.options.baseline && r.added) {
        out += drawAdded(g.x0, mid);
        slots.push({ x0: g.x0 - 15, x1: g.x0 });
      }
      const meta = metaOf(r, initials);
      slots.push({ rowId: r.id, x0: g.x0, x1: g.x1, bar: (g.form === 'bar' && (thin || g.h >= 12)) || g.form === 'span', thin, text: meta ? `${r.title}  ${meta}` : r.title, scale: isLane(r) ? 1.12 : 1 });
      if (c.options.edges && g.x1 < c.left) leftEdge = r;
      if (c.options.edges && g.x0 > c.right) rightEdge ??= r;
    }
    marks += `<g class="${rowClass(r, c.options.selected)}" data-row="${esc(r.id)}" role="img" aria-label="${esc(describeRow(r))}">${out}</g>`;
  }
  const target = targetBox(l, row);
  if (target) slots.push({ x0: target[0], x1: target[1] });
  if (leftEdge) {
    slots.push({ x0: c.left, x1: c.left + 14 });
    marks += `<path class="edge left" data-edge="${esc(leftEdge.id)}" d="M${c.left + 12} ${mid - 6}L${c.left + 4} ${mid}L${c.left + 12} ${mid + 6}Z"/>`;
  }
  if (rightEdge) {
    slots.push({ x0: c.right - 14, x1: c.right });
    marks += `<path class="edge right" data-edge="${esc(rightEdge.id)}" d="M${c.right - 12} ${mid - 6}L${c.right - 4} ${mid}L${c.right - 12} ${mid + 6}Z"/>`;
  }
  return { marks, labels: drawMarkLabels(placeLine(slots, c.left, c.right, c.measure), l, mid) };
}

function drawMarkLabels(placed: PlacedLabel[], l: Layout, mid: number): string {
  let out = '';
  for (const p of placed) {
    const row = l.byId.get(p.rowId)!;
    // One text run per label (no tspan, no halo stroke): SVG text is the costly part of a frame.
    const body = esc(p.text);
    const cls = `mark-label kind-${row.kind}${p.inside ? ` inside status-${row.status}${row.overdue ? ' overdue' : row.atRisk ? ' at-risk' : ''}` : ''}`;
    out += `<text class="${cls}" data-row="${esc(row.id)}" x="${p.x}" y="${mid + 4}">${p.cut ? `<title>${esc(row.title)}</title>` : ''}${body}</text>`;
  }
  return out;
}

const DEFS = (l: Layout) => `<defs><clipPath id="corner-clip"><rect x="0" y="0" width="${l.labelWidth - 6}" height="${AXIS_HEIGHT}"/></clipPath>`
  + '<marker id="arrowhead" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path class="arrowhead" d="M0 0L8 4L0 8Z"/></marker>'
  + `<marker id="arrowhead-critical" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path class="arrowhead critical" d="M0 0L8 4L0 8Z"/></marker></defs>`;

/**
 * The SVG for a viewport of the timeline (or the whole of it when `viewport` is omitted). The
 * axis stays at the top and the labels at the left, whatever the scroll.
 */
export function drawTimeline(view: TimelineView, l: Layout, viewport?: Viewport, options: DrawOptions = {}): string {
  const vp = viewport ?? { x: 0, y: 0, width: l.width, height: l.height };
  const measure = options.measure ?? estimate;
  const firstRow = Math.max(0, Math.floor(vp.y / ROW_HEIGHT) - 1);
  const lastRow = Math.min(l.rows.length - 1, Math.ceil((vp.y + vp.height) / ROW_HEIGHT) + 1);
  const fromDay = Math.max(l.originDay, Math.floor(vp.x / l.pxPerDay) + l.originDay - 1);
  const toDay = Math.min(l.lastDay, Math.ceil((vp.x + vp.width) / l.pxPerDay) + l.originDay + 1);
  const height = Math.max(vp.y + vp.height, l.height);
  const line: LineContext = { l, left: vp.x + l.labelWidth, right: vp.x + vp.width - 2, measure, options: { ...options, baseline: options.baseline && !!view.baseline } };
  let stripes = '';
  let bars = '';
  let markLabels = '';
  let labels = '';
  for (let i = firstRow; i <= lastRow; i++) {
    const row = l.rows[i];
    const y = yOf(i);
    stripes += `<rect class="stripe ${isLane(row) ? 'lane' : i % 2 ? 'odd' : 'even'}${row.id === options.selected ? ' selected' : ''}" x="${l.labelWidth}" y="${y}" width="${l.width}" height="${ROW_HEIGHT}"/>`;
    const drawn = drawLine(line, row, i);
    bars += drawn.marks;
    markLabels += drawn.labels;
    labels += drawLabel(l, row, y, measure, options);
  }
  const todayX = xOf(l, view.today) + l.pxPerDay / 2;
  const legend = options.legend ? drawLegend(legendKeys(view, [...l.rows, ...[...l.inline.values()].flat()], { baseline: line.options.baseline }), vp.width, vp.height, measure, view.baseline?.label) : undefined;
  const w = vp.width;
  const h = vp.height + (legend?.height ?? 0);
  const axisParts = drawAxis(l, fromDay, toDay, height, vp.x + l.labelWidth, [todayX - 20, todayX + 20], options.measure);
  const body = `<g class="chart" transform="translate(${-vp.x} ${-vp.y})">${stripes}${axisParts.grid}${bars}${drawArrows(l, view.arrows, firstRow, lastRow)}`
    + `<path class="today" d="M${todayX} ${vp.y + AXIS_HEIGHT - 6}V${vp.y + vp.height}"/><g class="mark-labels">${markLabels}</g></g>`;
  const axis = `<g class="axis" transform="translate(${-vp.x} 0)"><rect class="axis-bg" x="${vp.x}" y="0" width="${w}" height="${AXIS_HEIGHT}"/>${axisParts.labels}`
    + `<rect class="today-pill" x="${todayX - 20}" y="${AXIS_HEIGHT - 20}" width="40" height="16" rx="8"/><text class="today-label" x="${todayX}" y="${AXIS_HEIGHT - 8}" text-anchor="middle">today</text></g>`;
  // The label column's background runs the full height, so the grid and today line never show through below the last row.
  const side = `<rect class="label-col" x="0" y="0" width="${l.labelWidth}" height="${vp.height}"/><g class="labels" transform="translate(0 ${-vp.y})">${labels}</g>`
    + `<path class="label-edge" d="M${l.labelWidth - 0.5} 0V${vp.height}"/>`;
  const corner = `<rect class="corner" x="0" y="0" width="${l.labelWidth}" height="${AXIS_HEIGHT}"/><text class="corner-title" clip-path="url(#corner-clip)" x="10" y="${AXIS_HEIGHT / 2 + 5}">${esc(view.title)}</text>`;
  const style = options.style ? `<style>${options.style}</style>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="group" aria-label="${esc(view.title)} timeline">${style}${DEFS(l)}${body}${axis}${side}${corner}${legend?.svg ?? ''}</svg>`;
}
