/**
 * Turns an item's written fields into typed values (status, dates, links, money), reporting
 * invalid-date, invalid-value and unknown-field problems at the field's own position.
 */
import { parseDateOrPeriod } from '../dates';
import { FIELDS, isFieldOf, isKnownKey, kindsKnowing, suggestKey } from '../model/fields';
import type { DateValue, Field, Item, Link, MoneyValue, Problem } from '../model/types';
import { HORIZONS, isEstimate, parseHorizon, parseMoney, parseNumber, parseStatus, STATUSES } from '../model/values';

const NUMERIC = new Set(['reach', 'impact', 'confidence', 'effort']);
const ID_PATTERN = /^[^\s,{}#"'=]+$/;

/** Reads an item's fields into its typed properties. Structure keys (goals, tasks…) are skipped. */
export function interpretFields(item: Item, problems: Problem[], structureKeys: ReadonlySet<string> = new Set()): void {
  const seen = new Map<string, Field>();
  for (const field of item.fields) {
    if (structureKeys.has(field.key)) continue;
    if (!checkKnown(item, field, problems)) continue;
    const earlier = seen.get(field.key);
    if (earlier) {
      problems.push(problem('invalid-value', field.keySpan, `Field '${field.key}' is set twice on ${label(item)}; the first value is used`, item));
      continue;
    }
    seen.set(field.key, field);
    applyField(item, field, problems);
  }
}

function checkKnown(item: Item, field: Field, problems: Problem[]): boolean {
  if (isFieldOf(item.kind, field.key)) return true;
  if (!isKnownKey(field.key)) {
    const hint = suggestKey(field.key, item.kind) ?? suggestKey(field.key);
    const suffix = hint ? `: did you mean '${hint}'?` : `; ${kindName(item.kind)} fields are ${FIELDS[item.kind].join(', ')}`;
    const found = problem('unknown-field', field.keySpan, `Unknown field '${field.key}' on ${label(item)}${suffix}`, item);
    if (hint) found.fixes = [{ title: `Rename '${field.key}' to '${hint}'`, span: field.keySpan, text: hint }];
    problems.push(found);
  } else {
    const owners = kindsKnowing(field.key).map(kindName).join(', ');
    problems.push(problem('unknown-field', field.keySpan, `Field '${field.key}' does not apply to ${kindName(item.kind)} ${label(item)} (it is a field of: ${owners})`, item));
  }
  return false;
}

function applyField(item: Item, field: Field, problems: Problem[]): void {
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
    case 'goal': case 'delivers': case 'depends':
      item[field.key] = readLinks(item, field, problems);
      return;
    case 'budget': case 'spent':
      item[field.key] = readMoney(item, field, problems);
      return;
    case 'owner':
      item.owners = field.parts.map((p) => p.text.replace(/^@/, '').trim()).filter(Boolean);
      return;
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

function readDate(item: Item, field: Field, problems: Problem[]): DateValue | undefined {
  if (field.isList || field.shape) {
    problems.push(problem('invalid-date', field.valueSpan, `'${field.key}' on ${label(item)} must be one date, not a list`, item));
    return undefined;
  }
  const text = field.parts[0]?.text ?? '';
  if (text === '') {
    problems.push(problem('invalid-date', field.valueSpan, `'${field.key}' on ${label(item)} is empty: write a date (YYYY-MM-DD) or a period (2027-Q1)`, item));
    return undefined;
  }
  const parsed = parseDateOrPeriod(text);
  if (!parsed.ok) {
    problems.push(problem('invalid-date', field.valueSpan, `Invalid ${field.key} on ${label(item)}: ${parsed.reason}`, item));
    return undefined;
  }
  return { ...parsed.value, span: field.valueSpan };
}

function readLinks(item: Item, field: Field, problems: Problem[]): Link[] {
  if (field.shape) {
    problems.push(problem('invalid-value', field.valueSpan, `'${field.key}' on ${label(item)} must be an id or a list of ids`, item));
    return [];
  }
  const links: Link[] = [];
  for (const part of field.parts) {
    const id = part.text.replace(/^#/, '').trim();
    if (!id) continue;
    const at = part.span.start + part.text.indexOf(id);
    links.push({ id, span: field.isList && !field.inAttributeBlock ? part.span : field.valueSpan, idSpan: { start: at, end: at + id.length } });
  }
  return links;
}

function readMoney(item: Item, field: Field, problems: Problem[]): MoneyValue | undefined {
  const text = field.parts.map((p) => p.text).join(', ');
  const money = field.isList || field.shape ? undefined : parseMoney(field.scalarType === 'number' ? Number(text) : text);
  if (!money) {
    problems.push(problem('invalid-value', field.valueSpan, `'${field.key}' on ${label(item)} is not an amount of money: '${text}' (write 40000 EUR, €40,000 or 40k)`, item));
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

export function kindName(kind: string): string {
  return kind;
}

/** The same as label(), capitalised to open a sentence. */
export function Label(item: Pick<Item, 'kind' | 'title' | 'id'>): string {
  const text = label(item);
  return text[0].toUpperCase() + text.slice(1);
}

/** How messages name an item: `milestone 'Pilot in the first clinic'`. */
export function label(item: Pick<Item, 'kind' | 'title' | 'id'>): string {
  return `${item.kind} '${item.title || item.id}'`;
}
