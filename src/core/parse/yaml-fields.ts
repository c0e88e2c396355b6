/** Reading fields (with their source ranges) out of a `yaml` document's nodes. */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { lineEnd } from './markdown-blocks';
import type { Field, Problem, Span, ValuePart } from '../model/types';
import { normalizeKey } from '../model/fields';

export interface YamlPair {
  key: string;
  /** The key as written. */
  rawKey: string;
  keySpan: Span;
  value: Node | null;
  /** From the key's start to the value's end. */
  span: Span;
}

export function nodeSpan(node: Node | null | undefined, base: number, fallback: Span): Span {
  const r = node?.range;
  return r ? { start: base + r[0], end: base + r[1] } : fallback;
}

/** The pairs of a mapping, in order, with normalised keys. */
export function mapPairs(map: YAMLMap, base: number): YamlPair[] {
  const pairs: YamlPair[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as Node | null;
    const rawKey = isScalar(keyNode) ? String(keyNode.value ?? '') : '';
    const keySpan = nodeSpan(keyNode, base, { start: base, end: base });
    const valueNode = (pair.value as Node | null) ?? null;
    const span = { start: keySpan.start, end: nodeSpan(valueNode, base, keySpan).end };
    pairs.push({ key: normalizeKey(rawKey), rawKey, keySpan, value: valueNode, span });
  }
  return pairs;
}

function scalarPart(node: Node, base: number): ValuePart | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  const text = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return { text, span: innerSpan(node, base) };
}

/** A scalar's text without its quotes (an unterminated quote keeps its last character), so edits replace just the value. */
function innerSpan(node: Node, base: number): Span {
  const span = nodeSpan(node, base, { start: base, end: base });
  const token = node.srcToken as { type?: string; source?: string } | undefined;
  if (token?.type !== 'double-quoted-scalar' && token?.type !== 'single-quoted-scalar') return span;
  const source = token.source ?? '';
  const closed = source.length > 1 && source[source.length - 1] === source[0];
  return { start: span.start + 1, end: Math.max(span.start + 1, span.end - (closed ? 1 : 0)) };
}

/** Anchors of a document (`&name`), so an alias (`*name`) in a field value reads as its anchor's value. */
export type Anchors = Map<string, Node[]>;

export function collectAnchors(doc: Document.Parsed): Anchors {
  const anchors: Anchors = new Map();
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) stack.push(node.value, node.key);
    else if (isCollection(node) || isScalar(node)) {
      if (node.anchor) anchors.set(node.anchor, [...(anchors.get(node.anchor) ?? []), node]);
      if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return anchors;
}

/** The node an alias stands for: the last anchor of that name before it. */
export function resolveAlias(node: Node | null, anchors: Anchors | undefined): Node | null | undefined {
  if (!isAlias(node)) return node;
  const at = node.range?.[0] ?? Infinity;
  const before = (anchors?.get(node.source) ?? []).filter((n) => (n.range?.[0] ?? Infinity) < at);
  return before[before.length - 1];
}

/** Converts one `key: value` pair to a Field; an alias reads as its anchor's value (located at the alias). */
export function pairToField(pair: YamlPair, base: number, anchors?: Anchors): Field {
  const written = pair.value;
  const resolved = resolveAlias(written, anchors);
  if (resolved === undefined) {
    const span = nodeSpan(written, base, pair.keySpan);
    return { key: pair.key, keySpan: pair.keySpan, valueSpan: span, parts: [{ text: '', span }], isList: false, shape: 'alias' };
  }
  const value = isAlias(written) ? resolved : written;
  const aliasSpan = isAlias(written) ? nodeSpan(written, base, pair.keySpan) : undefined;
  const emptyAt = { start: pair.keySpan.end, end: pair.keySpan.end };
  const field: Field = { key: pair.key, keySpan: pair.keySpan, valueSpan: aliasSpan ?? nodeSpan(value, base, emptyAt), parts: [], isList: false };
  if (value === null || (isScalar(value) && value.value === null)) {
    field.parts.push({ text: '', span: field.valueSpan });
    field.scalarType = 'null';
  } else if (isScalar(value)) {
    const part = scalarPart(value, base)!;
    field.parts.push(aliasSpan ? { ...part, span: aliasSpan } : part);
    const t = typeof value.value;
    if (t === 'number' || t === 'boolean') field.scalarType = t;
  } else if (isSeq(value)) {
    field.isList = true;
    for (const el of value.items) {
      const part = scalarPart((resolveAlias(el as Node, anchors) ?? el) as Node, base);
      if (part) field.parts.push(part);
      else field.shape = 'nested-list';
    }
  } else if (isMap(value)) {
    field.shape = 'mapping';
  }
  return field;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  problems: Problem[];
}

/** Deeper nesting than any plan needs; the yaml library's recursion (and V8's regexp compiler) fail far above it. */
export const MAX_YAML_DEPTH = 64;

/** Parses YAML text that starts at `base` in the file; syntax errors become parse-error problems. */
export function parseYamlAt(input: string, base: number): ParsedYaml {
  // A lone CR ends a line in editors; yaml reads only LF and CRLF. Same length, so offsets hold.
  const text = input.includes('\r') ? input.replace(/\r(?!\n)/g, '\n') : input;
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) {
    const doc = parseDocument('', { prettyErrors: false });
    const end = lineEnd(text, tooDeep);
    const span = { start: base + tooDeep, end: base + end - (text.slice(tooDeep, end).match(/(?:\r\n|\r|\n)$/)?.[0].length ?? 0) };
    return { doc, problems: [{ rule: 'parse-error', span, message: `YAML nested more than ${MAX_YAML_DEPTH} levels deep: this was not read` }] };
  }
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, keepSourceTokens: true });
  const clamp = (n: number) => base + Math.max(0, Math.min(n, text.length));
  const problems: Problem[] = doc.errors.map((e) => ({
    rule: 'parse-error',
    span: { start: clamp(e.pos[0]), end: clamp(Math.max(e.pos[1], e.pos[0])) },
    message: `YAML: ${firstLine(e.message)}`,
  }));
  return { doc, problems };
}

/**
 * Where the nesting of block collections (indentation levels and `- - x` on one line) or of
 * flow collections (`[[[…`) first exceeds MAX_YAML_DEPTH, if it does; one linear pass.
 */
export function excessiveNesting(text: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let blockScalarIndent = -1;
  for (let pos = 0; pos < text.length;) {
    const end = lineEnd(text, pos);
    const line = text.slice(pos, end).replace(/[\r\n]+$/, '');
    const indent = /^ */.exec(line)![0].length;
    const content = line.slice(indent);
    if (blockScalarIndent >= 0 && (content === '' || indent > blockScalarIndent)) {
      pos = end;
      continue;
    }
    blockScalarIndent = -1;
    if (content !== '' && !content.startsWith('#') && flow === 0) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      const compact = (/^(?:[-?:](?:[ \t]+|$))*/.exec(content)![0].match(/[-?:]/g) ?? []).length;
      if (indents.length + compact > MAX_YAML_DEPTH) return pos;
      if (/(?:^|[:\s-])[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(content)) blockScalarIndent = indent;
    }
    const deeper = flowDepthOverflow(line, flow);
    if (typeof deeper === 'number' && deeper < 0) return pos + ~deeper;
    flow = deeper as number;
    pos = end;
  }
  return undefined;
}

/** The flow depth after a line, or the bitwise complement of the column where it passes the limit. */
function flowDepthOverflow(line: string, start: number): number {
  let depth = start;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) break;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_DEPTH) return ~i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return depth;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
