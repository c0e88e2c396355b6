/** Every place that names an item: the goal, delivers and depends links that reach it, in every file. */
import { LINK_FIELDS } from '../model/fields';
import type { ParsedFile, Span } from '../model/types';
import { LINK_TARGETS, type PlanNode, type ResolvedWorkspace } from '../model/workspace';
import { withoutBom } from './edits';
import { idSpanOf, linkIdSpan, targetAt } from './target-at';

export interface PlanLocation {
  path: string;
  span: Span;
}

/** Reads a file's current text (a BOM is ignored); undefined when it cannot be read. */
export type TextOf = (path: string) => string | undefined;

/** Every link, in workspace order, that resolves to `node`; spans cover the id as written where the text is known. */
export function referencesOf(ws: ResolvedWorkspace, node: PlanNode, textOf?: TextOf): PlanLocation[] {
  const out: PlanLocation[] = [];
  const texts = new Map<string, string | undefined>();
  const text = (path: string) => {
    if (!texts.has(path)) texts.set(path, textOf && textOrUndefined(textOf(path)));
    return texts.get(path);
  };
  for (const from of ws.nodes) {
    for (const field of LINK_FIELDS) {
      for (const link of from.item[field]) {
        if (link.id !== node.item.id || ws.resolveLink(from, link, LINK_TARGETS[field]) !== node) continue;
        const t = text(from.file.path);
        out.push({ path: from.file.path, span: t === undefined ? link.idSpan ?? link.span : linkIdSpan(link, t) });
      }
    }
  }
  return out;
}

function textOrUndefined(text: string | undefined): string | undefined {
  return text === undefined ? undefined : withoutBom(text);
}

/** Where an item is defined: its written id, else its anchor (heading text, first key). */
export function definitionOf(node: PlanNode, text?: string): PlanLocation {
  const span = (text !== undefined && idSpanOf(node.item, withoutBom(text))) || node.item.anchor;
  return { path: node.file.path, span };
}

/** References of the item named at the cursor (a definition or a link), with its definition first when asked. */
export function referencesAt(ws: ResolvedWorkspace, file: ParsedFile, offset: number, includeDeclaration: boolean, textOf?: TextOf): PlanLocation[] | undefined {
  const own = textOf && textOrUndefined(textOf(file.path));
  const target = targetAt(ws, file, offset, own);
  if (!target || target.via === 'broken-link') return undefined;
  const refs = referencesOf(ws, target.node, textOf);
  return includeDeclaration ? [definitionOf(target.node, textOf?.(target.node.file.path)), ...refs] : refs;
}
