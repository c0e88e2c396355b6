/**
 * "Did you mean" for broken links, at a bounded cost per link (habit 19: no all-pairs
 * comparison). The candidate ids are indexed once per check: under themselves and under every
 * id one character shorter that they become when a character is deleted. A wrong id shares
 * an entry with every candidate one edit away (and with one whose two neighbouring characters
 * were swapped), so those are found by lookup however many ids the workspace has. Only when
 * that finds nothing are ids of near length compared one by one, at most SCAN_LIMIT of them.
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
  private readonly index = new Map<string, number[]>();
  private readonly byLength = new Map<number, number[]>();
  private readonly cache = new Map<string, string | undefined>();

  constructor(ids: Iterable<string>) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const n = this.ids.push(id) - 1;
      push(this.byLength, id.length, n);
      if (id.length > MAX_INDEXED_LENGTH) continue;
      for (const key of new Set([id, ...deletions(id)])) push(this.index, key, n);
    }
  }

  /** The nearest candidate within allowedDistance(id), or undefined. */
  suggest(id: string): string | undefined {
    if (this.cache.has(id)) return this.cache.get(id);
    const found = this.fromIndex(id) ?? this.fromScan(id);
    this.cache.set(id, found);
    return found;
  }

  private fromIndex(id: string): string | undefined {
    if (id.length > MAX_INDEXED_LENGTH) return undefined;
    const best = new Best(id, this.ids);
    for (const key of [id, ...deletions(id)]) {
      for (const n of this.index.get(key) ?? []) if (best.tries < INDEX_LIMIT) best.consider(n);
    }
    return best.result();
  }

  private fromScan(id: string): string | undefined {
    const max = allowedDistance(id);
    const best = new Best(id, this.ids);
    for (let d = 0; d <= max && best.tries < SCAN_LIMIT; d++) {
      for (const len of d === 0 ? [id.length] : [id.length - d, id.length + d]) {
        for (const n of this.byLength.get(len) ?? []) {
          if (best.tries >= SCAN_LIMIT) break;
          best.consider(n);
        }
      }
    }
    return best.result();
  }
}

/** The nearest candidate so far; ties go to the one given first. */
class Best {
  tries = 0;
  private index = -1;
  private dist = Infinity;
  private readonly seen = new Set<number>();

  constructor(private readonly id: string, private readonly ids: string[]) {}

  consider(n: number): void {
    if (this.seen.has(n) || this.ids[n] === this.id) return;
    this.seen.add(n);
    this.tries++;
    const d = distance(this.id, this.ids[n]);
    if (d < this.dist || (d === this.dist && n < this.index)) {
      this.dist = d;
      this.index = n;
    }
  }

  result(): string | undefined {
    return this.index >= 0 && this.dist > 0 && this.dist <= allowedDistance(this.id) ? this.ids[this.index] : undefined;
  }
}

function deletions(id: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < id.length; i++) out.push(id.slice(0, i) + id.slice(i + 1));
  return out;
}

function push<K>(map: Map<K, number[]>, key: K, n: number): void {
  const list = map.get(key);
  if (list) list.push(n);
  else map.set(key, [n]);
}
