/**
 * Print: the whole timeline fitted to the page width and cut into pages of whole rows, each
 * with the axis on top; the legend follows the last page. Built on `beforeprint` (the browser's
 * Print, Ctrl+P, or the toolbar's Print) and removed afterwards; the print stylesheet hides the
 * live view.
 */
import { AXIS_HEIGHT, fitPxPerDay, layout, ROW_HEIGHT, visibleRows } from '../render/layout';
import { drawLegend, legendKeys } from '../render/legend';
import { drawTimeline } from '../render/svg';
import type { TimelineApp } from './app';

/** A4 landscape at 96 dpi, less 10 mm margins. */
export const PRINT_WIDTH = 1047;
export const PRINT_HEIGHT = 718;
const LABEL_WIDTH = 260;

export function rowsPerPage(): number {
  return Math.floor((PRINT_HEIGHT - AXIS_HEIGHT - 4) / ROW_HEIGHT);
}

export function preparePrint(app: TimelineApp, root: HTMLElement): void {
  removePrint(root);
  if (!app.view) return;
  const rows = visibleRows(app.view, app.state.filters, new Set(app.state.collapsed));
  const l = layout(app.view, rows, { zoom: app.state.zoom, pxPerDay: fitPxPerDay(app.view, PRINT_WIDTH - LABEL_WIDTH), labelWidth: LABEL_WIDTH, compact: app.state.compact });
  const per = rowsPerPage();
  const pages = document.createElement('div');
  pages.className = 'print-pages';
  const options = { ...app.drawOptions(), selected: undefined };
  for (let first = 0; first < Math.max(1, l.rows.length); first += per) {
    const count = Math.min(per, l.rows.length - first);
    const page = document.createElement('div');
    page.className = 'print-page';
    page.innerHTML = drawTimeline(app.view, l, { x: 0, y: first * ROW_HEIGHT, width: l.width, height: AXIS_HEIGHT + Math.max(1, count) * ROW_HEIGHT }, options);
    pages.append(page);
  }
  if (app.state.legend) {
    const keys = legendKeys(app.view, [...l.rows, ...[...l.inline.values()].flat()], { baseline: app.baselineShown() });
    const { svg, height } = drawLegend(keys, PRINT_WIDTH, 0, app.measure, app.view.baseline?.label);
    const legend = document.createElement('div');
    legend.className = 'print-legend';
    legend.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" class="legend-svg" width="${PRINT_WIDTH}" height="${height}" viewBox="0 0 ${PRINT_WIDTH} ${height}">${svg}</svg>`;
    pages.append(legend);
  }
  root.append(pages);
}

export function removePrint(root: HTMLElement): void {
  root.querySelector('.print-pages')?.remove();
}
