/** A host over files held in memory: the unit tests' host, and a start for a browser's. */
import type { EngineHost, EntryType } from './host';
import { joinPath, parentPath } from './paths';

/** `files`: path → bytes or text; folders are implied by the paths. Edit the map, then call `update`. */
export function createMemoryHost(files: Map<string, Uint8Array | string>): EngineHost {
  const folders = () => {
    const dirs = new Set<string>(['']);
    for (const path of files.keys()) for (let d = parentPath(path); d !== '' && d !== '/' && !dirs.has(d); d = parentPath(d)) dirs.add(d);
    return dirs;
  };
  return {
    stat: (path) => (files.has(path) ? { type: 'file' } : folders().has(path) ? { type: 'directory' } : undefined),
    readDirectory: (dir) => {
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
}
