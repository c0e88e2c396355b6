/**
 * The typed channel between the extension and the timeline webview. Messages from the webview
 * are untrusted input: `parseWebviewMessage` checks every field (and that there are no others)
 * before anything acts on one, and `checkReschedule` checks a drag against the model it was
 * made on.
 *
 * Async safety: every model carries the `generation` of the index it was built from; `open`
 * and `reschedule` echo the generation of the model they were made on, and the host refuses
 * (and sends a fresh model) when the index changed since. A reschedule without a generation
 * (a page from an older build) is treated as stale.
 */
import { parseDateOrPeriod, type Day } from '../core/dates';
import { isDateField, type DateField } from '../core/language/reschedule';
import type { TimelineView, ViewRow } from './timeline';

export type { DateField } from '../core/language/reschedule';

/** Extension → webview. */
export type HostMessage<Model> =
  | { type: 'model'; model: Model; generation: number }
  /** Scroll to and select a row (from "Open Timeline" on a tree item). */
  | { type: 'reveal'; rowId: string }
  /** The panel's title-bar export buttons: answer with an `export` message of the whole timeline. */
  | { type: 'requestExport'; format: 'svg' | 'png' };

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  /** View options that change the model itself (tasks add rows). */
  | { type: 'options'; tasks: boolean }
  /** Open the source of a row in the editor; `generation` is the model's the row came from. */
  | { type: 'open'; rowId: string; generation?: number }
  /** A bar's end (or start, or a milestone) was dragged to a new day on the model of `generation`. */
  | { type: 'reschedule'; rowId: string; field: DateField; date: string; generation?: number }
  /** The whole timeline as SVG text, or as a PNG data URL, to save. */
  | { type: 'export'; format: 'svg'; data: string }
  | { type: 'export'; format: 'png'; data: string };

export const MAX_ID = 1000;
/** An export's size limits, in characters (a PNG data URL is about 4/3 of its bytes). */
export const MAX_SVG = 32 * 1024 * 1024;
export const MAX_PNG = 64 * 1024 * 1024;
export const PNG_DATA_URL = 'data:image/png;base64,';
/** The years a drag may move a date to. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The keys each message may have: any other key (`__proto__`, `constructor`, extras) rejects it. */
const KEYS: Record<WebviewMessage['type'], { required: readonly string[]; optional: readonly string[] }> = {
  ready: { required: ['type'], optional: [] },
  options: { required: ['type', 'tasks'], optional: [] },
  open: { required: ['type', 'rowId'], optional: ['generation'] },
  reschedule: { required: ['type', 'rowId', 'field', 'date'], optional: ['generation'] },
  export: { required: ['type', 'format', 'data'], optional: [] },
};

function isString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max;
}

function isGeneration(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** A plain object (not an array, class instance or object with a foreign prototype) with exactly the allowed own keys. */
function hasShape(m: object, type: WebviewMessage['type']): boolean {
  const proto = Object.getPrototypeOf(m);
  if (proto !== Object.prototype && proto !== null) return false;
  const { required, optional } = KEYS[type];
  const keys = Reflect.ownKeys(m);
  if (keys.some((k) => typeof k !== 'string' || (!required.includes(k) && !optional.includes(k)))) return false;
  return required.every((k) => Object.prototype.hasOwnProperty.call(m, k));
}

/** Returns the message when it is well-formed, else undefined (and it is ignored). */
export function parseWebviewMessage(input: unknown): WebviewMessage | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const m = input as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(m, 'type') || typeof m.type !== 'string' || !Object.prototype.hasOwnProperty.call(KEYS, m.type)) return undefined;
  const type = m.type as WebviewMessage['type'];
  if (!hasShape(m, type)) return undefined;
  if ('generation' in m && !isGeneration(m.generation)) return undefined;
  const generation = isGeneration(m.generation) ? { generation: m.generation } : {};
  switch (type) {
    case 'ready':
      return { type: 'ready' };
    case 'options':
      return typeof m.tasks === 'boolean' ? { type: 'options', tasks: m.tasks } : undefined;
    case 'open':
      return isString(m.rowId, MAX_ID) ? { type: 'open', rowId: m.rowId, ...generation } : undefined;
    case 'reschedule':
      if (!isString(m.rowId, MAX_ID) || !isString(m.date, 10) || parseDay(m.date) === undefined) return undefined;
      if (!isDateField(m.field)) return undefined;
      return { type: 'reschedule', rowId: m.rowId, field: m.field, date: m.date, ...generation };
    case 'export':
      if (m.format === 'svg' && isString(m.data, MAX_SVG) && isSvgDocument(m.data)) return { type: 'export', format: 'svg', data: m.data };
      if (m.format === 'png' && isString(m.data, MAX_PNG) && isPngDataUrl(m.data)) return { type: 'export', format: 'png', data: m.data };
      return undefined;
  }
}

/** A real calendar day `YYYY-MM-DD` in years 1000–9999, else undefined. */
export function parseDay(text: string): Day | undefined {
  if (!DATE.test(text)) return undefined;
  const year = Number(text.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const parsed = parseDateOrPeriod(text);
  return parsed.ok && !parsed.value.isPeriod ? parsed.value.first : undefined;
}

/** The date fields a row may be dragged by: its own deadline field, and `start` where it has a start bar of its own. */
export function draggableFields(row: ViewRow): DateField[] {
  const fields: DateField[] = [];
  if (row.endField) fields.push(row.endField);
  const ownsStart = row.kind === 'project' || row.kind === 'milestone' || row.kind === 'task';
  if (ownsStart && row.shape === 'bar' && row.start !== undefined) fields.push('start');
  return fields;
}

export type RescheduleCheck =
  | { ok: true; row: ViewRow & { source: NonNullable<ViewRow['source']> }; field: DateField; day: Day }
  /** `stale`: the message was made on another model than the index's current one: send a fresh model. */
  | { ok: false; stale: boolean; reason: string };

/**
 * Checks a reschedule against the model last sent (`model`, built at `modelGeneration`) and the
 * index's generation now. Only an up-to-date drag of a field the row owns, to a real day, passes.
 */
export function checkReschedule(message: Extract<WebviewMessage, { type: 'reschedule' }>, model: TimelineView | undefined, modelGeneration: number | undefined, indexGeneration: number): RescheduleCheck {
  if (!model || modelGeneration === undefined) return { ok: false, stale: true, reason: 'the timeline has no model yet' };
  if (message.generation === undefined) return { ok: false, stale: true, reason: 'the message does not say which model it was made on' };
  if (message.generation !== modelGeneration || modelGeneration !== indexGeneration) return { ok: false, stale: true, reason: 'the plans changed since the drag started' };
  const row = model.rows.find((r) => r.id === message.rowId);
  if (!row || !row.source) return { ok: false, stale: false, reason: `no row '${message.rowId}'` };
  if (!draggableFields(row).includes(message.field)) return { ok: false, stale: false, reason: `a ${row.kind} row cannot be dragged by '${message.field}'` };
  const day = parseDay(message.date);
  if (day === undefined) return { ok: false, stale: false, reason: `'${message.date}' is not a day between ${MIN_YEAR} and ${MAX_YEAR}` };
  return { ok: true, row: row as ViewRow & { source: NonNullable<ViewRow['source']> }, field: message.field, day };
}

/** Whether an `open` may act: made on the current model (an older page without a generation means the last one sent). */
export function isCurrentOpen(message: Extract<WebviewMessage, { type: 'open' }>, modelGeneration: number | undefined, indexGeneration: number): boolean {
  if (modelGeneration === undefined || modelGeneration !== indexGeneration) return false;
  return message.generation === undefined || message.generation === modelGeneration;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The last 12 bytes of every PNG: the empty IEND chunk and its CRC. */
const PNG_END = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A `data:image/png;base64,` URL whose payload is canonical base64 (alphabet, padding, length,
 * zero padding bits) of bytes that start with the PNG signature and end with its IEND chunk.
 */
export function isPngDataUrl(data: string): boolean {
  if (!data.startsWith(PNG_DATA_URL)) return false;
  const b64 = data.slice(PNG_DATA_URL.length);
  if (b64.length < 28 || b64.length % 4 !== 0) return false;
  if (!/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) return false;
  const tail = decodeBase64(b64.slice(-20));
  const head = decodeBase64(b64.slice(0, 12));
  if (!head || !tail) return false;
  return PNG_SIGNATURE.every((b, i) => head[i] === b) && PNG_END.every((b, i) => tail[tail.length - PNG_END.length + i] === b);
}

/** Decodes canonical base64 (a multiple of 4 characters); undefined when padding bits are set or a character is foreign. */
export function decodeBase64(text: string): number[] | undefined {
  if (text.length % 4 !== 0) return undefined;
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const quad = text.slice(i, i + 4);
    const pad = quad.endsWith('==') ? 2 : quad.endsWith('=') ? 1 : 0;
    if (pad && i + 4 !== text.length) return undefined;
    const v = [...quad.slice(0, 4 - pad)].map((c) => B64.indexOf(c));
    if (v.some((x) => x < 0)) return undefined;
    while (v.length < 4) v.push(0);
    const n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
    const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    if (pad === 2 && (n & 0xffff) !== 0) return undefined;
    if (pad === 1 && (n & 0xff) !== 0) return undefined;
    out.push(...bytes.slice(0, 3 - pad));
  }
  return out;
}

/**
 * An SVG document: one `<svg>` root element, well-formed (tags balanced, attributes quoted),
 * with nothing but an XML declaration, comments and white space around it, no DOCTYPE (no
 * entities) and no scripts; at most MAX_SVG characters.
 */
export function isSvgDocument(data: string): boolean {
  if (data.length > MAX_SVG) return false;
  const stack: string[] = [];
  let pos = 0;
  let rootSeen = false;
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  const prolog = /\s*(?:<\?xml\s[^?]*\?>)?/y;
  prolog.lastIndex = 0;
  if (prolog.exec(data)) pos = prolog.lastIndex;
  while (pos < data.length) {
    const lt = data.indexOf('<', pos);
    const text = data.slice(pos, lt < 0 ? data.length : lt);
    if (stack.length === 0 && text.trim() !== '') return false;
    if (lt < 0) break;
    if (data.startsWith('<!--', lt)) {
      const end = data.indexOf('-->', lt + 4);
      if (end < 0) return false;
      pos = end + 3;
      continue;
    }
    if (data.startsWith('<![CDATA[', lt)) {
      const end = data.indexOf(']]>', lt + 9);
      if (end < 0 || stack.length === 0) return false;
      pos = end + 3;
      continue;
    }
    tag.lastIndex = lt;
    const m = tag.exec(data);
    if (!m) return false;
    const [, closing, name, , selfClosing] = m;
    if (/^script$|^foreignobject$/i.test(name)) return false;
    if (closing) {
      if (selfClosing || m[3] || stack.pop() !== name) return false;
    } else {
      if (stack.length === 0) {
        if (rootSeen || name !== 'svg') return false;
        rootSeen = true;
      }
      if (/\son[a-z]+\s*=/i.test(m[3])) return false;
      if (!selfClosing) stack.push(name);
    }
    pos = tag.lastIndex;
  }
  return rootSeen && stack.length === 0;
}
