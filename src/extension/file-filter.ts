/** Which files of a workspace folder Roadmark reads: globs from `files.exclude` and the config. */
import picomatch from 'picomatch';

const ALWAYS_EXCLUDED = ['**/node_modules', '**/.git'];

export interface FileFilter {
  excluded(relativePath: string): boolean;
  included(relativePath: string): boolean;
}

export function createFileFilter(filesExclude: Record<string, unknown>, exclude: string[], include: string[]): FileFilter {
  const editorGlobs = Object.entries(filesExclude).filter(([, on]) => on === true).map(([glob]) => glob);
  const isExcluded = picomatch([...ALWAYS_EXCLUDED, ...editorGlobs, ...exclude], { dot: true });
  const isIncluded = include.length ? picomatch(include, { dot: true }) : () => false;
  return {
    // Folder globs (`**/.git`) must also exclude what is inside the folder.
    excluded: (rel) => ancestorsAndSelf(rel).some((p) => isExcluded(p)),
    included: (rel) => isIncluded(rel),
  };
}

function ancestorsAndSelf(rel: string): string[] {
  const parts = rel.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
