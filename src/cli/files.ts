/** The CLI's host for the core engine: node fs behind its interface, and how paths are shown. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { createPathFilter, discover, runSync, type EngineHost, type EntryType } from '../core/engine/index';
import { readPlanText, specialKind } from './read';

export class CliError extends Error {}

export { CONFIG_NAMES } from '../core/engine/index';

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

function typeOf(abs: string): EntryType {
  const stat = statSync(abs);
  return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
}

/**
 * Node's file system as the engine sees it. Symbolic links are followed, to files and folders
 * alike (a dangling one, or a loop of links, is `other`); FIFOs, devices and sockets are
 * `other`, never read: reading them could block or never end. Files are read by `readPlanText`
 * (non-blocking open, size limit, decoded as an editor would).
 */
export const nodeHost: EngineHost = {
  stat: (path) => ({ type: typeOf(path) }),
  readDirectory: (dir) => readdirSync(dir, { withFileTypes: true }).map((e): [string, EntryType] => {
    const abs = dir.endsWith('/') ? dir + e.name : `${dir}/${e.name}`;
    if (!e.isSymbolicLink()) return [e.name, e.isDirectory() ? 'directory' : e.isFile() ? 'file' : 'other'];
    try {
      return [e.name, typeOf(abs)];
    } catch {
      return [e.name, 'other'];
    }
  }),
  realPath: (path) => realpathSync(path),
  readFile: (path) => {
    const read = readPlanText(path);
    return 'text' in read ? read.text : read;
  },
};

/** A host path: absolute, `/` separators (node's fs takes them on Windows too). */
export function hostPath(cwd: string, path: string): string {
  return toSlash(resolve(cwd, path));
}

export function shownPath(cwd: string, abs: string): string {
  return toSlash(relative(cwd, abs)) || abs;
}

/** Each PATH must exist and be a file or a folder: a one-line reason otherwise (exit 2). */
export function checkPaths(paths: string[], cwd: string): void {
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(resolve(cwd, path));
    } catch (e) {
      throw new CliError(`cannot read '${path}': ${describeFsError(e)}`);
    }
    if (!stat.isDirectory() && !stat.isFile()) throw new CliError(`cannot read '${path}': it is ${specialKind(stat)}, not a file or folder`);
  }
}

/** Every Markdown/YAML file under the given paths, minus excluded ones, in path order (the engine's discovery, run synchronously). */
export function findCandidates(paths: string[], options: WalkOptions): Candidate[] {
  checkPaths(paths, options.cwd);
  const found = runSync(discover(paths.map((p) => hostPath(options.cwd, p)), { root: toSlash(options.root), filter: createPathFilter(options.include, options.exclude) }), nodeHost);
  return found
    .map((c) => ({ abs: c.path, shown: shownPath(options.cwd, c.path), included: c.included, explicit: c.explicit, from: c.from }))
    .sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
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
