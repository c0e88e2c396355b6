/**
 * The per-file guard: whatever happens while reading one file becomes a `parse-error` on that
 * file, never a lost batch. The CLI's parse workers run this same function.
 */
import type { ParsedFile } from '../model/types';
import { failedFile, isCandidatePath, parsePlanFile, typeFromName, type ParseOptions } from '../parse/index';
import type { ReadResult } from './read';

/** One file to parse: its path as shown (the core's path), what reading it gave, how it was found. */
export interface ParseJob {
  path: string;
  read: ReadResult;
  /** Matched an include glob. */
  included: boolean;
  /** Named on the command line. */
  explicit: boolean;
}

export type ParseFn = (path: string, text: string, options: ParseOptions) => ParsedFile | undefined;

/** Undefined when the file is not a plan file. */
export function guardedParse(job: ParseJob, parse: ParseFn = parsePlanFile, options: ParseOptions = {}): ParsedFile | undefined {
  if (!isCandidatePath(job.path)) return undefined;
  const opts: ParseOptions = { ...options, included: job.included, explicit: job.explicit };
  if ('error' in job.read) {
    const type = typeFromName(job.path) ?? (job.explicit || job.included ? 'project' : lenientType(job.path, job.read.lenient, opts, parse));
    return type && failedFile(job.path, type, job.read.error);
  }
  try {
    return parse(job.path, job.read.text, opts);
  } catch (e) {
    return failedFile(job.path, typeFromName(job.path) ?? 'project', `Internal error while reading this file (please report it): ${(e as Error)?.message ?? String(e)}`);
  }
}

/** A file that is not valid UTF-8 but says it is a plan (`type: roadmap`) is reported; any other is not a plan file. */
function lenientType(path: string, lenient: string | undefined, options: ParseOptions, parse: ParseFn) {
  if (lenient === undefined) return undefined;
  try {
    return parse(path, lenient, options)?.type;
  } catch {
    return undefined;
  }
}
