/**
 * `include`/`exclude` with `.gitignore` conventions, the one implementation both hosts use:
 * `archive` excludes that folder (or file) and everything under it wherever it is,
 * `archive/**` what is inside it, `*.draft.md` any such file at any depth, `/top` only at the
 * config's folder. Paths are relative to the config's folder; a path outside it matches nothing.
 */
import ignore from 'ignore';

export interface PathFilter {
  /** `rel` (a file, or a folder when `folder`) is excluded. */
  excluded(rel: string, folder?: boolean): boolean;
  /** `rel` matched an include glob: a plan file even without a plan name or `type:`. */
  included(rel: string): boolean;
}

export function createPathFilter(include: readonly string[], exclude: readonly string[]): PathFilter {
  return { excluded: matcher(exclude), included: matcher(include) };
}

function matcher(globs: readonly string[]): (rel: string, folder?: boolean) => boolean {
  const patterns = globs.map((g) => g.trim()).filter((g) => g !== '');
  if (!patterns.length) return () => false;
  const ig = ignore({ allowRelativePaths: false }).add(patterns);
  return (rel, folder) => {
    if (rel === '' || rel.startsWith('../') || rel.startsWith('/') || rel === '..') return false;
    try {
      return ig.ignores(folder ? rel + '/' : rel);
    } catch {
      return false; // a path `ignore` refuses (`./x`, a drive letter) is outside the globs' reach
    }
  };
}
