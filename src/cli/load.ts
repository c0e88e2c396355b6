/**
 * The CLI's parse strategy behind the engine: large scans on worker threads, `--cache` in
 * front. Every file still goes through the engine's per-file guard (`guardedParse`), in the
 * workers too: a crash in one file is a parse-error there, never a lost batch.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { guardedParse, type ParseJob, type ReadResult } from '../core/engine/index';
import type { ParsedFile } from '../core/model/types';
import { MAX_JOBS } from './args';
import type { Candidate } from './files';
import { readPlanText } from './read';
import { ParseCache } from './cache';

export type { ParseJob } from '../core/engine/index';

/** Below this much text, starting workers costs more than it saves. */
const WORKER_THRESHOLD_CHARS = 512 * 1024;

/** The engine's `parseBatch` for the CLI: the cache first (when asked for), the rest on `jobs` threads. */
export function cliParser(options: { cache?: ParseCache; jobs?: number }): (jobs: ParseJob[]) => Promise<(ParsedFile | undefined)[]> {
  return (jobs) => (options.cache ? parseCached(jobs, options.cache, options.jobs) : parseJobs(jobs, options.jobs));
}

async function parseCached(jobs: ParseJob[], cache: ParseCache, threads?: number): Promise<(ParsedFile | undefined)[]> {
  const results: (ParsedFile | undefined)[] = new Array(jobs.length);
  const misses: { index: number; hash?: string }[] = [];
  jobs.forEach((job, index) => {
    const hash = 'text' in job.read ? ParseCache.key(job.path, `${job.included}${job.explicit}`, job.read.text) : undefined;
    const hit = hash === undefined ? undefined : cache.get(job.path, hash);
    if (hit === undefined) misses.push({ index, hash });
    else results[index] = hit ?? undefined;
  });
  const parsed = await parseJobs(misses.map((m) => jobs[m.index]), threads);
  misses.forEach((m, i) => {
    results[m.index] = parsed[i];
    if (m.hash) cache.set(jobs[m.index].path, m.hash, parsed[i]);
  });
  cache.save();
  return results;
}

/**
 * Parses on `threads` threads (the main one included; never more threads than files). The
 * engine has read every file on the main thread first (measured: reading in the workers cost
 * them about a tenth of their time).
 */
export async function parseJobs(jobs: ParseJob[], threads?: number): Promise<(ParsedFile | undefined)[]> {
  const workers = Math.min(threads ?? defaultWorkers(jobs), MAX_JOBS, jobs.length);
  if (workers <= 1) return jobs.map((job) => guardedParse(job));
  const buckets: ParseJob[][] = Array.from({ length: workers }, () => []);
  jobs.forEach((job, i) => buckets[i % workers].push(job));
  // The main thread parses the first share itself: one worker fewer to start, one share fewer to copy back.
  const [own, ...rest] = buckets;
  const pending = rest.map(runWorker);
  const shares = [own.map((job) => guardedParse(job)), ...(await Promise.all(pending))];
  return jobs.map((_, i) => shares[i % workers][Math.floor(i / workers)]);
}

/** Reads and parses candidates found by `findCandidates` (the engine does both in `check`; kept for tests and scripts). */
export async function parseCandidates(candidates: Candidate[], jobs?: number, readOf: (c: Candidate) => ReadResult = (c) => readPlanText(c.abs)): Promise<ParsedFile[]> {
  const parsed = await parseJobs(candidates.map((c) => ({ path: c.shown, read: readOf(c), included: c.included, explicit: c.explicit })), jobs);
  return parsed.filter((f): f is ParsedFile => f !== undefined);
}

function defaultWorkers(jobs: ParseJob[]): number {
  let chars = 0;
  for (const job of jobs) {
    chars += 'text' in job.read ? job.read.text.length : 0;
    if (chars > WORKER_THRESHOLD_CHARS) return Math.min(availableParallelism(), 4);
  }
  return 1;
}

function runWorker(jobs: ParseJob[]): Promise<(ParsedFile | undefined)[]> {
  return new Promise((resolveAll, reject) => {
    const worker = new Worker(__filename, { workerData: { roadmarkParseJobs: jobs } });
    worker.once('message', (files: (ParsedFile | null)[]) => resolveAll(files.map((f) => f ?? undefined)));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`parse worker exited with code ${code}`)));
  });
}

/** Worker side: parse the jobs handed over (through the engine's guard) and post the results back, one per job. */
export function runParseWorker(jobs: ParseJob[], post: (files: (ParsedFile | null)[]) => void): void {
  post(jobs.map((job) => guardedParse(job) ?? null));
}
