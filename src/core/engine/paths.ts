/** `/`-separated host paths: join, parent, relative, containment. No node:path (browser workers too). */

export function joinPath(dir: string, name: string): string {
  if (dir === '') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The parent folder; the root (`/`, `''`) is its own parent. */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '';
  return i === 0 ? '/' : path.slice(0, i);
}

/** `path` relative to `root`, or undefined when it is not inside it. `''` for the root itself. */
export function relativeTo(root: string, path: string): string | undefined {
  if (root === '') return isAbsoluteLike(path) ? undefined : path;
  if (path === root) return '';
  const prefix = root.endsWith('/') ? root : root + '/';
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/** A path that no relative root (`''`) can hold: `/x`, `c:/x`, `untitled:x`. */
export function isAbsoluteLike(path: string): boolean {
  return path.startsWith('/') || /^[a-z][\w+.-]*:/i.test(path);
}
