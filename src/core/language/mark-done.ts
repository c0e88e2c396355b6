/**
 * The smallest text edit that marks an item done: tick a task's box, rewrite a written
 * status, or add `status: done` where the item keeps its other fields. Everything else in the
 * file stays byte for byte.
 */
import type { Field, ParsedFile, Span } from '../model/types';

export interface TextEdit {
  span: Span;
  newText: string;
}

export type MarkDoneResult = { ok: true; edit: TextEdit } | { ok: false; reason: string };

const YAML_PATH = /\.ya?ml$/i;

export function markDoneEdit(file: ParsedFile, index: number, text: string): MarkDoneResult {
  const item = file.items[index];
  if (!item) return { ok: false, reason: 'The item is no longer in the file' };
  if (item.status === 'done') return { ok: false, reason: `'${item.title}' is already done` };
  const yaml = YAML_PATH.test(file.path);
  if (item.kind === 'task') return yaml ? yamlTaskEdit(item.fields, item.extent, text) : markdownTaskEdit(item.extent, item.anchor, text);
  return setFieldEdit(file, index, 'status', 'done', text);
}

/**
 * The edit that gives an item's field a new scalar value: the written value is replaced in
 * place, or the field is added where the item keeps its other fields (YAML mapping, front
 * matter, field list, attribute block), or an attribute block is added to a bare heading.
 */
export function setFieldEdit(file: ParsedFile, index: number, key: string, value: string, text: string): MarkDoneResult {
  const item = file.items[index];
  if (!item) return { ok: false, reason: 'The item is no longer in the file' };
  const yaml = YAML_PATH.test(file.path);
  const written = item.fields.find((f) => f.key === key && !f.isList && f.parts.length === 1);
  if (written) return { ok: true, edit: { span: written.parts[0].span, newText: value } };
  if (yaml) return appendLine(text, item.fields, `${key}: ${value}`, 'spaces');
  if (item.parent < 0) return appendLine(text, item.fields, `${key}: ${value}`, 'prefix');
  const listed = item.fields.filter((f) => !f.inAttributeBlock);
  if (listed.length) return appendLine(text, listed, `${key}: ${value}`, 'prefix');
  const heading = text.slice(item.anchor.start, item.anchor.end);
  if (heading.endsWith('}')) {
    const close = item.anchor.end - 1;
    const gap = /[{\s]$/.test(text.slice(close - 1, close)) ? '' : ' ';
    return { ok: true, edit: { span: { start: close, end: close }, newText: `${gap}${key}=${value}` } };
  }
  return { ok: true, edit: { span: { start: item.anchor.end, end: item.anchor.end }, newText: ` {${key}=${value}}` } };
}

function markdownTaskEdit(extent: Span, anchor: Span, text: string): MarkDoneResult {
  const marker = /\[ \]/.exec(text.slice(extent.start, Math.max(anchor.start, extent.start + 1)));
  if (!marker) return { ok: false, reason: 'No unchecked box found on the task line' };
  const at = extent.start + marker.index + 1;
  return { ok: true, edit: { span: { start: at, end: at + 1 }, newText: 'x' } };
}

function yamlTaskEdit(fields: Field[], extent: Span, text: string): MarkDoneResult {
  const done = fields.find((f) => f.key === 'done' && !f.isList && f.parts.length === 1);
  if (done) return { ok: true, edit: { span: done.parts[0].span, newText: 'true' } };
  if (!fields.length || text[extent.start] === '{') return { ok: false, reason: 'Write this task as a mapping with a `title` to mark it done' };
  return appendLine(text, fields, 'done: true', 'spaces');
}

/**
 * Adds `entry` on a new line after the item's last field, indented like it. `prefix` repeats
 * what precedes the key on that line (a field list's `- `); `spaces` repeats only its width
 * (a YAML sequence entry's `- ` must not start a new entry).
 */
function appendLine(text: string, fields: Field[], entry: string, indent: 'prefix' | 'spaces'): MarkDoneResult {
  if (!fields.length) return { ok: false, reason: 'The item has no fields to add a status next to' };
  const last = fields.reduce((a, b) => (fieldEnd(b) > fieldEnd(a) ? b : a));
  const keyLineStart = text.lastIndexOf('\n', last.keySpan.start - 1) + 1;
  const lead = text.slice(keyLineStart, last.keySpan.start);
  const pad = indent === 'prefix' ? lead : ' '.repeat(lead.length);
  let end = fieldEnd(last);
  if (text[end - 1] === '\n') end--;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { ok: true, edit: { span: { start: lineEnd, end: lineEnd }, newText: `${eol}${pad}${entry}` } };
}

function fieldEnd(f: Field): number {
  return Math.max(f.valueSpan.end, f.keySpan.end, ...f.parts.map((p) => p.span.end));
}
