/**
 * "Did you mean" for broken links, at a bounded cost per link (habit 19: no all-pairs
 * comparison). The candidate ids are indexed once per check: under themselves and under every
 * id one character shorter that they become when a character is deleted. A wrong id shares
 * an entry with every candidate one edit away (and with one whose two neighbouring characters
 * were swapped), so those are found by lookup however many ids the workspace has. Only when
 * that finds nothing are ids of near length compared one by one, at most SCAN_LIMIT of them.
 * Entries are keyed by a hash of the shortened id, computed from prefix and suffix hashes
 * without building the string; a collision only adds a candidate, whose distance is exact.
 */
import { distance } from 'fastest-levenshtein';

/** Distance computations per link from the index (candidates beyond are not compared). */
const INDEX_LIMIT = 128;
/** Distance computations per link in the length scan. */
const SCAN_LIMIT = 96;
/** Longer ids are not put under their deletions (the index stays linear in the text of the ids). */
const MAX_INDEXED_LENGTH = 64;

/** How far a suggestion may be from what was written. */
export function allowedDistance(id: string): number {
  return Math.max(2, Math.floor(id.length / 3));
}

export class IdSuggester {
  /** Distinct candidate ids, in the order given (ties go to the first). */
  private readonly ids: string[] = [];
  /** Hash of an id or of the id less one character → candidate, or candidates (most keys have one). */
  private readonly index = new Map<number, number | number[]>();
  private readonly byLength = new Map<number, number[]>();
  private readonly cache = new Map<string, string | undefined>();
  /** `seen[n] === query` when candidate n was compared for the current query: no Set per query. */
  private seen = new Int32Array(0);
  private query = 0;
  private best = -1;
  private bestDistance = Infinity;
  private tries = 0;
  /** Distance computations so far, for tests of the cost. */
  comparisons = 0;

  constructor(ids: Iterable<string>) {
    const known = new Set<string>();
    for (const id of ids) {
      if (known.has(id)) continue;
      known.add(id);
      const n = this.ids.push(id) - 1;
      const sameLength = this.byLength.get(id.length);
      if (sameLength) sameLength.push(n);
      else this.byLength.set(id.length, [n]);
      if (id.length > MAX_INDEXED_LENGTH) continue;
      for (const key of keys(id)) this.add(key, n);
    }
    this.seen = new Int32Array(this.ids.length);
  }

  /** Files n under key once (an id's deletions may repeat: `aab` gives `ab` twice). */
  private add(key: number, n: number): void {
    const entry = this.index.get(key);
    if (entry === undefined) this.index.set(key, n);
    else if (typeof entry === 'number') {
      if (entry !== n) this.index.set(key, [entry, n]);
    } else if (entry[entry.length - 1] !== n) entry.push(n);
  }

  /** The nearest candidate within allowedDistance(id), or undefined. */
  suggest(id: string): string | undefined {
    if (this.cache.has(id)) return this.cache.get(id);
    this.query++;
    this.best = -1;
    this.bestDistance = Infinity;
    this.tries = 0;
    this.fromIndex(id);
    if (this.best < 0) this.fromScan(id);
    const found = this.best >= 0 && this.bestDistance <= allowedDistance(id) ? this.ids[this.best] : undefined;
    this.cache.set(id, found);
    return found;
  }

  /** Only ids one character shorter, as long or longer can share an entry with `id`. */
  private fromIndex(id: string): void {
    if (id.length > MAX_INDEXED_LENGTH || !(this.byLength.has(id.length - 1) || this.byLength.has(id.length) || this.byLength.has(id.length + 1))) return;
    for (const key of keys(id)) {
      if (this.tries >= INDEX_LIMIT) return;
      this.considerAll(id, this.index.get(key), INDEX_LIMIT);
    }
  }

  /** Ids of the same length first, then one shorter and one longer, and so on up to the allowed distance. */
  private fromScan(id: string): void {
    const max = allowedDistance(id);
    for (let d = 0; d <= max && this.tries < SCAN_LIMIT; d++) {
      this.considerAll(id, this.byLength.get(id.length - d), SCAN_LIMIT);
      if (d > 0) this.considerAll(id, this.byLength.get(id.length + d), SCAN_LIMIT);
    }
  }

  private considerAll(id: string, candidates: number | number[] | undefined, limit: number): void {
    if (candidates === undefined) return;
    if (typeof candidates === 'number') this.consider(id, candidates, limit);
    else for (const n of candidates) if (!this.consider(id, n, limit)) return;
  }

  /** False once the limit is reached. */
  private consider(id: string, n: number, limit: number): boolean {
    if (this.tries >= limit) return false;
    if (this.seen[n] === this.query || this.ids[n] === id) return true;
    this.seen[n] = this.query;
    this.tries++;
    this.comparisons++;
    const d = distance(id, this.ids[n]);
    if (d < this.bestDistance || (d === this.bestDistance && n < this.best)) {
      this.bestDistance = d;
      this.best = n;
    }
    return true;
  }
}

const BASE = 0x01000193;
let powers = new Int32Array([1]);

/**
 * Hashes of the id and of the id less each one of its characters (30-bit, so they stay small
 * integers): hash(a + b) = hash(a)·BASE^|b| + hash(b), from prefix and suffix hashes.
 */
function keys(id: string): Int32Array {
  const n = id.length;
  if (powers.length <= n) {
    const next = new Int32Array(Math.max(n + 1, powers.length * 2));
    next[0] = 1;
    for (let i = 1; i < next.length; i++) next[i] = Math.imul(next[i - 1], BASE);
    powers = next;
  }
  const prefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i], BASE) + id.charCodeAt(i)) | 0;
  const suffix = new Int32Array(n + 1);
  for (let i = n - 1; i >= 0; i--) suffix[i] = (Math.imul(id.charCodeAt(i), powers[n - 1 - i]) + suffix[i + 1]) | 0;
  const out = new Int32Array(n + 1);
  out[0] = (prefix[n] ^ (n << 24)) & 0x3fffffff;
  for (let i = 0; i < n; i++) out[i + 1] = (((Math.imul(prefix[i], powers[n - 1 - i]) + suffix[i + 1]) | 0) ^ ((n - 1) << 24)) & 0x3fffffff;
  return out;
}
