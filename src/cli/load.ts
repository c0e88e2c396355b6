/** Reading and parsing the candidate files into a workspace, on worker threads for large scans. */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { failedFile, parsePlanFile, typeFromName } from '../core/parse/index';
import type { ParsedFile } from '../core/model/types';
import { describeFsError, type Candidate } from './files';
import { ParseCache } from './cache';

/** Below this much text, starting workers costs more than it saves. */
const WORKER_THRESHOLD_BYTES = 512 * 1024;

export interface ParseJob {
  shown: string;
  abs: string;
  included: boolean;
  /** The file's text, when the main thread has read it already (it is idle while workers parse). */
  text?: string;
}

/** Reads and parses one file; an unreadable plan file becomes a parse-error on it, never a crash. */
export function parseCandidate(job: ParseJob): ParsedFile | undefined {
  let text: string;
  try {
    text = job.text ?? readFileSync(job.abs, 'utf8');
  } catch (e) {
    const type = typeFromName(job.shown);
    return type && failedFile(job.shown, type, `Cannot read this file: ${describeFsError(e)}`);
  }
  try {
    return parsePlanFile(job.shown, text, { included: job.included });
  } catch (e) {
    return failedFile(job.shown, typeFromName(job.shown) ?? 'project', `Internal error while reading this file (please report it): ${(e as Error).message}`);
  }
}

/** Parses the candidates, reusing what the cache holds for unchanged files. */
export async function parseCandidatesCached(candidates: Candidate[], cache: ParseCache, jobs?: number): Promise<ParsedFile[]> {
  const results = new Map<string, ParsedFile | undefined>();
  const misses: (Candidate & { text?: string; hash?: string })[] = [];
  for (const c of candidates) {
    const text = readOrUndefined(c.abs);
    const hash = text === undefined ? undefined : ParseCache.key(c.shown, c.included, text);
    const hit = hash === undefined ? undefined : cache.get(c.shown, hash);
    if (hit === undefined) misses.push({ ...c, text, hash });
    else results.set(c.shown, hit ?? undefined);
  }
  const parsed = await parseCandidates(misses, jobs, (m) => (m as { text?: string }).text);
  const byPath = new Map(parsed.map((f) => [f.path, f]));
  for (const m of misses) {
    results.set(m.shown, byPath.get(m.shown));
    if (m.hash) cache.set(m.shown, m.hash, byPath.get(m.shown));
  }
  cache.save();
  return candidates.map((c) => results.get(c.shown)).filter((f): f is ParsedFile => f !== undefined);
}

export async function parseCandidates(candidates: Candidate[], jobs?: number, textOf: (c: Candidate) => string | undefined = (c) => readOrUndefined(c.abs)): Promise<ParsedFile[]> {
  const workers = jobs ?? defaultWorkers(candidates);
  if (workers <= 1 || candidates.length < 2) {
    return candidates.map((c) => parseCandidate({ shown: c.shown, abs: c.abs, included: c.included, text: textOf(c) })).filter((f): f is ParsedFile => f !== undefined);
  }
  const buckets: ParseJob[][] = Array.from({ length: workers }, () => []);
  candidates.forEach((c, i) => buckets[i % workers].push({ shown: c.shown, abs: c.abs, included: c.included, text: textOf(c) }));
  // The main thread parses the first share itself: one worker fewer to start, one share fewer to copy back.
  const [own, ...rest] = buckets;
  const pending = rest.map(runWorker);
  const mine = own.map(parseCandidate).filter((f): f is ParsedFile => f !== undefined);
  const results = [mine, ...(await Promise.all(pending))];
  const byPath = new Map(results.flat().map((f) => [f.path, f]));
  return candidates.map((c) => byPath.get(c.shown)).filter((f): f is ParsedFile => f !== undefined);
}

/** Measured: reading in the workers cost them about a tenth of their time. */
function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the worker reads it again and reports the error on the file
  }
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
