/** Pointer, wheel, keyboard and host messages, turned into calls on the app. */
import type { HostMessage } from '../protocol/messages';
import type { TimelineView, ViewRow } from '../protocol/timeline';
import { AXIS_HEIGHT, dayAt, labelWidthFor, ROW_HEIGHT } from '../render/layout';
import { formatDayLabel, ZOOMS } from '../render/scale';
import { describeRow } from '../render/svg';
import type { TimelineApp } from './app';
import { isTimelineView } from './host';

/** Each wheel notch with Ctrl (or a pinch) zooms by this factor. */
const WHEEL_ZOOM = 1.25;

export function listen(app: TimelineApp, exportImage: (format: 'svg' | 'png') => void): void {
  const { scroller } = app.parts;
  let pan: { x: number; y: number; left: number; top: number } | undefined;
  let saving: ReturnType<typeof setTimeout> | undefined;
  scroller.addEventListener('scroll', () => {
    app.requestDraw();
    // Remembering the scroll can wait for a pause: writing storage on every frame costs a pan.
    clearTimeout(saving);
    saving = setTimeout(() => app.save(), 150);
  }, { passive: true });
  new ResizeObserver(() => {
    if (app.l && (app.state.fit || app.l.labelWidth !== labelWidthFor(scroller.clientWidth) || app.l.width < scroller.clientWidth)) app.relayout();
    else app.requestDraw();
  }).observe(scroller);
  scroller.addEventListener('wheel', (e) => {
    if (!(e.ctrlKey || e.metaKey) || !app.l) return;
    e.preventDefault();
    const x = e.clientX - scroller.getBoundingClientRect().left;
    if (x < app.l.labelWidth) return;
    const factor = e.deltaY < 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM;
    app.setScale({ zoom: app.state.zoom, pxPerDay: app.l.pxPerDay * factor }, x);
  }, { passive: false });
  scroller.addEventListener('pointerdown', (e) => {
    const target = e.target as Element;
    if (target.closest?.('[data-toggle]') || target.closest?.('[data-edge]')) return;
    const handle = target.closest?.('[data-handle]');
    const row = rowAt(app, e.target);
    if (handle && row?.endField && row.end !== undefined && app.host.kind === 'vscode') {
      app.drag = { row, day: row.end };
      scroller.setPointerCapture(e.pointerId);
      e.preventDefault();
      return;
    }
    if (!row) {
      pan = { x: e.clientX, y: e.clientY, left: scroller.scrollLeft, top: scroller.scrollTop };
      scroller.classList.add('panning');
      scroller.setPointerCapture(e.pointerId);
    }
  });
  scroller.addEventListener('pointermove', (e) => {
    if (app.drag && app.l) {
      const x = e.clientX - scroller.getBoundingClientRect().left + scroller.scrollLeft;
      app.drag.day = dayAt(app.l, x);
      showTooltip(app, e, `${app.drag.row.title}: ${app.drag.row.endField} ${formatDayLabel(app.drag.day)}`);
      app.requestDraw();
      return;
    }
    if (pan) {
      scroller.scrollLeft = pan.left - (e.clientX - pan.x);
      scroller.scrollTop = pan.top - (e.clientY - pan.y);
      return;
    }
    const row = rowAt(app, e.target, e);
    const edge = edgeAt(app, e.target);
    if (row) showTooltip(app, e, describeRow(row));
    else if (edge) showTooltip(app, e, `${describeRow(edge)}. Outside the view: click to show it.`);
    else app.parts.tooltip.hidden = true;
  });
  scroller.addEventListener('pointerup', (e) => {
    if (app.drag) {
      const { row, day } = app.drag;
      app.drag = undefined;
      app.parts.tooltip.hidden = true;
      if (day !== row.end && row.endField) app.host.post({ type: 'reschedule', rowId: row.id, field: row.endField, date: formatDayLabel(day), generation: app.generation });
      app.relayout();
      return;
    }
    if (pan) {
      const moved = Math.abs(e.clientX - pan.x) + Math.abs(e.clientY - pan.y) > 3;
      pan = undefined;
      scroller.classList.remove('panning');
      if (moved) return;
    }
    const target = e.target as Element;
    const toggle = target.closest?.('[data-toggle]')?.getAttribute('data-toggle');
    if (toggle) return app.toggle(app.l?.byId.get(toggle));
    const edgeRow = edgeAt(app, e.target);
    if (edgeRow?.end !== undefined) return app.scrollToDay(edgeRow.start ?? edgeRow.end);
    const row = rowAt(app, e.target, e);
    if (row) app.select(row.id, true);
  });
  scroller.addEventListener('pointerleave', () => (app.parts.tooltip.hidden = true));
  scroller.addEventListener('keydown', (e) => onKey(app, e));
  window.addEventListener('message', (e: MessageEvent) => onMessage(app, e.data, exportImage));
}

function rowAt(app: TimelineApp, target: EventTarget | null, e?: PointerEvent): ViewRow | undefined {
  const id = (target as Element | null)?.closest?.('[data-row]')?.getAttribute('data-row');
  if (id) return app.l?.byId.get(id);
  // The label column has a background only for lanes and the selection: a row's line there is found by its height.
  const s = app.parts.scroller;
  const box = s.getBoundingClientRect();
  if (!e || !app.l || e.clientX - box.left >= app.l.labelWidth || e.clientY - box.top < AXIS_HEIGHT) return undefined;
  return app.l.rows[Math.floor((e.clientY - box.top - AXIS_HEIGHT + s.scrollTop) / ROW_HEIGHT)];
}

function edgeAt(app: TimelineApp, target: EventTarget | null): ViewRow | undefined {
  const id = (target as Element | null)?.closest?.('[data-edge]')?.getAttribute('data-edge');
  return id ? app.l?.byId.get(id) : undefined;
}

function showTooltip(app: TimelineApp, e: PointerEvent, text: string): void {
  const t = app.parts.tooltip;
  t.hidden = false;
  t.textContent = text;
  t.style.left = `${Math.min(e.clientX + 12, window.innerWidth - 430)}px`;
  t.style.top = `${e.clientY + 16}px`;
}

function onMessage(app: TimelineApp, data: unknown, exportImage: (format: 'svg' | 'png') => void): void {
  const message = data as HostMessage<TimelineView> | undefined;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'model' && isTimelineView(message.model)) {
    app.generation = typeof message.generation === 'number' ? message.generation : undefined;
    app.setModel(message.model);
  } else if (message.type === 'reveal' && typeof message.rowId === 'string') app.reveal(message.rowId);
  else if (message.type === 'requestExport' && (message.format === 'svg' || message.format === 'png')) exportImage(message.format);
}

function onKey(app: TimelineApp, e: KeyboardEvent): void {
  const l = app.l;
  if (!l || !app.view) return;
  const rows = l.rows;
  const at = app.state.selected ? l.rowIndex.get(app.state.selected) ?? -1 : -1;
  const s = app.parts.scroller;
  const move = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    app.select(row.id, false);
    const y = l.rowIndex.get(row.id)! * ROW_HEIGHT;
    const view = s.clientHeight - AXIS_HEIGHT;
    if (y < s.scrollTop) s.scrollTop = y;
    else if (y + ROW_HEIGHT > s.scrollTop + view) s.scrollTop = y + ROW_HEIGHT - view;
  };
  const preset = ZOOMS.indexOf(l.zoom);
  const zoomBy = (step: number) => app.setScale({ zoom: ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, preset + step))] });
  const keys: Record<string, () => void> = {
    ArrowDown: () => move(at + 1),
    ArrowUp: () => move(at - 1),
    Home: () => move(0),
    End: () => move(rows.length - 1),
    Enter: () => app.state.selected && app.select(app.state.selected, true),
    ArrowLeft: () => app.toggle(rows[at], true),
    ArrowRight: () => app.toggle(rows[at], false),
    '+': () => zoomBy(-1),
    '=': () => zoomBy(-1),
    '-': () => zoomBy(1),
    f: () => app.setScale({ zoom: app.state.zoom, fit: true }),
    t: () => app.scrollToDay(app.view!.today),
  };
  const run = Object.hasOwn(keys, e.key) ? keys[e.key] : undefined;
  if (run) {
    e.preventDefault();
    run();
  }
}
