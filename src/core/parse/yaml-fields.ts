/** Reading fields (with their source ranges) out of a `yaml` document's nodes. */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
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
  return { text, span: nodeSpan(node, base, { start: base, end: base }) };
}

/** Converts one `key: value` pair to a Field. */
export function pairToField(pair: YamlPair, base: number): Field {
  const value = pair.value;
  const emptyAt = { start: pair.keySpan.end, end: pair.keySpan.end };
  const field: Field = { key: pair.key, keySpan: pair.keySpan, valueSpan: nodeSpan(value, base, emptyAt), parts: [], isList: false };
  if (value === null || (isScalar(value) && value.value === null)) {
    field.parts.push({ text: '', span: field.valueSpan });
    field.scalarType = 'null';
  } else if (isScalar(value)) {
    field.parts.push(scalarPart(value, base)!);
    const t = typeof value.value;
    if (t === 'number' || t === 'boolean') field.scalarType = t;
  } else if (isSeq(value)) {
    field.isList = true;
    for (const el of value.items) {
      const part = scalarPart(el as Node, base);
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

/** Parses YAML text that starts at `base` in the file; syntax errors become parse-error problems. */
export function parseYamlAt(text: string, base: number): ParsedYaml {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) => ({
    rule: 'parse-error',
    span: { start: base + e.pos[0], end: base + Math.max(e.pos[1], e.pos[0]) },
    message: `YAML: ${firstLine(e.message)}`,
  }));
  return { doc, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
