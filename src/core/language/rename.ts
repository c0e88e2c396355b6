/**
 * Renaming an id across the workspace: the definition and every link that reaches it. An item
 * whose id comes from its heading's slug (or file name) gets an explicit `#id` or `id:`, so links
 * keep working; a Markdown-link value `[t](file.md#id)` has its target renamed. Every edit
 * changes only the id's characters, or adds the one id entry.
 */
import type { Item, ParsedFile, Span } from '../model/types';
import type { PlanNode, ResolvedWorkspace } from '../model/workspace';
import { scanAttributeBlock } from '../parse/attributes';
import { withoutBom, type TextEdit } from './edits';
import { setFieldEdit } from './mark-done';
import { referencesOf, type TextOf } from './references';
import { idSpanOf, targetAt } from './target-at';

export type PrepareRenameResult = { ok: true; span: Span; placeholder: string } | { ok: false; reason: string };
export type RenameResult = { ok: true; edits: Map<string, TextEdit[]> } | { ok: false; reason: string };

/** Letters, digits, `_`, then also `-`, `.` and `/`: safe unquoted in YAML, attribute blocks and link targets. */
const VALID_ID = /^[\p{L}\p{N}_][\p{L}\p{N}_.\-/]*$/u;

/** Whether the id under the cursor can be renamed, and the range and text the editor shows. */
export function prepareRename(ws: ResolvedWorkspace, file: ParsedFile, offset: number, text: string): PrepareRenameResult {
  const body = withoutBom(text);
  const target = targetAt(ws, file, offset, body);
  if (!target) return { ok: false, reason: 'Put the cursor on an item\'s heading, its id, or a link to it' };
  if (target.via === 'broken-link') return { ok: false, reason: `'${target.link.link.id}' names no ${target.link.field === 'goal' ? 'goal' : 'item this field accepts'}: there is nothing to rename` };
  const refusal = cannotRename(target.node);
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, span: target.span, placeholder: target.node.item.id };
}

function cannotRename(node: PlanNode): string | undefined {
  if (node.item.kind === 'task' && !node.item.idExplicit) return 'This task has no id of its own: write `{#id}` on it to give it one';
  if (node.file.unread) return `${node.file.path} could not be read: fix it first`;
  return undefined;
}

/** The edits, per file, that rename the item named at the cursor to `newId`. */
export function renameEdits(ws: ResolvedWorkspace, file: ParsedFile, offset: number, newId: string, textOf: TextOf): RenameResult {
  const own = textOf(file.path);
  if (own === undefined) return { ok: false, reason: `Cannot read ${file.path}` };
  const prepared = prepareRename(ws, file, offset, own);
  if (!prepared.ok) return prepared;
  const target = targetAt(ws, file, offset, withoutBom(own));
  if (!target || target.via === 'broken-link') return { ok: false, reason: 'Nothing to rename here' };
  return renameNode(ws, target.node, newId.trim(), textOf);
}

/** The edits that rename one item's id. */
export function renameNode(ws: ResolvedWorkspace, node: PlanNode, newId: string, textOf: TextOf): RenameResult {
  const invalid = checkNewId(ws, node, newId);
  if (invalid) return { ok: false, reason: invalid };
  const edits = new Map<string, TextEdit[]>();
  const add = (path: string, edit: TextEdit) => edits.set(path, [...(edits.get(path) ?? []), edit]);
  const texts = new Map<string, string | undefined>();
  const text = (path: string) => {
    if (!texts.has(path)) {
      const t = textOf(path);
      texts.set(path, t === undefined ? undefined : withoutBom(t));
    }
    return texts.get(path);
  };
  const home = text(node.file.path);
  if (home === undefined) return { ok: false, reason: `Cannot read ${node.file.path}` };
  const definition = definitionEdit(node, newId, home);
  if (!definition.ok) return definition;
  add(node.file.path, definition.edit);
  for (const ref of referencesOf(ws, node, text)) {
    const t = text(ref.path);
    if (t === undefined) return { ok: false, reason: `Cannot read ${ref.path}` };
    if (t.slice(ref.span.start, ref.span.end) !== node.item.id) return { ok: false, reason: `${ref.path} changed since it was read: try again` };
    add(ref.path, { span: ref.span, newText: newId });
  }
  return { ok: true, edits };
}

function checkNewId(ws: ResolvedWorkspace, node: PlanNode, newId: string): string | undefined {
  if (!VALID_ID.test(newId)) return `'${newId}' is not an id: use letters, digits, '-', '_', '.' or '/', starting with a letter or digit`;
  const taken = ws.definitions.get(newId)?.find((d) => d !== node);
  if (taken) return `'${newId}' is already the id of ${taken.item.kind} '${taken.item.title || taken.item.id}' in ${taken.file.path}`;
  return undefined;
}

type EditResult = { ok: true; edit: TextEdit } | { ok: false; reason: string };

/** Rewrites a written id in place; a derived id is written out (`#id` on a heading, else `id:`). */
function definitionEdit(node: PlanNode, newId: string, text: string): EditResult {
  const { item, file, index } = node;
  const written = idSpanOf(item, text);
  if (written) return { ok: true, edit: { span: written, newText: newId } };
  if (item.idExplicit) return { ok: false, reason: `Cannot find where the id of '${item.title}' is written` };
  const yaml = /\.ya?ml$/i.test(file.path);
  if (yaml || item.parent < 0 || item.fields.some((f) => !f.inAttributeBlock)) {
    const result = setFieldEdit(file, index, 'id', newId, text);
    return result.ok ? { ok: true, edit: { span: result.edit.span, newText: result.edit.newText } } : result;
  }
  return headingIdEdit(item, newId, text);
}

/** `## Milestone: Pilot` → `## Milestone: Pilot {#pilot}`; an attribute block gets `#pilot` first. */
function headingIdEdit(item: Item, newId: string, text: string): EditResult {
  const scan = scanAttributeBlock(text.slice(item.anchor.start, item.anchor.end), item.anchor.start);
  if (scan.kind === 'broken') return { ok: false, reason: `The attribute block of '${item.title}' is broken (${scan.reason}): fix it first` };
  if (scan.kind === 'block') {
    const open = scan.block.span.start;
    if (text[open] !== '{') return { ok: false, reason: `Cannot find the attribute block of '${item.title}'` };
    const gap = /\s/.test(text[open + 1]) ? '' : ' ';
    return { ok: true, edit: { span: { start: open + 1, end: open + 1 }, newText: `#${newId}${gap}` } };
  }
  return { ok: true, edit: { span: { start: item.anchor.end, end: item.anchor.end }, newText: ` {#${newId}}` } };
}
