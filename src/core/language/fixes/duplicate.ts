/**
 * duplicate-id: give the reported definition an id no item and no link uses yet (`design-2`),
 * and rename the links that unambiguously mean it: those that reach it today (a Markdown link
 * into its file, or one that accepts only its kind). Every other link keeps its target.
 */
import type { PlanNode, ResolvedWorkspace } from '../../model/workspace';
import { LINK_FIELDS } from '../../model/fields';
import { renameNode } from '../rename';
import type { FixContext, PlanFix } from './types';

export function duplicateIdFixes(ctx: FixContext, node: PlanNode): PlanFix[] {
  const id = uniqueId(ctx.ws, node.item.id);
  const result = renameNode(ctx.ws, node, id, ctx.textOf);
  if (!result.ok) return [];
  const links = [...result.edits.values()].reduce((n, edits) => n + edits.length, 0) - 1;
  const what = `${node.item.kind} '${node.item.title || node.item.id}'`;
  const title = links > 0
    ? `Give ${what} the unique id '${id}' and update the ${links === 1 ? 'link that means' : `${links} links that mean`} it`
    : `Give ${what} the unique id '${id}' (only this definition: no link can be told to mean it)`;
  return [{ title, preferred: true, edits: result.edits }];
}

/** `id-2`, `id-3`, …: the first that no item has and no link names (a broken link must not start to resolve). */
export function uniqueId(ws: ResolvedWorkspace, id: string, taken: ReadonlySet<string> = new Set()): string {
  const named = new Set<string>();
  for (const n of ws.nodes) for (const field of LINK_FIELDS) for (const link of n.item[field]) named.add(link.id);
  const base = id.replace(/-\d{1,2}$/, '') || id;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!ws.definitions.has(candidate) && !named.has(candidate) && !taken.has(candidate)) return candidate;
  }
}
