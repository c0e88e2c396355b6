/**
 * The smallest text edit that marks an item done: tick a task's box, rewrite a written
 * status, or add `status: done` where the item keeps its other fields. Everything else in the
 * file stays byte for byte, and the result re-parses to exactly that one change.
 *
 * Spans in a ParsedFile are offsets into the text without its BOM; the text given here may
 * carry one (as read from disk), and the edit returned is then shifted to fit it.
 */
import { synonymOf } from '../model/fields';
import { bomLength } from './edits';
import type { Field, Item, ParsedFile, Span } from '../model/types';
import { scanAttributeBlock } from '../parse/attributes';

export interface TextEdit {
  span: Span;
  newText: string;
}

export type MarkDoneResult = { ok: true; edit: TextEdit } | { ok: false; reason: string };

const YAML_PATH = /\.ya?ml$/i;

export function markDoneEdit(file: ParsedFile, index: number, text: string): MarkDoneResult {
  return withoutBom(text, (body) => {
    const item = file.items[index];
    if (!item) return { ok: false, reason: 'The item is no longer in the file' };
    if (item.status === 'done') return { ok: false, reason: `'${item.title}' is already done` };
    if (item.kind === 'roadmap') return { ok: false, reason: 'A roadmap has no status: mark its goals, initiatives or projects done' };
    const yaml = YAML_PATH.test(file.path);
    if (item.kind === 'task') return yaml ? yamlTaskEdit(item, body) : markdownTask(item, body);
    return fieldEdit(file, index, 'status', 'done', body);
  });
}

/**
 * The edit that gives an item's field a new scalar value: the written value is replaced in
 * place (a list or mapping value as a whole), or the field is added where the item keeps its
 * other fields (YAML mapping, flow mapping, front matter, field list, attribute block), or an
 * attribute block is added to a heading that has none.
 */
export function setFieldEdit(file: ParsedFile, index: number, key: string, value: string, text: string): MarkDoneResult {
  return withoutBom(text, (body) => fieldEdit(file, index, key, value, body));
}

function withoutBom(text: string, run: (body: string) => MarkDoneResult): MarkDoneResult {
  const n = bomLength(text);
  if (n === 0) return run(text);
  const result = run(text.slice(n));
  if (!result.ok) return result;
  const { span, newText } = result.edit;
  return { ok: true, edit: { span: { start: span.start + n, end: span.end + n }, newText } };
}

function fieldEdit(file: ParsedFile, index: number, key: string, value: string, text: string): MarkDoneResult {
  const item = file.items[index];
  if (!item) return { ok: false, reason: 'The item is no longer in the file' };
  const yaml = YAML_PATH.test(file.path);
  const yamlFields = yaml || item.parent < 0;
  // The first writing of the field, canonical or a synonym (`deadline:`), is the one read: edit it.
  const written = item.fields.find((f) => f.key === key || synonymOf(f.key) === key);
  if (written) return replaceValue(text, written, value);
  if (yaml && item.kind === 'task' && !item.fields.length) return scalarTaskEdit(item, text, `${key}: ${value}`);
  // A Markdown task keeps its fields on its own line: in its attribute block (never a new line).
  if (!yaml && item.kind === 'task') return headingEdit(text, item, `${key}=${value}`);
  if (yamlFields) {
    if (!yaml && !item.fields.length && !/^---[ \t]*(?:\r\n|\r|\n)/.test(text)) {
      // A Markdown plan without front matter: the file-level field goes into new front matter.
      const eol = dominantEol(text);
      return { ok: true, edit: { span: { start: 0, end: 0 }, newText: `---${eol}${key}: ${value}${eol}---${eol}` } };
    }
    if (isFlowMapping(text, item, yaml)) return appendToFlow(item.fields, `${key}: ${value}`);
    // YAML or front matter: indentation only, never a `- ` or `? ` of the line before.
    return appendLine(text, item.fields, `${key}: ${value}`, 'spaces');
  }
  const listed = item.fields.filter((f) => !f.inAttributeBlock);
  if (listed.length) return appendLine(text, listed, `${key}: ${value}`, 'prefix');
  return headingEdit(text, item, `${key}=${value}`);
}

/** Replaces a written value: a scalar in place, a list or mapping whole; an empty value gets its space. */
function replaceValue(text: string, field: Field, value: string): MarkDoneResult {
  const part = field.parts[0];
  const scalar = !field.isList && !field.shape && field.parts.length === 1;
  // A YAML block scalar's range runs to the next line: the line break that ends it stays.
  if (scalar && part.text !== '' && part.span.end > part.span.start) return { ok: true, edit: { span: withoutTrailingBreaks(text, part.span), newText: value } };
  // `due: ""`: an empty quoted value is written inside its quotes.
  if (scalar && !field.inAttributeBlock && field.valueSpan.end > field.valueSpan.start && part.span.start > field.valueSpan.start && part.span.end < field.valueSpan.end) {
    return { ok: true, edit: { span: part.span, newText: value } };
  }
  if (field.inAttributeBlock) {
    // `status=`, `status=""`, `due=a,b`: the whole `key=value` is written anew.
    return { ok: true, edit: { span: field.valueSpan, newText: `${text.slice(field.keySpan.start, field.keySpan.end)}=${value}` } };
  }
  if (scalar && part.span.end > part.span.start) return { ok: true, edit: { span: withoutTrailingBreaks(text, part.span), newText: value } };
  if (scalar && field.valueSpan.start > field.keySpan.end && field.valueSpan.end === field.valueSpan.start) {
    // An empty field-list entry (`- due:`, `- **due:**`): the value goes where the reader looks for it.
    const at = field.valueSpan.start;
    return { ok: true, edit: { span: { start: at, end: at }, newText: /[ \t]/.test(text[at - 1] ?? '') ? value : ` ${value}` } };
  }
  const colon = text.indexOf(':', field.keySpan.end);
  if (colon < 0) return { ok: false, reason: `Cannot find the value of '${field.key}'` };
  if (scalar) {
    // `status:` with nothing after it: `status: done`, keeping a space already there.
    const spaced = text[colon + 1] === ' ' || text[colon + 1] === '\t';
    const at = spaced ? colon + 2 : colon + 1;
    return { ok: true, edit: { span: { start: at, end: at }, newText: spaced ? value : ` ${value}` } };
  }
  let end = Math.max(field.valueSpan.end, colon + 1);
  while (end > colon + 1 && /\s/.test(text[end - 1])) end--;
  if (field.valueSpan.start > colon && !/[\r\n]/.test(text.slice(colon + 1, field.valueSpan.start))) {
    // `due: [2027-01-01]`, `- due: a, b`: the value on the key's line is replaced where it stands.
    return { ok: true, edit: { span: { start: field.valueSpan.start, end }, newText: value } };
  }
  // A block list or mapping under the key: the whole value becomes one scalar on the key's line.
  return { ok: true, edit: { span: { start: colon + 1, end }, newText: ` ${value}` } };
}

function withoutTrailingBreaks(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start + 1 && /[\r\n \t]/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

/** A heading without a field list: extend its real attribute block, else add one at the end. */
function headingEdit(text: string, item: Item, entry: string): MarkDoneResult {
  const raw = text.slice(item.anchor.start, item.anchor.end);
  const scan = scanAttributeBlock(raw, item.anchor.start);
  if (scan.kind === 'broken') return { ok: false, reason: `The attribute block of '${item.title}' is broken (${scan.reason}): fix it first` };
  if (scan.kind === 'block') {
    const close = scan.block.span.end - 1;
    if (text[close] !== '}') return { ok: false, reason: `Cannot find the end of the attribute block of '${item.title}'` };
    const gap = /[{\s]/.test(text[close - 1]) ? '' : ' ';
    return { ok: true, edit: { span: { start: close, end: close }, newText: `${gap}${entry}` } };
  }
  // Braces in the title (`Ship v2 {beta}`) are title text: the new block goes after them.
  return { ok: true, edit: { span: { start: item.anchor.end, end: item.anchor.end }, newText: ` {${entry}}` } };
}

/** A written status (`{status=…}`) decides over the box, so it is the one to change; an ❌ date closes the task already. */
function markdownTask(item: Item, text: string): MarkDoneResult {
  if (item.fields.some((f) => f.key === 'dropped-on')) return { ok: false, reason: `'${item.title}' is marked dropped (❌): remove the ❌ date to reopen it first` };
  const status = item.fields.find((f) => f.key === 'status' || synonymOf(f.key) === 'status');
  return status ? replaceValue(text, status, 'done') : markdownTaskEdit(item.extent, item.anchor, text);
}

function markdownTaskEdit(extent: Span, _anchor: Span, text: string): MarkDoneResult {
  const at = taskBoxAt(text, extent);
  if (at === undefined || !/[ /-]/.test(text[at])) return { ok: false, reason: 'No unchecked box found on the task line' };
  return { ok: true, edit: { span: { start: at, end: at + 1 }, newText: 'x' } };
}

/**
 * The offset of the character inside a Markdown task's box (`- [ ]`, `1. [x]`), read from the
 * start of its line: the item's anchor may start at the box itself (a title opening with
 * `**bold**`), so the text before the anchor is not where to look.
 */
export function taskBoxAt(text: string, extent: Span): number | undefined {
  const box = /^[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX/-])\]/.exec(text.slice(extent.start, Math.min(text.length, extent.start + 200)));
  return box ? extent.start + box[0].length - 2 : undefined;
}

function yamlTaskEdit(item: Item, text: string): MarkDoneResult {
  const status = item.fields.find((f) => f.key === 'status' || synonymOf(f.key) === 'status');
  if (status) return replaceValue(text, status, 'done');
  const done = item.fields.find((f) => f.key === 'done');
  // The whole value, quotes included: `done: "true"` is a string, not the boolean a task needs.
  if (done && done.valueSpan.end > done.valueSpan.start && !done.isList && !done.shape) return { ok: true, edit: { span: done.valueSpan, newText: 'true' } };
  if (done) return replaceValue(text, done, 'true');
  if (!item.fields.length) return scalarTaskEdit(item, text, 'done: true');
  if (isFlowMapping(text, item, true)) return appendToFlow(item.fields, 'done: true');
  return appendLine(text, item.fields, 'done: true', 'spaces');
}

/** `tasks: [Order samples]`: a task written as its title alone becomes a flow mapping with the new entry. */
function scalarTaskEdit(item: Item, text: string, entry: string): MarkDoneResult {
  const written = text.slice(item.extent.start, item.extent.end);
  if (!written || /[\r\n]/.test(written) || /^[|>]/.test(written)) return { ok: false, reason: 'Write this task as a mapping with a `title` to change it' };
  const plain = /^["']/.test(written) || !/[,[\]{}#]|:\s|:$|^[-?:!&*%@`]/.test(written);
  return { ok: true, edit: { span: item.extent, newText: `{title: ${plain ? written : JSON.stringify(item.title)}, ${entry}}` } };
}

/** Whether the item's fields are written as a YAML flow mapping (`- {id: a, due: 2027-01-01}`). */
function isFlowMapping(text: string, item: Item, yamlFile: boolean): boolean {
  if (item.parent >= 0) return text[item.extent.start] === '{';
  if (!yamlFile) {
    // Front matter: the first significant character after the opening `---` line.
    const body = text.slice(text.search(/\r\n|\r|\n/) + 1);
    return /^(?:\s|#[^\r\n]*(?=[\r\n]|$))*\{/.test(body);
  }
  // A comment runs to the end of its line (else `# … {` would read as a flow mapping's brace).
  return /^(?:\s|#[^\r\n]*(?=[\r\n]|$)|%[^\r\n]*(?=[\r\n]|$)|---)*\{/.test(text);
}

/** Adds `, key: value` after the last value of a flow mapping, so the YAML stays valid. */
function appendToFlow(fields: Field[], entry: string): MarkDoneResult {
  if (!fields.length) return { ok: false, reason: 'The item has no fields to add a status next to' };
  const end = Math.max(...fields.map(fieldEnd));
  return { ok: true, edit: { span: { start: end, end }, newText: `, ${entry}` } };
}

/**
 * Adds `entry` on a new line after the item's last field, indented like it. `prefix` repeats
 * what precedes the key on that line (a field list's `- `); `spaces` repeats only its width
 * (a YAML sequence entry's `- ` must not start a new entry). The new line ends like most lines
 * of the file.
 */
function appendLine(text: string, fields: Field[], entry: string, indent: 'prefix' | 'spaces'): MarkDoneResult {
  if (!fields.length) return { ok: false, reason: 'The item has no fields to add a status next to' };
  // After the last plain `key: value` entry: a YAML `? key` entry would take the new line as its value.
  const plain = fields.filter((f) => f.key !== '' && (indent === 'prefix' || /^[ \t]*(?:- )?$/.test(text.slice(lineStartBefore(text, f.keySpan.start), f.keySpan.start))));
  const last = (plain.length ? plain : fields).reduce((a, b) => (fieldEnd(b) > fieldEnd(a) ? b : a));
  const keyLineStart = lineStartBefore(text, last.keySpan.start);
  const lead = text.slice(keyLineStart, last.keySpan.start);
  // A field list's bullet and indentation, without the emphasis or code mark of a `**key**:`.
  const pad = indent === 'prefix' ? lead.replace(/(?:\*\*|__|`)$/, '') : lead.replace(/[^\t]/g, ' ');
  let end = fieldEnd(last);
  while (end > last.keySpan.end && /[\r\n]/.test(text[end - 1])) end--;
  const lineEnd = nextLineBreak(text, end);
  return { ok: true, edit: { span: { start: lineEnd, end: lineEnd }, newText: `${dominantEol(text)}${pad}${entry}` } };
}

function lineStartBefore(text: string, at: number): number {
  return Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
}

function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return text.length;
}

/** The line ending most lines of the text use (LF when there are none). */
export function dominantEol(text: string): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

function fieldEnd(f: Field): number {
  return Math.max(f.valueSpan.end, f.keySpan.end, ...f.parts.map((p) => p.span.end));
}
