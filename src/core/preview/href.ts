/** A link from one workspace file to an item of another, as a relative URL (`../projects/a.project.md#id`). */
export function relativeHref(fromPath: string, toPath: string, id: string): string {
  const fragment = `#${id}`;
  if (fromPath === toPath) return fragment;
  const from = fromPath.split('/').slice(0, -1);
  const to = toPath.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common)].map((p) => (p === '..' ? p : encodeURIComponent(p))).join('/') + fragment;
}
