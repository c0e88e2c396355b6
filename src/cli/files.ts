/** Finding the plan files and the config file on disk. */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { isCandidatePath } from '../core/parse/index';
import { specialKind } from './read';

export class CliError extends Error {}

export const CONFIG_NAMES = ['.roadmark.yaml', '.roadmark.yml'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Candidate {
  /** Absolute path. */
  abs: string;
  /** Relative to the current directory with `/` separators: how paths are shown. */
  shown: string;
  /** Matched an include glob of the config. */
  included: boolean;
  /** Named on the command line (read as a plan even without a plan name or `type:`). */
  explicit: boolean;
  /** Indexes of the command-line PATHs it was found under. */
  from: number[];
}

export interface WalkOptions {
  /** Folder the include/exclude globs are relative to (the config's folder). */
  root: string;
  include: string[];
  exclude: string[];
  cwd: string;
}

/** Every Markdown/YAML file under the given paths, minus excluded ones, in path order. */
export function findCandidates(paths: string[], options: WalkOptions): Candidate[] {
  const isIncluded = options.include.length ? picomatch(options.include, { dot: true }) : () => false;
  const isExcluded = options.exclude.length ? picomatch(options.exclude, { dot: true }) : () => false;
  const found = new Map<string, Candidate>();
  const consider = (abs: string, explicit: boolean, from: number) => {
    const rel = toSlash(relative(options.root, abs));
    if (CONFIG_NAMES.some((n) => abs.endsWith(sep + n)) || isExcluded(rel)) return;
    if (!explicit && !isCandidatePath(abs)) return;
    const seen = found.get(abs);
    if (seen) {
      seen.explicit ||= explicit;
      if (!seen.from.includes(from)) seen.from.push(from);
    } else found.set(abs, { abs, shown: toSlash(relative(options.cwd, abs)) || abs, included: isIncluded(rel), explicit, from: [from] });
  };
  paths.forEach((path, index) => {
    const abs = resolve(options.cwd, path);
    let stat;
    try {
      stat = statSync(abs);
    } catch (e) {
      throw new CliError(`cannot read '${path}': ${describeFsError(e)}`);
    }
    if (stat.isDirectory()) walk(abs, (file) => consider(file, false, index), new Set());
    else if (stat.isFile()) consider(abs, true, index);
    else throw new CliError(`cannot read '${path}': it is ${specialKind(stat)}, not a file or folder`);
  });
  return [...found.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}

/**
 * Files under `dir`. Symbolic links are followed, to files and folders alike; `visited` holds
 * the real path of every folder walked, so a link loop (or a link to an ancestor) ends. FIFOs,
 * devices and sockets are skipped: reading them could block or never end.
 */
function walk(dir: string, visit: (file: string) => void, visited: Set<string>): void {
  let real: string;
  let entries;
  try {
    real = realpathSync(dir);
    if (visited.has(real)) return;
    visited.add(real);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // An unreadable sub-folder is skipped, as git and editors do.
  }
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    const type = entry.isSymbolicLink() ? linkTarget(abs) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
    if (type === 'dir') {
      if (!SKIPPED_DIRS.has(entry.name)) walk(abs, visit, visited);
    } else if (type === 'file') visit(abs);
  }
}

function linkTarget(abs: string): 'dir' | 'file' | undefined {
  try {
    const stat = statSync(abs);
    return stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined; // a dangling link, or a loop of links
  }
}

/** The nearest config above the first path, stopping at a repository root. */
export function findConfig(firstPath: string, cwd: string): string | undefined {
  let dir = resolve(cwd, firstPath);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

export function toSlash(path: string): string {
  return path.split(sep).join('/');
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error).message;
}
