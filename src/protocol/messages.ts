/**
 * The typed channel between the extension and the timeline webview. Messages from the webview
 * are untrusted input: `parseWebviewMessage` checks every field before anything acts on one.
 */

/** Extension → webview. */
export type HostMessage<Model> =
  | { type: 'model'; model: Model }
  /** Scroll to and select a row (from "Open Timeline" on a tree item). */
  | { type: 'reveal'; rowId: string }
  /** The panel's title-bar export buttons: answer with an `export` message of the whole timeline. */
  | { type: 'requestExport'; format: 'svg' | 'png' };

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  /** View options that change the model itself (tasks add rows). */
  | { type: 'options'; tasks: boolean }
  /** Open the source of a row in the editor. */
  | { type: 'open'; rowId: string }
  /** A bar's end (or a milestone) was dragged to a new day. */
  | { type: 'reschedule'; rowId: string; field: 'due' | 'end' | 'start'; date: string }
  /** The whole timeline as SVG text, or as a PNG data URL, to save. */
  | { type: 'export'; format: 'svg'; data: string }
  | { type: 'export'; format: 'png'; data: string };

const MAX_ID = 1000;
const MAX_EXPORT = 64 * 1024 * 1024;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max;
}

/** Returns the message when it is well-formed, else undefined (and it is ignored). */
export function parseWebviewMessage(input: unknown): WebviewMessage | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const m = input as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'options':
      return typeof m.tasks === 'boolean' ? { type: 'options', tasks: m.tasks } : undefined;
    case 'open':
      return isString(m.rowId, MAX_ID) ? { type: 'open', rowId: m.rowId } : undefined;
    case 'reschedule':
      if (!isString(m.rowId, MAX_ID) || !isString(m.date, 10) || !DATE.test(m.date)) return undefined;
      if (m.field !== 'due' && m.field !== 'end' && m.field !== 'start') return undefined;
      return { type: 'reschedule', rowId: m.rowId, field: m.field, date: m.date };
    case 'export':
      if (!isString(m.data, MAX_EXPORT)) return undefined;
      if (m.format === 'svg' && m.data.trimStart().startsWith('<svg')) return { type: 'export', format: 'svg', data: m.data };
      if (m.format === 'png' && m.data.startsWith('data:image/png;base64,')) return { type: 'export', format: 'png', data: m.data };
      return undefined;
    default:
      return undefined;
  }
}
