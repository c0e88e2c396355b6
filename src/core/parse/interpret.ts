/**
 * Turns an item's written fields into typed values (status, dates, links, money), reporting
 * invalid-date, invalid-value and unknown-field problems at the field's own position.
 */
import { parseDateOrPeriod } from '../dates';
import { explainDate, monthEndFix } from '../human-dates';
import { splitList } from './attributes';
import { label, withArticle } from '../model/queries';
import { readDependency } from '../model/dependency';
import { FIELDS, isFieldOf, isKnownKey, kindsKnowing, suggestKey, synonymOf } from '../model/fields';
import type { DateValue, Field, Item, Link, MoneyValue, Problem, Span } from '../model/types';
import { HORIZONS, isEstimate, parseHorizon, parseMoney, parseNumber, parseProgress, parseStatus, STATUSES } from '../model/values';

const NUMERIC = new Set(['reach', 'impact', 'confidence', 'effort']);
export const ID_PATTERN = /^[^\s,{}#"'=]+$/;
/** Keys only Obsidian Tasks' emoji write: ✅ DATE and ❌ DATE on a task. */
const EMOJI_STATUS: ReadonlyMap<string, 'done' | 'dropped'> = new Map([['done-on', 'done'], ['dropped-on', 'dropped']]);

/** Reads an item's fields into its typed properties. Structure keys (goals, tasks…) are skipped. */
export function interpretFields(item: Item, problems: Problem[], structureKeys: ReadonlySet<string> = new Set()): void {
  const seen = new Map<string, Field>();
  for (const written of item.fields) {
    if (structureKeys.has(written.key)) continue;
    const field = knownField(item, written, problems);
    if (!field) continue;
    const earlier = seen.get(field.key);
    if (earlier) {
      problems.push(problem('invalid-value', field.keySpan, `Field '${field.key}' is set twice on ${label(item)}; the first value is used`, item));
      continue;
    }
    seen.set(field.key, field);
    applyField(item, field, problems);
  }
  reportEmojiConflict(item, seen, problems);
}

/** `❌ 2027-01-31` with `status=in-progress`: the written status is used, and the clash is said on the emoji. */
function reportEmojiConflict(item: Item, seen: ReadonlyMap<string, Field>, problems: Problem[]): void {
  const done = seen.get('done-on');
  const dropped = seen.get('dropped-on');
  if (done && dropped) {
    problems.push(problem('invalid-value', dropped.valueSpan, `${label(item)} is marked both done (✅) and dropped (❌); the last one written is used`, item));
  }
  const status = seen.get('status');
  if (!status) return;
  for (const [key, meant] of EMOJI_STATUS) {
    const emoji = seen.get(key);
    if (emoji && item.status !== meant) {
      problems.push(problem('invalid-value', emoji.valueSpan, `${label(item)} is marked ${meant} by its emoji, but its status is ${item.status}; the status is used`, item));
    }
  }
}

/** The field to apply: itself when the kind knows it, its canonical name for a synonym (reported with a fix), else none (reported). */
function knownField(item: Item, field: Field, problems: Problem[]): Field | undefined {
  if (isFieldOf(item.kind, field.key)) return field;
  if (item.kind === 'task' && EMOJI_STATUS.has(field.key)) return field;
  const synonym = synonymOf(field.key);
  if (synonym && isFieldOf(item.kind, synonym)) {
    const found = problem('unknown-field', field.keySpan, `Unknown field '${field.key}' on ${label(item)}: read as '${synonym}'; write '${synonym}'`, item);
    found.fixes = [{ title: `Rename '${field.key}' to '${synonym}'`, span: field.keySpan, text: synonym }];
    found.key = field.key;
    problems.push(found);
    return { ...field, key: synonym };
  }
  if (!isKnownKey(field.key)) {
    const hint = suggestKey(field.key, item.kind) ?? suggestKey(field.key);
    const suffix = hint ? `: did you mean '${hint}'?` : `; ${withArticle(item.kind)} has the fields ${(FIELDS.get(item.kind) ?? []).join(', ')}`;
    const found = problem('unknown-field', field.keySpan, `Unknown field '${field.key}' on ${label(item)}${suffix}`, item);
    if (hint) found.fixes = [{ title: `Rename '${field.key}' to '${hint}'`, span: field.keySpan, text: hint, guess: true }];
    found.key = field.key;
    problems.push(found);
  } else {
    const owners = kindsKnowing(field.key).map(withArticle).join(', ');
    const found = problem('unknown-field', field.keySpan, `Field '${field.key}' does not apply to ${label(item)} (it is a field of ${owners})`, item);
    found.key = field.key;
    problems.push(found);
  }
  return undefined;
}

function applyField(item: Item, written: Field, problems: Problem[]): void {
  if (written.shape === 'alias') {
    problems.push(problem('invalid-value', written.valueSpan, `'${written.key}' on ${label(item)} is an alias with no anchor of that name before it`, item));
    return;
  }
  const field = SPLIT_KEYS.has(written.key) ? splitScalar(written) : written;
  const text = field.parts.map((p) => p.text).join(', ');
  const single = field.isList || field.shape ? undefined : text;
  const invalid = (message: string) => problems.push(problem('invalid-value', field.valueSpan, message, item));
  switch (field.key) {
    case 'status': {
      const status = single === undefined ? undefined : parseStatus(single);
      if (status) item.status = status;
      else invalid(`Unknown status '${text}' on ${label(item)}: use ${STATUSES.join(', ')}`);
      return;
    }
    case 'horizon': {
      const horizon = single === undefined ? undefined : parseHorizon(single);
      if (horizon) item.horizon = horizon;
      else invalid(`Unknown horizon '${text}' on ${label(item)}: use ${HORIZONS.join(', ')}`);
      return;
    }
    case 'due': case 'start': case 'end':
      item[field.key] = readDate(item, field, problems);
      return;
    case 'target':
      if (item.kind === 'initiative') item.target = readDate(item, field, problems);
      return;
    case 'done-on': case 'dropped-on':
      if (readDate(item, field, problems)) item.status = EMOJI_STATUS.get(field.key)!;
      return;
    case 'goal': case 'delivers': case 'depends':
      item[field.key] = readLinks(item, field, problems);
      return;
    case 'budget': case 'spent':
      item[field.key] = readMoney(item, field, problems);
      return;
    case 'owner':
      item.owners = readOwners(field);
      if (item.owners.length === 0) invalid(`'owner' on ${label(item)} is empty: write a name, or several separated by commas`);
      return;
    case 'progress': {
      const value = single === undefined ? undefined : parseProgress(single);
      if (value === undefined) invalid(`'progress' on ${label(item)} must be a percentage from 0 to 100 (60%), not '${text}'`);
      else item.progress = { value, span: field.valueSpan };
      return;
    }
    case 'estimate':
      if (single === undefined || !isEstimate(field.scalarType === 'number' ? Number(single) : single)) {
        invalid(`Estimate '${text}' on ${label(item)} is not a number with an optional unit (h, d, w, pts)`);
      }
      return;
    case 'done':
      if (field.scalarType !== 'boolean') invalid(`'done' on ${label(item)} must be true or false, not '${text}'`);
      return;
    case 'id':
      if (single === undefined || !ID_PATTERN.test(single)) invalid(`Id '${text}' on ${label(item)} must be one word without spaces, commas, quotes or braces`);
      return;
    default:
      if (NUMERIC.has(field.key) && (single === undefined || parseNumber(single) === undefined)) {
        invalid(`'${field.key}' on ${label(item)} must be a number, not '${text}'`);
      }
  }
}

/** Fields whose one string may hold several values separated by commas, in YAML as in Markdown (1.1). */
const SPLIT_KEYS = new Set(['goal', 'delivers', 'depends', 'owner']);

function splitScalar(field: Field): Field {
  if (field.isList || field.shape || field.parts.length !== 1 || !field.parts[0].text.includes(',')) return field;
  const part = field.parts[0];
  const parts = splitList(part.text, part.span.start);
  return parts.length > 1 ? { ...field, parts, isList: true } : field;
}

/** `lea, tom`, a list, `@lea @tom`: every owner, without the `@`. */
function readOwners(field: Field): string[] {
  const owners: string[] = [];
  for (const part of field.parts) {
    const words = part.text.split(/\s+/);
    const handles = words.length > 1 && words.every((w) => w.startsWith('@')) ? words : [part.text];
    for (const h of handles) {
      const name = h.replace(/^@/, '').trim();
      if (name && !owners.includes(name)) owners.push(name);
    }
  }
  return owners;
}

function readDate(item: Item, field: Field, problems: Problem[]): DateValue | undefined {
  if (field.isList || field.shape) {
    problems.push(problem('invalid-date', field.valueSpan, `'${field.key}' on ${label(item)} must be one date, not a list`, item));
    return undefined;
  }
  const part = field.parts[0];
  const text = part?.text ?? '';
  if (text === '') {
    problems.push(problem('invalid-date', field.valueSpan, `'${field.key}' on ${label(item)} is empty: write a date (YYYY-MM-DD) or a period (2027-Q1)`, item));
    return undefined;
  }
  const parsed = parseDateOrPeriod(text);
  if (parsed.ok) return { ...parsed.value, span: field.valueSpan };
  problems.push(dateProblem(item, field, text, part.span, parsed.reason));
  return undefined;
}

/** An invalid date, with the canonical reading and its fix where the form is recognisable (1.1). */
function dateProblem(item: Item, field: Field, text: string, fixSpan: Span, reason: string): Problem {
  const found = problem('invalid-date', field.valueSpan, `Invalid ${field.key} on ${label(item)}: ${reason}`, item);
  const explained = explainDate(text, fixSpan);
  if (explained?.kind === 'readings') {
    found.message = `Invalid ${field.key} on ${label(item)}: ${explained.message}`;
    found.fixes = explained.fixes;
  } else if (explained?.kind === 'needs-today') {
    found.relativeDate = { text, field: field.key, itemLabel: label(item), fixSpan };
  } else {
    const monthEnd = monthEndFix(text, fixSpan);
    if (monthEnd) found.fixes = [monthEnd];
  }
  return found;
}

/** `[Ledger API](#ledger-api)`, `[t](file.md#id)`, `[[ledger-api]]`, `#ledger-api`, `ledger-api`; for depends, a type after it. */
const MARKDOWN_LINK = /^\[[^\]]*\]\(\s*<?([^)\s>]*?)#([^)\s>]+)>?\s*\)/;
const WIKI_LINK = /^\[\[([^\]|#]+)(?:\|[^\]]*)?\]\]/;

function readLinks(item: Item, field: Field, problems: Problem[]): Link[] {
  if (field.shape) {
    problems.push(problem('invalid-value', field.valueSpan, `'${field.key}' on ${label(item)} must be an id or a list of ids`, item));
    return [];
  }
  if (field.parts.every((p) => p.text.trim() === '')) {
    // `goal: #m1` in YAML is a key with a comment: the id is gone unless it is said.
    problems.push(problem('invalid-value', field.valueSpan, `'${field.key}' on ${label(item)} is empty: write an id (in YAML, # starts a comment: write the id without it, or quote it)`, item));
    return [];
  }
  const links: Link[] = [];
  for (const part of field.parts) {
    const link = readLink(item, field, part, problems);
    if (link) links.push(link);
  }
  return links;
}

function readLink(item: Item, field: Field, part: Field['parts'][number], problems: Problem[]): Link | undefined {
  const span = field.isList && !field.inAttributeBlock ? part.span : field.valueSpan;
  const target = linkTarget(part);
  if (!target) return undefined;
  const link: Link = { id: target.id, span, idSpan: target.idSpan };
  if (target.file) link.file = target.file;
  if (!target.rest) return link;
  if (field.key === 'depends' && /^(?:FS|SS|FF|SF)\b/i.test(target.rest)) {
    const dep = readDependency(`${target.id} ${target.rest}`);
    if (!dep.ok) problems.push(problem('invalid-value', span, `Dependency on '${target.id}' from ${label(item)}: ${dep.reason}`, item));
    else link.dep = { type: dep.value.type, lagDays: dep.value.lagDays };
    return link;
  }
  // Words after an id that are no dependency type: the text as written is the id (broken-link then suggests the nearest).
  return { id: part.text.replace(/^#/, '').trim(), span, idSpan: part.span };
}

interface LinkTarget { id: string; idSpan: Span; file?: string; rest: string }

function linkTarget(part: Field['parts'][number]): LinkTarget | undefined {
  const md = MARKDOWN_LINK.exec(part.text);
  if (md) {
    const at = part.span.start + md[0].lastIndexOf(`#${md[2]}`) + 1;
    return { id: decodeId(md[2]), idSpan: { start: at, end: at + md[2].length }, file: md[1] || undefined, rest: part.text.slice(md[0].length).trim() };
  }
  const wiki = WIKI_LINK.exec(part.text);
  if (wiki) {
    const id = wiki[1].trim();
    const at = part.span.start + 2 + wiki[1].indexOf(id);
    return { id, idSpan: { start: at, end: at + id.length }, rest: part.text.slice(wiki[0].length).trim() };
  }
  const words = /^#?(\S+)(?:\s+([\s\S]*))?$/.exec(part.text);
  if (!words) return undefined;
  const at = part.span.start + part.text.indexOf(words[1]);
  return { id: words[1], idSpan: { start: at, end: at + words[1].length }, rest: words[2]?.trim() ?? '' };
}

function decodeId(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function readMoney(item: Item, field: Field, problems: Problem[]): MoneyValue | undefined {
  const text = field.parts.map((p) => p.text).join(', ');
  const money = field.isList || field.shape ? undefined : parseMoney(field.scalarType === 'number' ? Number(text) : text);
  if (!money) {
    problems.push(problem('invalid-value', field.valueSpan, `'${field.key}' on ${label(item)} is not an amount of money: '${text}' (write 40000 EUR, €40,000, 1.000,50 € or 40k)`, item));
    return undefined;
  }
  if (money.amount < 0) {
    problems.push(problem('invalid-value', field.valueSpan, `'${field.key}' on ${label(item)} is negative (${text})`, item));
    return undefined;
  }
  return { ...money, span: field.valueSpan };
}

export function problem(rule: string, span: Problem['span'], message: string, item?: Item): Problem {
  return item ? { rule, span, message, item: item.id } : { rule, span, message };
}

export { Label, label, withArticle } from '../model/queries';
