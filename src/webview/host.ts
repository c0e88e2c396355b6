/** Where the page runs: in VS Code's webview (messages, webview state) or standalone (localStorage). */
import type { WebviewMessage } from '../protocol/messages';
import type { TimelineView } from '../protocol/timeline';
import { sanitizeState, type SavedState } from './state';

export interface Host {
  kind: 'vscode' | 'standalone';
  post(message: WebviewMessage): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}

declare function acquireVsCodeApi(): { postMessage(m: unknown): void; getState(): unknown; setState(s: unknown): void };

export function createHost(): Host {
  if (typeof acquireVsCodeApi === 'function') {
    const api = acquireVsCodeApi();
    return { kind: 'vscode', post: (m) => api.postMessage(m), getState: () => readState(api.getState()), setState: (s) => api.setState(s) };
  }
  // A file:// page may have no storage (or refuse it): remembering is then skipped, never fatal.
  const key = `roadmark-timeline:${location.pathname}`;
  return {
    kind: 'standalone',
    post: () => undefined,
    getState: () => {
      try {
        return readState(JSON.parse(localStorage.getItem(key) ?? 'null'));
      } catch {
        return undefined;
      }
    },
    setState: (s) => {
      try {
        localStorage.setItem(key, JSON.stringify(s));
      } catch {
        // storage full or disabled
      }
    },
  };
}

function readState(raw: unknown): SavedState | undefined {
  return raw && typeof raw === 'object' ? sanitizeState(raw) : undefined;
}

/** The shape checks a model from the extension must pass before it is drawn. */
export function isTimelineView(m: unknown): m is TimelineView {
  const v = m as TimelineView | undefined;
  return !!v && typeof v === 'object' && Array.isArray(v.rows) && Array.isArray(v.arrows) && typeof v.today === 'number' && typeof v.title === 'string'
    && Array.isArray(v.domain) && v.domain.length === 2 && v.domain.every((d) => typeof d === 'number') && !!v.facets && typeof v.facets === 'object'
    && v.rows.every((r) => r && typeof r.id === 'string' && typeof r.title === 'string' && Array.isArray(r.owners));
}
