/**
 * The timeline page's state and drawing: the model, the layout of what is shown, the scale and
 * scroll. Input (interaction.ts), export (export.ts) and print (print.ts) call in here. Only the
 * rows and days in view are drawn, so large plans stay smooth.
 */
import type { TimelineView, ViewRow } from '../protocol/timeline';
import { fitPxPerDay, labelWidthFor, layout, MAX_PX_PER_DAY, MIN_PX_PER_DAY, ROW_HEIGHT, visibleRows, xOf, type Filters, type Layout } from '../render/layout';
import { drawLegend, legendKeys } from '../render/legend';
import { type Zoom } from '../render/scale';
import { describeRow as describe, drawTimeline, type DrawOptions } from '../render/svg';
import type { Measure } from '../render/text';
import { renderChanges } from './baseline-panel';
import type { Host } from './host';
import { canvasMeasure } from './measure';
import { defaultState, type SavedState } from './state';
import { buildToolbar, type Toggle, type Toolbar } from './toolbar';

export interface AppParts {
  toolbar: Toolbar;
  scroller: HTMLDivElement;
  canvas: HTMLDivElement;
  stage: HTMLDivElement;
  tooltip: HTMLDivElement;
  details: HTMLDivElement;
  legend: HTMLDivElement;
  moved: HTMLDetailsElement;
}

export interface AppCallbacks {
  exportImage(format: 'svg' | 'png'): void;
  print(): void;
}

export class TimelineApp {
  view: TimelineView | undefined;
  l: Layout | undefined;
  state: SavedState;
  /** The index generation of the model on screen; echoed so the host can refuse edits computed on stale text. */
  generation: number | undefined;
  /** A drag in progress: the row and the day its end is over. */
  drag: { row: ViewRow; day: number } | undefined;
  readonly parts: AppParts;
  readonly measure: Measure;
  private frame = 0;
  private legendFrame = 0;
  /** What the legend strip shows now, to skip redrawing the same. */
  private legendShown = '';

  constructor(private readonly root: HTMLElement, readonly host: Host, callbacks: AppCallbacks) {
    this.state = host.getState() ?? defaultState();
    const toggles: Toggle[] = ['legend', 'compact', 'baseline', ...(host.kind === 'vscode' ? ['tasks' as const] : [])];
    const toolbar = buildToolbar(document, {
      zoom: (z) => this.setScale({ zoom: z }),
      fit: () => this.setScale({ zoom: this.state.zoom, fit: true }),
      today: () => this.scrollToDay(this.view?.today ?? 0),
      filter: (f) => this.setFilters(f),
      toggle: (t, on) => this.setToggle(t, on),
      exportSvg: () => callbacks.exportImage('svg'),
      exportPng: () => callbacks.exportImage('png'),
      print: () => callbacks.print(),
    }, toggles);
    const scroller = el('div', 'scroller');
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'application');
    scroller.setAttribute('aria-label', 'Timeline. Arrow keys move between items, Enter opens one, Left and Right collapse and expand, + and - zoom, F fits, T goes to today.');
    const canvas = el('div', 'canvas');
    const stage = el('div', 'stage');
    canvas.append(stage);
    scroller.append(canvas);
    const tooltip = el('div', 'tooltip');
    tooltip.setAttribute('role', 'tooltip');
    tooltip.hidden = true;
    const details = el('div', 'details');
    details.setAttribute('aria-live', 'polite');
    const legend = el('div', 'legend-strip');
    const moved = el('details', 'moved');
    moved.hidden = true;
    root.append(toolbar.element, moved, scroller, legend, details, tooltip);
    this.parts = { toolbar, scroller, canvas, stage, tooltip, details, legend, moved };
    const probe = el('div', 'timeline-svg');
    root.append(probe);
    this.measure = canvasMeasure(probe);
    probe.remove();
  }

  setModel(view: TimelineView): void {
    const fresh = !this.view && this.state.scrollX < 0;
    this.view = view;
    this.parts.toolbar.setFacets(view.facets, this.state.filters);
    this.syncToggles();
    renderChanges(this.parts.moved, view.baseline, (rowId) => this.reveal(rowId));
    this.parts.moved.hidden = !view.baseline || !this.state.baseline;
    this.relayout(false);
    if (fresh) this.scrollToDay(view.today);
    else this.restoreScroll();
    // The benchmark reads when the first frame with the timeline in it was produced.
    if (fresh) requestAnimationFrame(() => ((window as unknown as { roadmarkFirstFrame?: number }).roadmarkFirstFrame ??= performance.now()));
  }

  reveal(rowId: string): void {
    if (!this.view || !this.l) return;
    let index = this.l.rowIndex.get(rowId);
    if (index === undefined) {
      this.state.filters = {};
      this.state.collapsed = [];
      this.parts.toolbar.setFacets(this.view.facets, {});
      this.relayout();
      index = this.l.rowIndex.get(rowId);
    }
    if (index === undefined) return;
    this.select(rowId, false);
    const row = this.l.byId.get(rowId)!;
    this.parts.scroller.scrollTop = Math.max(0, index * ROW_HEIGHT - this.parts.scroller.clientHeight / 3);
    if (row.end !== undefined) this.scrollToDay(row.start ?? row.end);
  }

  drawOptions(): DrawOptions {
    return { selected: this.state.selected, measure: this.measure, baseline: this.baselineShown(), collapsed: new Set(this.state.collapsed) };
  }

  baselineShown(): boolean {
    return this.state.baseline && !!this.view?.baseline;
  }

  /** Renders now (the benchmark calls this to time a frame). */
  draw(): void {
    this.frame = 0;
    if (!this.view || !this.l) return;
    const s = this.parts.scroller;
    const vp = { x: s.scrollLeft, y: s.scrollTop, width: s.clientWidth, height: s.clientHeight };
    this.parts.stage.style.width = `${vp.width}px`;
    this.parts.stage.style.height = `${vp.height}px`;
    const svg = drawTimeline(this.view, this.layoutWithDrag(), vp, { ...this.drawOptions(), edges: true, toggles: true, handles: this.host.kind === 'vscode' });
    this.parts.stage.innerHTML = svg;
    // The legend names the edge markers only while some are on screen.
    this.parts.legend.classList.toggle('no-edges', !svg.includes('class="edge '));
  }

  /** The layout with the dragged row at its dragged date; `this.l` itself is left as it is. */
  private layoutWithDrag(): Layout {
    const l = this.l!;
    if (!this.drag) return l;
    const { row, day } = this.drag;
    const moved: ViewRow = row.shape === 'diamond' ? { ...row, start: day, end: day } : { ...row, end: Math.max(day, row.start ?? day) };
    const swap = (r: ViewRow) => (r.id === row.id ? moved : r);
    const inline = new Map([...l.inline].map(([id, marks]) => [id, marks.map(swap)]));
    return { ...l, rows: l.rows.map(swap), inline, byId: new Map(l.byId).set(row.id, moved) };
  }

  requestDraw(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  /** Lays out what is shown again; `draw` false when the caller scrolls and draws next. */
  relayout(draw = true): void {
    if (!this.view) return;
    const s = this.parts.scroller;
    const rows = visibleRows(this.view, this.state.filters, new Set(this.state.collapsed));
    const labelWidth = labelWidthFor(s.clientWidth || 1200);
    const chartWidth = (s.clientWidth || 1200) - labelWidth;
    const pxPerDay = this.state.fit ? fitPxPerDay(this.view, chartWidth) : this.state.pxPerDay;
    this.l = layout(this.view, rows, { zoom: this.state.zoom, pxPerDay, labelWidth, compact: this.state.compact, minWidth: s.clientWidth });
    this.parts.canvas.style.width = `${this.l.width}px`;
    this.parts.canvas.style.height = `${this.l.height}px`;
    this.parts.toolbar.setCount(rows.filter((r) => r.kind !== 'group').length, this.view.rows.filter((r) => r.kind !== 'group').length);
    this.parts.toolbar.setZoom(this.state.fit ? 'fit' : this.state.pxPerDay ? undefined : this.state.zoom);
    this.parts.tooltip.hidden = true;
    this.root.classList.toggle('is-empty', rows.length === 0);
    // The legend follows a frame later: the chart's first frame does not wait for it.
    cancelAnimationFrame(this.legendFrame);
    this.legendFrame = requestAnimationFrame(() => this.drawLegend(rows));
    if (draw) this.draw();
    this.save();
  }

  private drawLegend(rows: ViewRow[]): void {
    const strip = this.parts.legend;
    strip.hidden = !this.state.legend;
    if (!this.state.legend || !this.view) return;
    const keys = legendKeys(this.view, rows, { baseline: this.baselineShown(), edges: true });
    const width = Math.max(200, this.parts.scroller.clientWidth || 1200);
    const shown = `${keys.join()}|${width}|${this.view.baseline?.label}`;
    if (shown === this.legendShown) return;
    this.legendShown = shown;
    const { svg, height } = drawLegend(keys, width, 0, this.measure, this.view.baseline?.label);
    strip.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" class="legend-svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${svg}</svg>`;
  }

  /**
   * A new scale, keeping one day where it is on screen: the one under the cursor when the wheel
   * zooms, else today when it is in view, else the middle of the view.
   */
  setScale(next: { zoom: Zoom; pxPerDay?: number; fit?: boolean }, anchorX?: number): void {
    if (!this.l || !this.view) return;
    const s = this.parts.scroller;
    const old = this.l;
    const todayAt = xOf(old, this.view.today) + old.pxPerDay / 2 - s.scrollLeft;
    const offset = anchorX ?? (todayAt >= old.labelWidth && todayAt <= s.clientWidth ? todayAt : old.labelWidth + (s.clientWidth - old.labelWidth) / 2);
    const day = (s.scrollLeft + offset - old.labelWidth) / old.pxPerDay + old.originDay;
    this.state.zoom = next.zoom;
    this.state.fit = next.fit || undefined;
    this.state.pxPerDay = next.pxPerDay === undefined ? undefined : Math.max(MIN_PX_PER_DAY, Math.min(MAX_PX_PER_DAY, next.pxPerDay));
    this.relayout();
    const l = this.l;
    s.scrollLeft = Math.max(0, l.labelWidth + (day - l.originDay) * l.pxPerDay - offset);
    this.draw();
    this.save();
  }

  setToggle(which: Toggle, on: boolean): void {
    if (which === 'tasks') {
      // Tasks change the model itself: the extension sends a new one.
      this.state.tasks = on;
      this.host.post({ type: 'options', tasks: on });
    } else this.state[which] = on;
    if (which === 'baseline') this.parts.moved.hidden = !on || !this.view?.baseline;
    this.syncToggles();
    this.relayout();
  }

  private syncToggles(): void {
    const t = this.parts.toolbar;
    t.setToggle('legend', this.state.legend);
    t.setToggle('compact', !!this.state.compact);
    t.setToggle('tasks', !!this.state.tasks);
    t.setToggle('baseline', this.state.baseline, !!this.view?.baseline);
    t.refit();
  }

  setFilters(filters: Filters): void {
    this.state.filters = filters;
    this.relayout();
  }

  scrollToDay(day: number): void {
    if (!this.l) return;
    const s = this.parts.scroller;
    s.scrollLeft = Math.max(0, xOf(this.l, day) - this.l.labelWidth - (s.clientWidth - this.l.labelWidth) / 3);
    this.draw();
    this.save();
  }

  private restoreScroll(): void {
    this.parts.scroller.scrollLeft = Math.max(0, this.state.scrollX);
    this.parts.scroller.scrollTop = this.state.scrollY;
    this.draw();
  }

  save(): void {
    if (this.view) {
      this.state.scrollX = this.parts.scroller.scrollLeft;
      this.state.scrollY = this.parts.scroller.scrollTop;
    }
    this.host.setState(this.state);
  }

  select(rowId: string | undefined, open: boolean): void {
    this.state.selected = rowId;
    const row = rowId ? this.l?.byId.get(rowId) : undefined;
    this.parts.details.textContent = row ? `${describe(row)}${row.source ? ` — ${row.source.file}:${row.source.line}` : ''}` : '';
    if (open && row?.source) this.host.post({ type: 'open', rowId: row.id, generation: this.generation });
    this.draw();
    this.save();
  }

  /** Collapses or expands a row's children; remembered with the rest of the state. */
  toggle(row: ViewRow | undefined, collapse?: boolean): void {
    if (!row || !this.l?.parents.has(row.id)) return;
    const set = new Set(this.state.collapsed);
    if (collapse ?? !set.has(row.id)) set.add(row.id);
    else set.delete(row.id);
    this.state.collapsed = [...set];
    this.relayout();
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
