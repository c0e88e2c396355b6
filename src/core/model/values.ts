/** Parsing of the enumerated and numeric field values: status, horizon, money, numbers. */

export type Status = 'idea' | 'planned' | 'in-progress' | 'blocked' | 'done' | 'dropped';
export type Horizon = 'now' | 'next' | 'later';

export const STATUSES: readonly Status[] = ['idea', 'planned', 'in-progress', 'blocked', 'done', 'dropped'];
export const HORIZONS: readonly Horizon[] = ['now', 'next', 'later'];

const STATUS_ALIASES: ReadonlyMap<string, Status> = new Map([
  ['todo', 'in-progress'], ['doing', 'in-progress'], ['active', 'in-progress'], ['wip', 'in-progress'],
  ['complete', 'done'], ['completed', 'done'], ['shipped', 'done'], ['released', 'done'],
  ['cancelled', 'dropped'], ['canceled', 'dropped'], ['wont-do', 'dropped'], ['wontdo', 'dropped'],
]);

function canonicalWord(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/[’']/g, '');
}

export function parseStatus(text: string): Status | undefined {
  const word = canonicalWord(text);
  if ((STATUSES as readonly string[]).includes(word)) return word as Status;
  return STATUS_ALIASES.get(word);
}

export function parseHorizon(text: string): Horizon | undefined {
  const word = canonicalWord(text);
  return (HORIZONS as readonly string[]).includes(word) ? (word as Horizon) : undefined;
}

export function isClosed(status: Status): boolean {
  return status === 'done' || status === 'dropped';
}

export interface Money {
  amount: number;
  /** ISO code (EUR) or the symbol as written ($); undefined when none was written. */
  currency?: string;
}

const SYMBOLS: ReadonlyMap<string, string> = new Map([['€', 'EUR'], ['$', 'USD'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR']]);
const MULTIPLIERS: ReadonlyMap<string, number> = new Map([['', 1], ['k', 1e3], ['m', 1e6], ['mm', 1e6], ['bn', 1e9], ['b', 1e9]]);

/**
 * Parses `40000 EUR`, `€40,000`, `40k`, `$1.5m`, `EUR 40 000`, `1.000,50 €`. A separator
 * (`,` `.` space `'` `’` `_`) followed by exactly three digits groups thousands; followed by one
 * or two digits it is the decimal mark (1.1): `1.000 €` is one thousand, `1,5m` one and a half million.
 */
export function parseMoney(input: string | number): Money | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { amount: input } : undefined;
  if (input.length > 64) return undefined;
  let text = input.trim();
  let currency: string | undefined;
  const code = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(text);
  if (code) {
    currency = code[1] ?? code[2];
    text = text.slice(0, code.index) + text.slice(code.index + code[0].length);
  }
  const symbol = /^([€$£¥₹])\s*|\s*([€$£¥₹])$/.exec(text.trim());
  if (symbol) {
    text = text.trim();
    const found = SYMBOLS.get(symbol[1] ?? symbol[2]);
    if (currency && currency !== found) return undefined;
    currency = found;
    text = text.slice(0, symbol.index) + text.slice(symbol.index + symbol[0].length);
  }
  const m = /^(-?)(\d+(?:[,.' ’_\u00a0\u202f]\d+)*)\s*([a-zA-Z]{0,2})$/.exec(text.trim());
  if (!m) return undefined;
  const multiplier = MULTIPLIERS.get(m[3].toLowerCase());
  const amount = readNumber(m[2]);
  if (multiplier === undefined || amount === undefined) return undefined;
  return { amount: amount * multiplier * (m[1] ? -1 : 1), currency };
}

/** Digits with separators: groups of three after a separator are thousands; one or two digits after the last one are decimals. */
function readNumber(text: string): number | undefined {
  const groups = text.split(/[,.' ’_\u00a0\u202f]/);
  if (groups.length === 1) return Number(text);
  const last = groups[groups.length - 1];
  const decimals = last.length === 3 ? '' : last;
  if (decimals && decimals.length > 2) return undefined;
  const whole = decimals ? groups.slice(0, -1) : groups;
  if (whole.slice(1).some((g) => g.length !== 3)) return undefined;
  return Number(whole.join('') + (decimals ? `.${decimals}` : ''));
}

export function formatMoney(money: Money): string {
  const amount = money.amount.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return money.currency ? `${amount} ${money.currency}` : amount;
}

/** A written `progress` (1.1): 0–100 with an optional `%` (`60%`, `60`); returns 0–1. */
export function parseProgress(input: string | number): number | undefined {
  const text = typeof input === 'number' ? String(input) : input;
  const m = /^\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 0 && n <= 100 ? n / 100 : undefined;
}

/** A plain number, optionally written as a percentage (`80%`). */
export function parseNumber(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(input);
  if (!m) return undefined;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

/** A task estimate: a number with an optional unit (`3`, `2d`, `4h`, `1.5 weeks`, `5 pts`). */
export function isEstimate(input: string | number): boolean {
  if (typeof input === 'number') return input >= 0;
  return /^\s*\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|d|days?|w|wks?|weeks?|m|mo|months?|pts?|points?|sp)?\s*$/i.test(input);
}
