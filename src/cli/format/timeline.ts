/**
 * `roadmark timeline`: the same renderer as the editor's webview, as one self-contained HTML
 * page (script, styles and model inlined; a CSP with a nonce; no network) or as one SVG of the
 * whole timeline.
 */
import { randomBytes } from 'node:crypto';
import type { TimelineView } from '../../protocol/timeline';
import { layout, visibleRows } from '../../render/layout';
import type { Zoom } from '../../render/scale';
import { drawTimeline, esc } from '../../render/svg';
import { exportCss } from '../../render/theme';
import { timelinePage } from '../../render/page';

/** The bundled page script (dist/webview.js), put in by esbuild; absent when run from source. */
declare const ROADMARK_WEBVIEW_JS: string | undefined;

export function webviewScript(): string {
  if (typeof ROADMARK_WEBVIEW_JS === 'string') return ROADMARK_WEBVIEW_JS;
  throw new Error('The timeline page script is missing from this build: run `npm run build`');
}

export function timelineHtml(view: TimelineView, script = webviewScript()): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:`;
  // `<` escaped so plan text can never close the data block.
  const model = JSON.stringify(view).replace(/</g, '\\u003c');
  return timelinePage({
    csp,
    title: `${esc(view.title)} — Roadmark timeline`,
    host: 'standalone',
    scripts: `<script type="application/json" id="roadmark-model">${model}</script>\n<script nonce="${nonce}">${script.replace(/<\/script/gi, '<\\/script')}</script>`,
  });
}

export function timelineSvg(view: TimelineView, zoom: Zoom = 'month', dark = false): string {
  const l = layout(view, visibleRows(view, {}, new Set()), zoom);
  // As the page's export with its defaults: legend on, the drift baseline drawn when the model has one.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${drawTimeline(view, l, undefined, { style: exportCss(dark), legend: true, baseline: true })}\n`;
}
