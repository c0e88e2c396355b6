/**
 * The timeline page: in the VS Code webview (model by message, clicks and drags sent back) and
 * as the CLI's standalone HTML (model embedded in the page). Wires the app (state and drawing),
 * its input, export and print together.
 */
import type { TimelineView } from '../protocol/timeline';
import { TimelineApp } from './app';
import { exportImage } from './export';
import { createHost, isTimelineView, type Host } from './host';
import { listen } from './interaction';
import { pageCss } from './page-css';
import { preparePrint, removePrint } from './print';

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
  const app: TimelineApp = new TimelineApp(root, host, {
    exportImage: (format) => exportImage(app, format),
    print: () => {
      preparePrint(app, root);
      window.print();
    },
  });
  listen(app, (format) => exportImage(app, format));
  window.addEventListener('beforeprint', () => preparePrint(app, root));
  window.addEventListener('afterprint', () => removePrint(root));
  (window as unknown as { roadmarkTimeline: TimelineApp }).roadmarkTimeline = app;
  (window as unknown as { roadmarkPrint: () => void }).roadmarkPrint = () => preparePrint(app, root);
  const embedded = document.getElementById('roadmark-model');
  if (embedded?.textContent) {
    const model: unknown = JSON.parse(embedded.textContent);
    if (isTimelineView(model)) app.setModel(model as TimelineView);
  }
  host.post({ type: 'ready' });
  if (host.getState()?.tasks) host.post({ type: 'options', tasks: true });
}

start();
