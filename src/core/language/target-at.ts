/**
 * The item a cursor names: the item whose heading, id or anchor is under it (a definition), or
 * the item a link under it reaches. Shared by hover, references and rename.
 */
import type { Item, Link, ParsedFile, Span } from '../model/types';
import { LINK_TARGETS, type PlanNode, type ResolvedWorkspace } from '../model/workspace';
import { scanAttributeBlock } from '../parse/attributes';
import { linkAt, type LinkAt } from './link-at';

export type Target =
  | { via: 'definition'; node: PlanNode; span: Span }
  | { via: 'link'; node: PlanNode; span: Span; link: LinkAt }
  | { via: 'broken-link'; span: Span; link: LinkAt };

/** What the cursor at `offset` of `file` names, if anything. */
export function targetAt(ws: ResolvedWorkspace, file: ParsedFile, offset: number, text?: string): Target | undefined {
  const hit = linkAt(file, offset);
  if (hit) {
    const from = ws.nodeOf(file.path, hit.index);
    const node = from && ws.resolveLink(from, hit.link, LINK_TARGETS[hit.field]);
    const span = text === undefined ? hit.link.idSpan ?? hit.link.span : linkIdSpan(hit.link, text);
    if (!node || !LINK_TARGETS[hit.field].includes(node.item.kind)) return { via: 'broken-link', span, link: hit };
    return { via: 'link', node, span, link: hit };
  }
  let best: { index: number; span: Span } | undefined;
  file.items.forEach((item, index) => {
    for (const span of [item.anchor, ...(text === undefined ? [] : [idSpanOf(item, text)].filter((s): s is Span => !!s))]) {
      if (offset < span.start || offset > span.end) continue;
      if (!best || span.end - span.start < best.span.end - best.span.start) best = { index, span };
    }
  });
  const node = best && ws.nodeOf(file.path, best.index);
  return node && best ? { via: 'definition', node, span: best.span } : undefined;
}

/** Where a written id stands (`#id` in an attribute block, an `id:` value without its quotes); undefined for a derived id. */
export function idSpanOf(item: Item, text: string): Span | undefined {
  if (!item.idExplicit) return undefined;
  const scan = scanAttributeBlock(text.slice(item.anchor.start, item.anchor.end), item.anchor.start);
  if (scan.kind === 'block' && scan.block.id?.text === item.id) return scan.block.id.span;
  const field = item.fields.find((f) => f.key === 'id' && !f.isList && f.parts.length === 1);
  return field ? findId(text, field.parts[0].span, item.id) : undefined;
}

/** The id inside a link as written (quotes, `[title](file#id)` and a dependency type around it). */
export function linkIdSpan(link: Link, text: string): Span {
  if (link.idSpan && text.slice(link.idSpan.start, link.idSpan.end) === link.id) return link.idSpan;
  return findId(text, link.span, link.id, true) ?? link.idSpan ?? link.span;
}

/** `id` as a whole word inside `within` (after `#` when it is a Markdown link), else undefined. */
function findId(text: string, within: Span, id: string, preferFragment = false): Span | undefined {
  const written = text.slice(within.start, within.end);
  const candidates: number[] = [];
  for (let at = written.indexOf(id); at >= 0; at = written.indexOf(id, at + 1)) {
    const before = written[at - 1];
    const after = written[at + id.length];
    if ((before === undefined || /[\s"'#,[(=]/.test(before)) && (after === undefined || /[\s"',\])}]/.test(after))) candidates.push(at);
  }
  const fragment = preferFragment ? candidates.find((at) => written[at - 1] === '#') : undefined;
  const at = fragment ?? candidates[candidates.length > 1 && preferFragment ? candidates.length - 1 : 0];
  return at === undefined ? undefined : { start: within.start + at, end: within.start + at + id.length };
}
