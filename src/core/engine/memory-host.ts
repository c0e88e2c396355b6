/** A host over files held in memory: the unit tests' host, and a start for a browser's. */
import type { EngineHost, EntryType } from './host';
import { joinPath, parentPath } from './paths';

/**
 * `files`: path → bytes or text; folders are implied by the paths. Edit the map, then call
 * `update`. With `fixed` (the map will not change: a baseline read out of git), the folders are
 * worked out once, so a walk costs the number of files, not files × folders.
 */
export function createMemoryHost(files: Map<string, Uint8Array | string>, options: { fixed?: boolean } = {}): EngineHost {
  let fixedTree: Tree | undefined;
  const tree = () => fixedTree ?? (options.fixed ? (fixedTree = treeOf(files)) : treeOf(files));
  return {
    stat: (path) => (files.has(path) ? { type: 'file' } : tree().folders.has(path) ? { type: 'directory' } : undefined),
    readDirectory: (dir) => tree().children.get(dir) ?? [],
    readFile: (path) => {
      const content = files.get(path);
      if (content === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return content;
    },
    realPath: (path) => joinPath('', path),
  };
}

interface Tree {
  folders: Set<string>;
  /** Each folder's entries, sorted by name. */
  children: Map<string, [string, EntryType][]>;
}

/** The folders the paths imply and every folder's entries, in one pass over the paths. */
function treeOf(files: Map<string, Uint8Array | string>): Tree {
  const folders = new Set<string>(['']);
  for (const path of files.keys()) for (let d = parentPath(path); d !== '' && d !== '/' && !folders.has(d); d = parentPath(d)) folders.add(d);
  const entries = new Map<string, Map<string, EntryType>>();
  const add = (path: string, type: EntryType) => {
    const dir = parentPath(path);
    let list = entries.get(dir);
    if (!list) entries.set(dir, (list = new Map()));
    list.set(path.slice(dir === '' ? 0 : dir.length + 1), type);
  };
  for (const d of folders) if (d !== '') add(d, 'directory');
  for (const path of files.keys()) add(path, 'file');
  const children = new Map<string, [string, EntryType][]>();
  for (const [dir, list] of entries) children.set(dir, [...list].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return { folders, children };
}
