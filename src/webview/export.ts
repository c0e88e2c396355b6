/** The whole timeline (not just what is on screen) as an SVG or PNG, with the legend and, when shown, the baseline. */
import { layout, visibleRows } from '../render/layout';
import { drawTimeline } from '../render/svg';
import { exportCss, type ThemeKind } from '../render/theme';
import type { TimelineApp } from './app';

/** Browsers cap canvas sides near 16k pixels: very tall plans are scaled down to fit. */
const MAX_CANVAS = 16000;

export function themeKind(): ThemeKind {
  const body = document.body.classList;
  const root = document.documentElement.classList;
  if (body.contains('vscode-high-contrast') || root.contains('theme-hc') || matchMedia('(prefers-contrast: more)').matches) return 'hc';
  if (body.contains('vscode-dark') || root.contains('theme-dark') || (!body.contains('vscode-light') && !root.contains('theme-light') && matchMedia('(prefers-color-scheme: dark)').matches)) return 'dark';
  return 'light';
}

export function exportSvg(app: TimelineApp): string | undefined {
  if (!app.view || !app.l) return undefined;
  const styles = getComputedStyle(document.documentElement);
  // The exported image is as wide as the plan, not as the window.
  const rows = visibleRows(app.view, app.state.filters, new Set(app.state.collapsed));
  const l = layout(app.view, rows, {
    zoom: app.l.zoom, pxPerDay: app.l.pxPerDay, labelWidth: app.l.labelWidth, compact: app.state.compact,
  });
  return drawTimeline(app.view, l, undefined, { ...app.drawOptions(), selected: undefined, legend: app.state.legend, style: exportCss(themeKind(), (v) => styles.getPropertyValue(v)) });
}

export function exportImage(app: TimelineApp, format: 'svg' | 'png'): void {
  const svg = exportSvg(app);
  if (!svg) return;
  const href = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  if (format === 'svg') return deliver(app, 'svg', svg, href);
  const size = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  const [width, height] = [Number(size[1]), Number(size[2])];
  const image = new Image();
  image.onload = () => {
    const scale = Math.min(2, MAX_CANVAS / width, MAX_CANVAS / height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(width * scale);
    canvas.height = Math.floor(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0);
    const png = canvas.toDataURL('image/png');
    deliver(app, 'png', png, png);
  };
  image.src = href;
}

function deliver(app: TimelineApp, format: 'svg' | 'png', data: string, href: string): void {
  if (app.host.kind === 'vscode') {
    app.host.post(format === 'svg' ? { type: 'export', format, data } : { type: 'export', format, data });
    return;
  }
  const a = document.createElement('a');
  a.href = href;
  a.download = `timeline.${format}`;
  a.click();
}
