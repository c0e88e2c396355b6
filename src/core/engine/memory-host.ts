/** A host over files held in memory: the unit tests' host, and a start for a browser's. */
import type { EngineHost, EntryType } from './host';
import { joinPath, parentPath } from './paths';

/**
 * `files`: path → bytes or text; folders are implied by the paths. Edit the map, then call
 * `update`. With `fixed` (the map will not change: a baseline read out of git), the folders are
 * worked out once, so a walk costs the number of files, not files × folders.
 */
export function createMemoryHost(files: Map<string, Uint8Array | string>, options: { fixed?: boolean } = {}): EngineHost {
  let known: Set<string> | undefined;
  const folders = () => {
    if (known) return known;
    const dirs = new Set<string>(['']);
    for (const path of files.keys()) for (let d = parentPath(path); d !== '' && d !== '/' && !dirs.has(d); d = parentPath(d)) dirs.add(d);
    if (options.fixed) known = dirs;
    return dirs;
  };
  const children = new Map<string, [string, EntryType][]>();
  return {
    stat: (path) => (files.has(path) ? { type: 'file' } : folders().has(path) ? { type: 'directory' } : undefined),
    readDirectory: (dir) => {
      const cached = options.fixed ? children.get(dir) : undefined;
      if (cached) return cached;
      if (options.fixed && children.size === 0) indexAll();
      if (options.fixed) return children.get(dir) ?? [];
      const out = new Map<string, EntryType>();
      for (const d of folders()) if (d !== '' && d !== dir && parentPath(d) === dir) out.set(d.slice(dir === '' ? 0 : dir.length + 1), 'directory');
      for (const path of files.keys()) if (parentPath(path) === dir) out.set(path.slice(dir === '' ? 0 : dir.length + 1), 'file');
      return [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    },
    readFile: (path) => {
      const content = files.get(path);
      if (content === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return content;
    },
    realPath: (path) => joinPath('', path),
  };

  /** Every folder's entries in one pass over the paths (fixed maps only). */
  function indexAll(): void {
    const out = new Map<string, Map<string, EntryType>>();
    const add = (dir: string, name: string, type: EntryType) => {
      let entries = out.get(dir);
      if (!entries) out.set(dir, (entries = new Map()));
      entries.set(name, type);
    };
    for (const d of folders()) if (d !== '') add(parentPath(d), d.slice(parentPath(d) === '' ? 0 : parentPath(d).length + 1), 'directory');
    for (const path of files.keys()) add(parentPath(path), path.slice(parentPath(path) === '' ? 0 : parentPath(path).length + 1), 'file');
    for (const [dir, entries] of out) children.set(dir, [...entries].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  }
}
