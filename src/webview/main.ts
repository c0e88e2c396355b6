/**
 * The timeline page: in the VS Code webview (model by message, clicks and drags sent back) and
 * as the CLI's standalone HTML (model embedded in the page). Only the rows and days in view are
 * drawn, so large plans stay smooth.
 */
import type { HostMessage, WebviewMessage } from '../protocol/messages';
import type { TimelineView, ViewRow } from '../protocol/timeline';
import { dayAt, labelWidthFor, layout, visibleRows, xOf, type Filters, type Layout, ROW_HEIGHT, AXIS_HEIGHT } from './layout';
import { pageCss } from './page-css';
import { ZOOMS, type Zoom, formatDayLabel } from './scale';
import { describeRow, drawTimeline } from './svg';
import { exportCss } from './theme';
import { buildToolbar, type Toolbar } from './toolbar';

interface SavedState {
  zoom: Zoom;
  tasks?: boolean;
  filters: Filters;
  collapsed: string[];
  scrollX: number;
  scrollY: number;
  selected?: string;
}

interface Host {
  kind: 'vscode' | 'standalone';
  post(message: WebviewMessage): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}

declare function acquireVsCodeApi(): { postMessage(m: unknown): void; getState(): unknown; setState(s: unknown): void };

function createHost(): Host {
  if (typeof acquireVsCodeApi === 'function') {
    const api = acquireVsCodeApi();
    return { kind: 'vscode', post: (m) => api.postMessage(m), getState: () => api.getState() as SavedState | undefined, setState: (s) => api.setState(s) };
  }
  return { kind: 'standalone', post: () => undefined, getState: () => undefined, setState: () => undefined };
}

class TimelineApp {
  private view: TimelineView | undefined;
  private l: Layout | undefined;
  private state: SavedState;
  private frame = 0;
  private drag: { row: ViewRow; day: number } | undefined;
  /** The index generation of the model on screen; echoed so the host can refuse edits computed on stale text. */
  private generation: number | undefined;
  private pan: { x: number; y: number; left: number; top: number } | undefined;
  private readonly toolbar: Toolbar;
  private readonly scroller: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private readonly stage: HTMLDivElement;
  private readonly tooltip: HTMLDivElement;
  private readonly details: HTMLDivElement;
  /** Milliseconds the last draw took, for the benchmark. */

  constructor(private readonly root: HTMLElement, private readonly host: Host) {
    this.state = host.getState() ?? { zoom: 'month', filters: {}, collapsed: [], scrollX: -1, scrollY: 0 };
    this.toolbar = buildToolbar(document, {
      zoom: (z) => this.setZoom(z),
      today: () => this.scrollToDay(this.view?.today ?? 0),
      filter: (f) => this.setFilters(f),
      exportSvg: () => this.exportImage('svg'),
      exportPng: () => this.exportImage('png'),
      tasks: host.kind === 'vscode' ? (on) => this.setTasks(on) : undefined,
    });
    this.scroller = el('div', 'scroller');
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute('role', 'application');
    this.scroller.setAttribute('aria-label', 'Timeline. Arrow keys move between items, Enter opens one, + and - zoom, T goes to today.');
    this.canvas = el('div', 'canvas');
    this.stage = el('div', 'stage');
    this.canvas.append(this.stage);
    this.scroller.append(this.canvas);
    this.tooltip = el('div', 'tooltip');
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    this.details = el('div', 'details');
    this.details.setAttribute('aria-live', 'polite');
    root.append(this.toolbar.element, this.scroller, this.details, this.tooltip);
    this.listen();
  }

  setModel(view: TimelineView): void {
    const fresh = !this.view && this.state.scrollX < 0;
    this.view = view;
    this.toolbar.setFacets(view.facets, this.state.filters, this.state.zoom);
    this.toolbar.setTasks(this.state.tasks === true);
    this.relayout();
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
      this.toolbar.setFacets(this.view.facets, {}, this.state.zoom);
      this.relayout();
      index = this.l.rowIndex.get(rowId);
    }
    if (index === undefined) return;
    this.select(rowId, false);
    const row = this.l.rows[index];
    this.scroller.scrollTop = Math.max(0, index * ROW_HEIGHT - this.scroller.clientHeight / 3);
    if (row.end !== undefined) this.scrollToDay(row.start ?? row.end);
  }

  /** Renders now (the benchmark calls this to time a frame). */
  draw(): void {
    this.frame = 0;
    if (!this.view || !this.l) return;
    const vp = { x: this.scroller.scrollLeft, y: this.scroller.scrollTop, width: this.scroller.clientWidth, height: this.scroller.clientHeight };
    this.stage.style.width = `${vp.width}px`;
    this.stage.style.height = `${vp.height}px`;
    this.stage.innerHTML = drawTimeline(this.dragView(), this.l, vp, { selected: this.state.selected });
  }

  private dragView(): TimelineView {
    if (!this.drag || !this.view) return this.view!;
    const { row, day } = this.drag;
    const moved: ViewRow = row.shape === 'diamond' ? { ...row, start: day, end: day } : { ...row, end: Math.max(day, row.start ?? day) };
    const rows = this.l!.rows.map((r) => (r.id === row.id ? moved : r));
    this.l = { ...this.l!, rows };
    return this.view;
  }

  private requestDraw(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private relayout(): void {
    if (!this.view) return;
    const rows = visibleRows(this.view, this.state.filters, new Set(this.state.collapsed));
    this.l = layout(this.view, rows, this.state.zoom, labelWidthFor(this.scroller.clientWidth || 1200));
    this.canvas.style.width = `${this.l.width}px`;
    this.canvas.style.height = `${this.l.height}px`;
    this.toolbar.setCount(rows.filter((r) => r.kind !== 'group').length, this.view.rows.filter((r) => r.kind !== 'group').length);
    this.root.classList.toggle('is-empty', rows.length === 0);
    this.draw();
    this.save();
  }

  private setZoom(zoom: Zoom): void {
    if (!this.l) return;
    const lw = this.l.labelWidth;
    const centerDay = dayAt(this.l, this.scroller.scrollLeft + lw + (this.scroller.clientWidth - lw) / 2);
    this.state.zoom = zoom;
    this.toolbar.setZoom(zoom);
    this.relayout();
    this.scroller.scrollLeft = Math.max(0, xOf(this.l, centerDay) - this.l.labelWidth - (this.scroller.clientWidth - this.l.labelWidth) / 2);
    this.draw();
  }

  /** Tasks change the model itself: the extension sends a new one. */
  private setTasks(on: boolean): void {
    this.state.tasks = on;
    this.save();
    this.host.post({ type: 'options', tasks: on });
  }

  private setFilters(filters: Filters): void {
    this.state.filters = filters;
    this.relayout();
  }

  private scrollToDay(day: number): void {
    if (!this.l) return;
    this.scroller.scrollLeft = Math.max(0, xOf(this.l, day) - this.l.labelWidth - (this.scroller.clientWidth - this.l.labelWidth) / 3);
    this.draw();
    this.save();
  }

  private restoreScroll(): void {
    this.scroller.scrollLeft = Math.max(0, this.state.scrollX);
    this.scroller.scrollTop = this.state.scrollY;
    this.draw();
  }

  private save(): void {
    if (!this.view) {
      this.host.setState(this.state);
      return;
    }
    this.state.scrollX = this.scroller.scrollLeft;
    this.state.scrollY = this.scroller.scrollTop;
    this.host.setState(this.state);
  }

  private select(rowId: string | undefined, open: boolean): void {
    this.state.selected = rowId;
    const row = rowId ? this.l?.rows.find((r) => r.id === rowId) : undefined;
    this.details.textContent = row ? `${describeRow(row)}${row.source ? ` — ${row.source.file}:${row.source.line}` : ''}` : '';
    if (open && row?.source) this.host.post({ type: 'open', rowId: row.id, generation: this.generation });
    this.draw();
    this.save();
  }

  private rowAt(target: EventTarget | null): ViewRow | undefined {
    const node = (target as Element | null)?.closest?.('[data-row]');
    const id = node?.getAttribute('data-row');
    return id ? this.l?.rows.find((r) => r.id === id) : undefined;
  }

  private listen(): void {
    this.scroller.addEventListener('scroll', () => {
      this.requestDraw();
      this.save();
    }, { passive: true });
    new ResizeObserver(() => {
      if (this.l && this.l.labelWidth !== labelWidthFor(this.scroller.clientWidth)) this.relayout();
      else this.requestDraw();
    }).observe(this.scroller);
    this.scroller.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.scroller.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.scroller.addEventListener('pointerup', (e) => this.onPointerUp(e));
    this.scroller.addEventListener('pointerleave', () => (this.tooltip.hidden = true));
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    window.addEventListener('message', (e: MessageEvent) => this.onMessage(e.data));
  }

  private onMessage(data: unknown): void {
    const message = data as HostMessage<TimelineView> | undefined;
    if (message?.type === 'model' && message.model && Array.isArray(message.model.rows)) {
      this.generation = typeof message.generation === 'number' ? message.generation : undefined;
      this.setModel(message.model);
    }
    else if (message?.type === 'reveal' && typeof message.rowId === 'string') this.reveal(message.rowId);
    else if (message?.type === 'requestExport' && (message.format === 'svg' || message.format === 'png')) this.exportImage(message.format);
  }

  private onPointerDown(e: PointerEvent): void {
    const handle = (e.target as Element).closest?.('[data-handle]');
    const row = this.rowAt(e.target);
    if (handle && row?.endField && row.end !== undefined && this.host.kind === 'vscode') {
      this.drag = { row, day: row.end };
      this.scroller.setPointerCapture(e.pointerId);
      e.preventDefault();
      return;
    }
    if (!row) {
      this.pan = { x: e.clientX, y: e.clientY, left: this.scroller.scrollLeft, top: this.scroller.scrollTop };
      this.scroller.classList.add('panning');
      this.scroller.setPointerCapture(e.pointerId);
    }
  }

  private onPointerMove(e: PointerEvent): void {
    if (this.drag && this.l) {
      const x = e.clientX - this.scroller.getBoundingClientRect().left + this.scroller.scrollLeft;
      this.drag.day = dayAt(this.l, x);
      this.tooltip.hidden = false;
      this.placeTooltip(e, `${this.drag.row.title}: ${this.drag.row.endField} ${formatDayLabel(this.drag.day)}`);
      this.requestDraw();
      return;
    }
    if (this.pan) {
      this.scroller.scrollLeft = this.pan.left - (e.clientX - this.pan.x);
      this.scroller.scrollTop = this.pan.top - (e.clientY - this.pan.y);
      return;
    }
    const row = this.rowAt(e.target);
    this.tooltip.hidden = !row;
    if (row) this.placeTooltip(e, describeRow(row));
  }

  private onPointerUp(e: PointerEvent): void {
    if (this.drag) {
      const { row, day } = this.drag;
      this.drag = undefined;
      this.tooltip.hidden = true;
      if (day !== row.end && row.endField) this.host.post({ type: 'reschedule', rowId: row.id, field: row.endField, date: formatDayLabel(day), generation: this.generation });
      this.relayout();
      return;
    }
    if (this.pan) {
      const moved = Math.abs(e.clientX - this.pan.x) + Math.abs(e.clientY - this.pan.y) > 3;
      this.pan = undefined;
      this.scroller.classList.remove('panning');
      if (moved) return;
    }
    const row = this.rowAt(e.target);
    if (row) this.select(row.id, true);
  }

  private placeTooltip(e: PointerEvent, text: string): void {
    this.tooltip.textContent = text;
    this.tooltip.style.left = `${Math.min(e.clientX + 12, window.innerWidth - 430)}px`;
    this.tooltip.style.top = `${e.clientY + 16}px`;
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.l) return;
    const rows = this.l.rows;
    const at = this.state.selected ? this.l.rowIndex.get(this.state.selected) ?? -1 : -1;
    const move = (index: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (!row) return;
      this.select(row.id, false);
      const y = this.l!.rowIndex.get(row.id)! * ROW_HEIGHT;
      const view = this.scroller.clientHeight - AXIS_HEIGHT;
      if (y < this.scroller.scrollTop) this.scroller.scrollTop = y;
      else if (y + ROW_HEIGHT > this.scroller.scrollTop + view) this.scroller.scrollTop = y + ROW_HEIGHT - view;
    };
    const zoomBy = (step: number) => this.setZoom(ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, ZOOMS.indexOf(this.state.zoom) + step))]);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => this.state.selected && this.select(this.state.selected, true),
      ArrowLeft: () => this.toggle(rows[at], true),
      ArrowRight: () => this.toggle(rows[at], false),
      '+': () => zoomBy(-1),
      '=': () => zoomBy(-1),
      '-': () => zoomBy(1),
      t: () => this.scrollToDay(this.view!.today),
    };
    const run = keys[e.key];
    if (run) {
      e.preventDefault();
      run();
    }
  }

  private toggle(row: ViewRow | undefined, collapse: boolean): void {
    if (!row) return;
    const set = new Set(this.state.collapsed);
    if (collapse) set.add(row.id);
    else set.delete(row.id);
    this.state.collapsed = [...set];
    this.relayout();
  }

  private exportImage(format: 'svg' | 'png'): void {
    if (!this.view || !this.l) return;
    const styles = getComputedStyle(document.documentElement);
    const dark = document.body.classList.contains('vscode-dark') || document.documentElement.classList.contains('theme-dark');
    const svg = drawTimeline(this.view, this.l, undefined, { style: exportCss(dark, (v) => styles.getPropertyValue(v)) });
    if (format === 'svg') return this.deliver('svg', svg, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    const image = new Image();
    image.onload = () => {
      // Browsers cap canvas sides near 16k pixels: very tall plans are scaled down to fit.
      const scale = Math.min(2, 16000 / this.l!.width, 16000 / this.l!.height);
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(this.l!.width * scale);
      canvas.height = Math.floor(this.l!.height * scale);
      const ctx = canvas.getContext('2d')!;
      ctx.scale(scale, scale);
      ctx.drawImage(image, 0, 0);
      const png = canvas.toDataURL('image/png');
      this.deliver('png', png, png);
    };
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }

  private deliver(format: 'svg' | 'png', data: string, href: string): void {
    if (this.host.kind === 'vscode') {
      this.host.post({ type: 'export', format, data } as WebviewMessage);
      return;
    }
    const a = document.createElement('a');
    a.href = href;
    a.download = `timeline.${format}`;
    a.click();
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function injectStyles(host: Host['kind']): void {
  const nonce = (document.querySelector('script[nonce]') as HTMLScriptElement | null)?.nonce;
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = pageCss(host);
  document.head.append(style);
}

function start(): void {
  const host = createHost();
  injectStyles(host.kind);
  const root = document.getElementById('app')!;
  const app = new TimelineApp(root, host);
  (window as unknown as { roadmarkTimeline: TimelineApp }).roadmarkTimeline = app;
  const embedded = document.getElementById('roadmark-model');
  if (embedded?.textContent) app.setModel(JSON.parse(embedded.textContent) as TimelineView);
  host.post({ type: 'ready' });
  if (host.getState()?.tasks) host.post({ type: 'options', tasks: true });
}

start();
