/**
 * Where a cursor stands for completion, read from the line being typed (the parsed file may be a
 * keystroke behind): a field name or a field value, in an attribute block, a field list, front
 * matter or YAML, and the kind of the item the field belongs to.
 */
import { CHILD_LISTS, HEADING_KEYWORDS, normalizeKey, synonymOf } from '../model/fields';
import type { FileType, Kind, Span } from '../model/types';
import { frontMatterBounds } from '../parse/markdown';

export type FieldPlace = 'attribute' | 'field-list' | 'yaml';

export interface KeyContext {
  type: 'key';
  place: FieldPlace;
  kind: Kind;
  /** The partial key typed so far (replaced by the completion). */
  span: Span;
  /** Keys already written on the same line or block, not offered again. */
  written: string[];
}

export interface ValueContext {
  type: 'value';
  place: FieldPlace;
  kind: Kind;
  /** Canonical field name (a synonym is read as its field). */
  key: string;
  /** Where the key is written: inside the item the field belongs to. */
  keyAt: number;
  /** The list entry being typed, up to the cursor. */
  span: Span;
  partial: string;
  /** Entries of the same list written before this one. */
  before: string[];
  /** Inside a quoted attribute value, where spaces are allowed. */
  quoted: boolean;
  /** `due:` with no space after the colon: the completion brings its own. */
  needsSpace: boolean;
}

export type CompletionContext = KeyContext | ValueContext;

const HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/;
const TASK_LINE = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX/-]\][ \t]/;
const KEYWORD = /^\s*(goal|initiative|feature|epic|project|milestone)\s*:/i;
const CHILD_KIND = new Map<string, Kind>([...CHILD_LISTS.values()].flatMap((m) => [...m]));

/** The completion context at `offset` of `text` (no BOM), or undefined where no field is written. */
export function completionContext(text: string, offset: number, fileType: FileType, yaml: boolean): CompletionContext | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  if (yaml) return yamlContext(before, lineStart, yamlKindAt(text, lineStart, before, fileType));
  const front = frontMatterBounds(text);
  if (front && lineStart >= front.yamlStart && lineStart < front.yamlEnd) return yamlContext(before, lineStart, fileType);
  if (front && offset < front.bodyStart) return undefined;
  return attributeContext(before, lineStart, fileType) ?? fieldListContext(text, before, lineStart, fileType);
}

function canonical(key: string): string {
  const k = normalizeKey(key);
  return synonymOf(k) ?? k;
}

/** Splits the value typed so far into the list entries before the cursor's one and the cursor's entry. */
function valueParts(value: string, valueStart: number): { partial: string; span: Span; before: string[] } {
  let body = value;
  let start = valueStart;
  if (body.startsWith('[')) {
    body = body.slice(1);
    start++;
  }
  const comma = body.lastIndexOf(',');
  const before = comma < 0 ? [] : body.slice(0, comma).split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  let partStart = start + comma + 1;
  let partial = body.slice(comma + 1);
  const lead = partial.length - partial.trimStart().length;
  partStart += lead;
  partial = partial.slice(lead);
  if (/^["']/.test(partial)) {
    partial = partial.slice(1);
    partStart++;
  }
  return { partial, span: { start: partStart, end: partStart + partial.length }, before };
}

const YAML_VALUE = /^([ \t]*(?:-[ \t]+)*)([A-Za-z][\w -]*?)[ \t]*:([ \t]*)(.*)$/;
const YAML_KEY = /^([ \t]*(?:-[ \t]+)*)([A-Za-z][\w-]*)?$/;

function yamlContext(before: string, lineStart: number, kind: Kind): CompletionContext | undefined {
  if (/(^|\s)#/.test(before)) return undefined;
  const value = YAML_VALUE.exec(before);
  if (value) {
    const valueStart = lineStart + before.length - value[4].length;
    if (/^[|>{]/.test(value[4]) || /\][ \t]*$/.test(value[4])) return undefined;
    const parts = valueParts(value[4], valueStart);
    return { type: 'value', place: 'yaml', kind, key: canonical(value[2]), keyAt: lineStart + value[1].length, ...parts, quoted: false, needsSpace: value[3] === '' && value[4] === '' };
  }
  const key = YAML_KEY.exec(before);
  if (!key) return undefined;
  const start = lineStart + key[1].length;
  return { type: 'key', place: 'yaml', kind, span: { start, end: lineStart + before.length }, written: [] };
}

/**
 * The kind of the YAML mapping a line belongs to: the nearest enclosing child list (`milestones:`,
 * `tasks:`) found walking up to lines that are less indented, else the file's own kind.
 */
export function yamlKindAt(text: string, lineStart: number, before: string, fileType: FileType): Kind {
  const own = /^([ \t]*)(-[ \t]+)?/.exec(before)!;
  let threshold = own[2] ? own[1].length : own[0].length;
  let end = lineStart;
  while (end > 0 && threshold > 0) {
    const start = Math.max(text.lastIndexOf('\n', end - 2), text.lastIndexOf('\r', end - 2)) + 1;
    const line = text.slice(start, end).replace(/[\r\n]+$/, '');
    end = start;
    const m = /^([ \t]*)(-[ \t]+)?([A-Za-z][\w-]*)?[ \t]*(:?)[ \t]*(.*)$/.exec(line);
    if (!m || (!m[2] && !m[3]) || line.trimStart().startsWith('#')) continue;
    const keyCol = m[1].length + (m[2]?.length ?? 0);
    if (keyCol >= threshold) continue;
    const child = m[3] && m[4] && !m[5].trim() ? CHILD_KIND.get(normalizeKey(m[3])) : undefined;
    if (child) return child;
    threshold = m[1].length;
  }
  return fileType;
}

/** The kind of a heading line's item, or undefined when the heading is not an item. */
export function headingKind(line: string, fileType: FileType): Kind | undefined {
  const h = HEADING.exec(line);
  if (!h) return undefined;
  const keyword = KEYWORD.exec(h[1]);
  if (keyword) return HEADING_KEYWORDS.get(keyword[1].toLowerCase());
  return /\{\s*(?:#|[A-Za-z][\w-]*=)/.test(h[1]) ? defaultKind(fileType) : undefined;
}

function defaultKind(fileType: FileType): Kind {
  return fileType === 'roadmap' ? 'initiative' : 'milestone';
}

/** Complete tokens of an attribute block, each followed by a space; what follows is being typed. */
const BLOCK_TOKENS = /^(?:\s*(?:#[^\s{}=#"']*|[A-Za-z][\w-]*=(?:"[^"]*"|'[^']*'|[^\s{}"']*))(?=\s))*\s*/;

function attributeContext(before: string, lineStart: number, fileType: FileType): CompletionContext | undefined {
  const kind = TASK_LINE.test(before) ? 'task' : HEADING.test(before) ? headingKindOfTyping(before, fileType) : undefined;
  if (!kind) return undefined;
  for (let open = before.lastIndexOf('{'); open >= 0; open = before.lastIndexOf('{', open - 1)) {
    const inner = before.slice(open + 1);
    const done = BLOCK_TOKENS.exec(inner)![0];
    const rest = inner.slice(done.length);
    const written = [...done.matchAll(/([A-Za-z][\w-]*)=/g)].map((m) => canonical(m[1]));
    const restStart = lineStart + open + 1 + done.length;
    if (rest === '' || /^[A-Za-z][\w-]*$/.test(rest)) {
      return { type: 'key', place: 'attribute', kind, span: { start: restStart, end: restStart + rest.length }, written };
    }
    const value = /^([A-Za-z][\w-]*)=(["']?)([^"'{}]*)$/.exec(rest);
    if (!value) continue;
    if (!value[2] && /\s/.test(value[3])) continue;
    const valueStart = restStart + value[1].length + 1 + value[2].length;
    const parts = valueParts(value[3], valueStart);
    return { type: 'value', place: 'attribute', kind, key: canonical(value[1]), keyAt: restStart, ...parts, quoted: Boolean(value[2]), needsSpace: false };
  }
  return undefined;
}

/** A heading being typed counts as an item once it has a keyword, or an attribute block is being typed. */
function headingKindOfTyping(before: string, fileType: FileType): Kind | undefined {
  return headingKind(before, fileType) ?? (before.includes('{') ? defaultKind(fileType) : undefined);
}

const FIELD_VALUE = /^([ \t]*[-*+][ \t]+)(\*\*|__|`)?([A-Za-z][\w %'’.-]*?)(?:\*\*|__|`)?[ \t]*:(?:\*\*|__|`)?([ \t]*)(.*)$/;
const FIELD_KEY = /^([ \t]*[-*+][ \t]+)([A-Za-z][\w-]*)?$/;
const FIELD_ENTRY_LINE = /^[ \t]*[-*+][ \t]+(?:\*\*|__|`)?[A-Za-z][\w %'’.-]*?(?:\*\*|__|`)?[ \t]*:(?:\*\*|__|`)?(?:[ \t]|$)/;

function fieldListContext(text: string, before: string, lineStart: number, fileType: FileType): CompletionContext | undefined {
  const owner = fieldListOwner(text, lineStart, fileType);
  if (!owner) return undefined;
  const value = FIELD_VALUE.exec(before);
  if (value && !/^\[[ xX/-]\]/.test(value[3])) {
    const valueStart = lineStart + before.length - value[5].length;
    const parts = valueParts(value[5], valueStart);
    return { type: 'value', place: 'field-list', kind: owner.kind, key: canonical(value[3]), keyAt: lineStart + value[1].length, ...parts, quoted: false, needsSpace: value[4] === '' && value[5] === '' };
  }
  const key = FIELD_KEY.exec(before);
  if (!key) return undefined;
  const start = lineStart + key[1].length;
  return { type: 'key', place: 'field-list', kind: owner.kind, span: { start, end: lineStart + before.length }, written: owner.written };
}

/**
 * The item whose field list a line is in: the nearest heading above is an item, and every list
 * line between them is a `key: value` entry (prose may come first, as the format allows).
 */
function fieldListOwner(text: string, lineStart: number, fileType: FileType): { kind: Kind; written: string[] } | undefined {
  const written: string[] = [];
  let end = lineStart;
  let seenProse = false;
  for (let lines = 0; end > 0 && lines < 200; lines++) {
    const start = Math.max(text.lastIndexOf('\n', end - 2), text.lastIndexOf('\r', end - 2)) + 1;
    const line = text.slice(start, end).replace(/[\r\n]+$/, '');
    end = start;
    if (HEADING.test(line)) {
      const kind = headingKind(line, fileType);
      return kind ? { kind, written } : undefined;
    }
    if (!line.trim()) continue;
    if (FIELD_ENTRY_LINE.test(line)) {
      if (seenProse) return undefined;
      written.push(canonical(/[-*+][ \t]+(?:\*\*|__|`)?([^:*_`]+)/.exec(line)![1]));
      continue;
    }
    if (/^[ \t]*(?:[-*+]|\d+[.)])[ \t]/.test(line)) return undefined;
    seenProse = true;
  }
  return undefined;
}
