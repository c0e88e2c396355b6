/**
 * Discovery: which files of a folder are plan candidates (Markdown/YAML, not in a skipped or
 * excluded folder, not a config file) and where the config is. Written once as generators of
 * host requests, run synchronously over a synchronous host (the CLI's, and its tests) or
 * asynchronously over any host (the editor's `workspace.fs`, a browser's).
 */
import { isCandidatePath } from '../parse/index';
import type { EngineHost, EntryType } from './host';
import type { PathFilter } from './globs';
import { baseName, joinPath, parentPath, relativeTo } from './paths';

/** Config file names, in lookup order. */
export const CONFIG_NAMES: readonly string[] = ['.roadmark.yaml', '.roadmark.yml'];
/** Folders never walked (version control, dependencies). */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);
/** Without `realPath`, a walk stops this deep (a link loop must end). */
const MAX_DEPTH = 48;

export function isConfigName(path: string): boolean {
  return CONFIG_NAMES.includes(baseName(path));
}

type Request =
  | { op: 'stat'; path: string }
  | { op: 'readDirectory'; path: string }
  | { op: 'realPath'; path: string };
export type HostGen<T> = Generator<Request, T, unknown>;

function* stat(path: string): HostGen<EntryType | undefined> {
  return ((yield { op: 'stat', path }) as { type: EntryType } | undefined)?.type;
}

function* readDirectory(path: string): HostGen<[string, EntryType][]> {
  return ((yield { op: 'readDirectory', path }) as [string, EntryType][] | undefined) ?? [];
}

function* realPath(path: string): HostGen<string | undefined> {
  return (yield { op: 'realPath', path }) as string | undefined;
}

function call(host: EngineHost, r: Request): unknown {
  if (r.op === 'stat') return host.stat(r.path);
  if (r.op === 'readDirectory') return host.readDirectory(r.path);
  return host.realPath ? host.realPath(r.path) : undefined;
}

/** Runs a discovery generator over a host that answers synchronously (a promise is an error). */
export function runSync<T>(gen: HostGen<T>, host: EngineHost): T {
  let step = gen.next();
  while (!step.done) {
    let value: unknown;
    try {
      value = call(host, step.value);
      if (value instanceof Promise) throw new Error('runSync needs a synchronous host');
    } catch (e) {
      if ((e as Error).message === 'runSync needs a synchronous host') throw e;
      value = undefined; // a missing path, an unreadable folder: skipped
    }
    step = gen.next(value);
  }
  return step.value;
}

export async function runAsync<T>(gen: HostGen<T>, host: EngineHost): Promise<T> {
  let step = gen.next();
  while (!step.done) {
    let value: unknown;
    try {
      value = await call(host, step.value);
    } catch {
      value = undefined;
    }
    step = gen.next(value);
  }
  return step.value;
}

/** The config in `dir` (`.roadmark.yaml`, then `.roadmark.yml`); with `upward`, the nearest above it, stopping at a repository root. */
export function* findConfig(dir: string, upward: boolean): HostGen<string | undefined> {
  for (let at = dir; ; at = parentPath(at)) {
    for (const name of CONFIG_NAMES) if ((yield* stat(joinPath(at, name))) === 'file') return joinPath(at, name);
    if (!upward || (yield* stat(joinPath(at, '.git'))) !== undefined || parentPath(at) === at) return undefined;
  }
}

export interface Candidate {
  /** Host path. */
  path: string;
  /** Matched an include glob. */
  included: boolean;
  /** A target itself (named on the command line). */
  explicit: boolean;
  /** Indexes of the targets it was found under. */
  from: number[];
}

export interface DiscoverOptions {
  /** The folder globs are relative to (the config's). */
  root: string;
  filter: PathFilter;
  /** The host's own exclusions (the editor's `files.exclude`), relative to `root`. */
  hostExcluded?: (rel: string) => boolean;
}

/** Whether a file found by walking (or named, when `explicit`) is a candidate, and whether include matched it. */
export function classify(path: string, explicit: boolean, o: DiscoverOptions): { included: boolean } | undefined {
  if (isConfigName(path)) return undefined;
  const rel = relativeTo(o.root, path);
  if (rel !== undefined && (o.filter.excluded(rel) || o.hostExcluded?.(rel))) return undefined;
  if (!explicit && !isCandidatePath(path)) return undefined;
  return { included: rel !== undefined && o.filter.included(rel) };
}

/** Every candidate under the targets (folders walked, files explicit), in the order found. */
export function* discover(targets: readonly string[], o: DiscoverOptions): HostGen<Candidate[]> {
  const found = new Map<string, Candidate>();
  const consider = (path: string, explicit: boolean, from: number) => {
    const seen = found.get(path);
    if (seen) {
      seen.explicit ||= explicit;
      if (!seen.from.includes(from)) seen.from.push(from);
      return;
    }
    const c = classify(path, explicit, o);
    if (c) found.set(path, { path, included: c.included, explicit, from: [from] });
  };
  const visited = new Set<string>();
  for (let index = 0; index < targets.length; index++) {
    const type = yield* stat(targets[index]);
    if (type === 'directory') yield* walk(targets[index], (file) => consider(file, false, index), visited, o, 0);
    else if (type === 'file') consider(targets[index], true, index);
  }
  return [...found.values()];
}

/** Files under `dir`; each real folder once, so a link loop (or a link to an ancestor) ends. */
function* walk(dir: string, visit: (file: string) => void, visited: Set<string>, o: DiscoverOptions, depth: number): HostGen<void> {
  const real = yield* realPath(dir);
  const key = real ?? dir;
  if (visited.has(key) || (real === undefined && depth > MAX_DEPTH)) return;
  visited.add(key);
  const entries = yield* readDirectory(dir);
  for (const [name, type] of entries) {
    const path = joinPath(dir, name);
    if (type === 'directory') {
      if (SKIPPED_DIRS.has(name)) continue;
      const rel = relativeTo(o.root, path);
      if (rel !== undefined && (o.filter.excluded(rel, true) || o.hostExcluded?.(rel))) continue;
      yield* walk(path, visit, visited, o, depth + 1);
    } else if (type === 'file') visit(path);
  }
}
