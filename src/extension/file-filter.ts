/**
 * The editor's own exclusions: `files.exclude` (VS Code glob syntax) and the folders never
 * read. The config's include/exclude are not here: the core engine applies them, with
 * `.gitignore` conventions, exactly as the CLI does.
 */
import picomatch from 'picomatch';

const ALWAYS_EXCLUDED = ['**/node_modules', '**/.git'];

/** Whether a path relative to the workspace folder is hidden by `files.exclude` (a folder glob hides what is inside). */
export function createFilesExclude(filesExclude: Record<string, unknown>): (relativePath: string) => boolean {
  const editorGlobs = Object.entries(filesExclude).filter(([, on]) => on === true).map(([glob]) => glob);
  const isExcluded = picomatch([...ALWAYS_EXCLUDED, ...editorGlobs], { dot: true });
  return (rel) => ancestorsAndSelf(rel).some((p) => isExcluded(p));
}

function ancestorsAndSelf(rel: string): string[] {
  const parts = rel.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
