/** Reading and parsing the candidate files into a workspace, on worker threads for large scans. */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { failedFile, isCandidatePath, parsePlanFile, typeFromName, type ParseOptions } from '../core/parse/index';
import type { ParsedFile } from '../core/model/types';
import { MAX_JOBS } from './args';
import type { Candidate } from './files';
import { readPlanText, type ReadResult } from './read';
import { ParseCache } from './cache';

/** Below this much text, starting workers costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 512 * 1024;

export interface ParseJob {
  shown: string;
  abs: string;
  included: boolean;
  explicit: boolean;
  /** The file as read, when the main thread has read it already (it is idle while workers parse). */
  read?: ReadResult;
}

/** Reads and parses one file; an unreadable plan file becomes a parse-error on it, never a crash. */
export function parseCandidate(job: ParseJob): ParsedFile | undefined {
  if (!isCandidatePath(job.shown)) return undefined;
  const read = job.read ?? readPlanText(job.abs);
  // `explicit` is ParseOptions' own from plan format 1.1 on; the cast keeps this building before it lands.
  const options = { included: job.included, explicit: job.explicit } as ParseOptions;
  if ('error' in read) {
    const type = typeFromName(job.shown) ?? (job.explicit || job.included ? 'project' : lenientType(job, read.lenient, options));
    return type && failedFile(job.shown, type, read.error);
  }
  try {
    return parsePlanFile(job.shown, read.text, options);
  } catch (e) {
    return failedFile(job.shown, typeFromName(job.shown) ?? 'project', `Internal error while reading this file (please report it): ${(e as Error).message}`);
  }
}

/** A file that is not valid UTF-8 but says it is a plan (`type: roadmap`) is reported; any other is not a plan file. */
function lenientType(job: ParseJob, lenient: string | undefined, options: ParseOptions) {
  if (lenient === undefined) return undefined;
  try {
    return parsePlanFile(job.shown, lenient, options)?.type;
  } catch {
    return undefined;
  }
}

const jobOf = (c: Candidate, read?: ReadResult): ParseJob => ({ shown: c.shown, abs: c.abs, included: c.included, explicit: c.explicit, read });

/** Parses the candidates, reusing what the cache holds for unchanged files. */
export async function parseCandidatesCached(candidates: Candidate[], cache: ParseCache, jobs?: number): Promise<ParsedFile[]> {
  const results = new Map<string, ParsedFile | undefined>();
  const misses: (Candidate & { read: ReadResult; hash?: string })[] = [];
  for (const c of candidates) {
    const read = readPlanText(c.abs);
    const hash = 'text' in read ? ParseCache.key(c.shown, `${c.included}${c.explicit}`, read.text) : undefined;
    const hit = hash === undefined ? undefined : cache.get(c.shown, hash);
    if (hit === undefined) misses.push({ ...c, read, hash });
    else results.set(c.shown, hit ?? undefined);
  }
  const parsed = await parseCandidates(misses, jobs, (m) => (m as (typeof misses)[number]).read);
  const byPath = new Map(parsed.map((f) => [f.path, f]));
  for (const m of misses) {
    results.set(m.shown, byPath.get(m.shown));
    if (m.hash) cache.set(m.shown, m.hash, byPath.get(m.shown));
  }
  cache.save();
  return candidates.map((c) => results.get(c.shown)).filter((f): f is ParsedFile => f !== undefined);
}

/**
 * Parses the candidates on `jobs` threads (the main one included; never more threads than
 * files). The main thread reads every file first (measured: reading in the workers cost them
 * about a tenth of their time).
 */
export async function parseCandidates(candidates: Candidate[], jobs?: number, readOf: (c: Candidate) => ReadResult = (c) => readPlanText(c.abs)): Promise<ParsedFile[]> {
  const workers = Math.min(jobs ?? defaultWorkers(candidates), MAX_JOBS, candidates.length);
  if (workers <= 1) {
    return candidates.map((c) => parseCandidate(jobOf(c, readOf(c)))).filter((f): f is ParsedFile => f !== undefined);
  }
  const buckets: ParseJob[][] = Array.from({ length: workers }, () => []);
  candidates.forEach((c, i) => buckets[i % workers].push(jobOf(c, readOf(c))));
  // The main thread parses the first share itself: one worker fewer to start, one share fewer to copy back.
  const [own, ...rest] = buckets;
  const pending = rest.map(runWorker);
  const mine = own.map(parseCandidate).filter((f): f is ParsedFile => f !== undefined);
  const results = [mine, ...(await Promise.all(pending))];
  const byPath = new Map(results.flat().map((f) => [f.path, f]));
  return candidates.map((c) => byPath.get(c.shown)).filter((f): f is ParsedFile => f !== undefined);
}

function defaultWorkers(candidates: Candidate[]): number {
  let bytes = 0;
  for (const c of candidates) {
    try {
      bytes += statSync(c.abs).size;
    } catch {
      /* counted as empty */
    }
    if (bytes > WORKER_THRESHOLD_BYTES) return Math.min(availableParallelism(), 4);
  }
  return 1;
}

function runWorker(jobs: ParseJob[]): Promise<ParsedFile[]> {
  return new Promise((resolveAll, reject) => {
    const worker = new Worker(__filename, { workerData: { roadmarkParseJobs: jobs } });
    worker.once('message', (files: ParsedFile[]) => resolveAll(files));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`parse worker exited with code ${code}`)));
  });
}

/** Worker side: parse the jobs handed over and post the results back. */
export function runParseWorker(jobs: ParseJob[], post: (files: ParsedFile[]) => void): void {
  post(jobs.map(parseCandidate).filter((f): f is ParsedFile => f !== undefined));
}
