/**
 * `--cache`: parsed files kept between runs, keyed by a hash of the text (like eslint's
 * --cache). A file whose text, path, include match and Roadmark version are unchanged is not
 * parsed again. The cache is a plain JSON file; an unreadable or foreign one is ignored.
 */
import { productVersion } from '../core/version';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ParsedFile } from '../core/model/types';


const FORMAT = 1;

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, { hash: string; file: ParsedFile | null }>;
}

export class ParseCache {
  private readonly entries: CacheFile['entries'];
  private readonly next: CacheFile['entries'] = {};

  private constructor(private readonly path: string, entries: CacheFile['entries']) {
    this.entries = entries;
  }

  static open(path: string): ParseCache {
    const version = productVersion();
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.version === version && typeof data.entries === 'object') return new ParseCache(path, data.entries);
    } catch {
      // no cache yet, or one we cannot use: start empty
    }
    return new ParseCache(path, {});
  }

  /** `how`: everything besides the text that changes the result (include match, named on the command line). */
  static key(shown: string, how: string, text: string): string {
    return createHash('sha1').update(`${shown}\0${how}\0`).update(text).digest('base64');
  }

  /** The cached result for this text, `null` for "not a plan file", undefined on a miss. */
  get(shown: string, hash: string): ParsedFile | null | undefined {
    const hit = this.entries[shown];
    if (!hit || hit.hash !== hash) return undefined;
    this.next[shown] = hit;
    return hit.file;
  }

  set(shown: string, hash: string, file: ParsedFile | undefined): void {
    this.next[shown] = { hash, file: file ?? null };
  }

  /** Writes what this run saw (entries of deleted files drop out). Failing to write is not an error. */
  save(): void {
    const version = productVersion();
    try {
      writeFileSync(this.path, JSON.stringify({ format: FORMAT, version, entries: this.next } satisfies CacheFile));
    } catch {
      // a read-only checkout still gets its report
    }
  }
}
