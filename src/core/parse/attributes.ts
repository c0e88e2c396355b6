/**
 * The attribute block at the end of a heading or task line:
 * `{#id key=value key="a value" list=a,b}`.
 */
import type { Field, Span } from '../model/types';
import { normalizeKey } from '../model/fields';

export interface AttributeBlock {
  /** The whole `{…}` text. */
  span: Span;
  id?: { text: string; span: Span };
  fields: Field[];
}

export type AttributeScan =
  | { kind: 'none' }
  | { kind: 'block'; block: AttributeBlock }
  | { kind: 'broken'; span: Span; reason: string };

const TOKEN = /\s*(?:#([^\s{}=#"']+)|([A-Za-z_][\w-]*)=(?:"([^"]*)"|'([^']*)'|([^\s{}"']*))|(\}))/y;

/**
 * Looks for an attribute block that ends the text (`raw` starts at `offset` in the file).
 * A `{` that starts like a block (`{#` or `{key=`) but does not parse to the end is reported
 * as broken, so a typo never silently turns an item into plain text.
 */
export function scanAttributeBlock(raw: string, offset: number): AttributeScan {
  const trimmedEnd = raw.replace(/\s+$/, '').length;
  let broken: AttributeScan = { kind: 'none' };
  for (let open = raw.indexOf('{'); open >= 0; open = raw.indexOf('{', open + 1)) {
    const attempt = parseBlockAt(raw, open, trimmedEnd, offset);
    if (attempt.kind === 'block') return attempt;
    if (attempt.kind === 'broken' && broken.kind === 'none') broken = attempt;
  }
  return broken;
}

function parseBlockAt(raw: string, open: number, end: number, offset: number): AttributeScan {
  const looksLikeBlock = /^\{\s*(?:#|[A-Za-z_][\w-]*\s*=)/.test(raw.slice(open));
  const fail = (reason: string): AttributeScan =>
    looksLikeBlock ? { kind: 'broken', span: { start: offset + open, end: offset + end }, reason } : { kind: 'none' };
  const block: AttributeBlock = { span: { start: offset + open, end: offset + end }, fields: [] };
  TOKEN.lastIndex = open + 1;
  for (;;) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(raw);
    if (!m) return fail(describeFailure(raw, at));
    if (m[6]) {
      if (TOKEN.lastIndex !== end) return fail('text follows the closing `}`');
      return { kind: 'block', block };
    }
    const tokenStart = at + m[0].length - m[0].trimStart().length;
    if (m[1] !== undefined) {
      block.id = { text: m[1], span: { start: offset + tokenStart + 1, end: offset + TOKEN.lastIndex } };
      continue;
    }
    block.fields.push(attributeField(m, tokenStart, TOKEN.lastIndex, offset));
  }
}

function attributeField(m: RegExpExecArray, tokenStart: number, tokenEnd: number, offset: number): Field {
  const key = m[2];
  const quoted = m[3] ?? m[4];
  const value = quoted ?? m[5] ?? '';
  const valueStart = tokenStart + key.length + 1 + (quoted !== undefined ? 1 : 0);
  // One part; comma lists of link and owner fields are split where they are read.
  const parts = [{ text: value, span: { start: offset + valueStart, end: offset + valueStart + value.length } }];
  return {
    key: normalizeKey(key),
    keySpan: { start: offset + tokenStart, end: offset + tokenStart + key.length },
    valueSpan: { start: offset + tokenStart, end: offset + tokenEnd },
    parts,
    isList: false,
    inAttributeBlock: true,
  };
}

/** Splits `a, b,c` into trimmed parts with their own spans; one part when there is no comma. Commas inside `[…]` and `(…)` (a Markdown link's text or target) do not split. */
export function splitList(value: string, offset: number): { text: string; span: Span }[] {
  const parts: { text: string; span: Span }[] = [];
  const push = (from: number, to: number) => {
    const raw = value.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) parts.push({ text, span: { start: offset + from + lead, end: offset + from + lead + text.length } });
  };
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      push(from, i);
      from = i + 1;
    }
  }
  push(from, value.length);
  if (parts.length === 0) parts.push({ text: '', span: { start: offset, end: offset } });
  return parts;
}

function describeFailure(raw: string, at: number): string {
  const rest = raw.slice(at).trimStart();
  if (rest === '') return 'the attribute block has no closing `}`';
  if (/^"[^"]*$/.test(rest) || /^[\w-]+="[^"]*$/.test(rest)) return 'a quoted value is not closed';
  const word = /^[^\s}]*/.exec(rest)?.[0] ?? rest;
  return `cannot read \`${word}\` (expected \`#id\`, \`key=value\` or \`}\`)`;
}
