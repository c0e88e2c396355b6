/** Parsing of the enumerated and numeric field values: status, horizon, money, numbers. */

export type Status = 'idea' | 'planned' | 'in-progress' | 'blocked' | 'done' | 'dropped';
export type Horizon = 'now' | 'next' | 'later';

export const STATUSES: readonly Status[] = ['idea', 'planned', 'in-progress', 'blocked', 'done', 'dropped'];
export const HORIZONS: readonly Horizon[] = ['now', 'next', 'later'];

const STATUS_ALIASES: Record<string, Status> = {
  todo: 'in-progress', doing: 'in-progress', active: 'in-progress', wip: 'in-progress',
  complete: 'done', completed: 'done', shipped: 'done', released: 'done',
  cancelled: 'dropped', canceled: 'dropped', 'wont-do': 'dropped',
};

function canonicalWord(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/[’']/g, '');
}

export function parseStatus(text: string): Status | undefined {
  const word = canonicalWord(text);
  if ((STATUSES as readonly string[]).includes(word)) return word as Status;
  return STATUS_ALIASES[word] ?? (word === 'wontdo' ? 'dropped' : undefined);
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

const SYMBOLS: Record<string, string> = { '€': 'EUR', '$': 'USD', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'CHF': 'CHF' };
const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, bn: 1e9, b: 1e9 };

/**
 * Parses `40000 EUR`, `€40,000`, `40k`, `$1.2M`, `EUR 40 000`. Thousands separators are
 * `,`, `_`, spaces and apostrophes; the decimal mark is `.`.
 */
export function parseMoney(input: string | number): Money | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? { amount: input } : undefined;
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
    const found = SYMBOLS[symbol[1] ?? symbol[2]];
    if (currency && currency !== found) return undefined;
    currency = found;
    text = text.slice(0, symbol.index) + text.slice(symbol.index + symbol[0].length);
  }
  const m = /^(-?)(\d{1,3}(?:[,_' ]\d{3})+|\d+)(\.\d+)?\s*([a-zA-Z]{0,2})$/.exec(text.trim());
  if (!m) return undefined;
  const suffix = m[4].toLowerCase();
  const multiplier = suffix === '' ? 1 : MULTIPLIERS[suffix];
  if (multiplier === undefined) return undefined;
  const amount = Number(m[2].replace(/[,_' ]/g, '') + (m[3] ?? '')) * multiplier * (m[1] ? -1 : 1);
  return { amount, currency };
}

export function formatMoney(money: Money): string {
  const amount = money.amount.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return money.currency ? `${amount} ${money.currency}` : amount;
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
