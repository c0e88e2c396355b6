import { LINK_TARGETS, linkedFilePath, type PlanNode, type ResolvedWorkspace } from '../model/workspace';
import type { Kind, Link } from '../model/types';
import { NodeLabel, titleOf, withArticle } from '../model/queries';
import { atSpan, relatedAt, where, type Finding, type Rule } from './rule';
import { IdSuggester } from './suggest';

type LinkField = keyof typeof LINK_TARGETS;

const VERB: ReadonlyMap<LinkField, string> = new Map([['goal', 'serves goal'], ['delivers', 'delivers'], ['depends', 'depends on']]);
const FIELDS: readonly LinkField[] = ['goal', 'delivers', 'depends'];

/**
 * What one check shares across links: the suggestion index of each field, built when first
 * needed. The incremental check keeps one across edits (clearing `suggesters` when the ids
 * change) and puts it in the memo under the rule's id.
 */
export interface LinkCheck {
  ws: ResolvedWorkspace;
  paths: ReadonlySet<string>;
  suggesters: Map<LinkField, IdSuggester>;
  /** Every id with a definition, in the order of its first definition (default: `ws.definitions`' order). */
  ids?: () => Iterable<string>;
}

export const brokenLink: Rule = {
  id: 'broken-link',
  description: '`goal`, `delivers` or `depends` names no item, or an item of the wrong kind.',
  defaultSeverity: 'error',
  check: (ctx) => {
    const check: LinkCheck = { ws: ctx.ws, paths: new Set(ctx.ws.files.map((f) => f.path)), suggesters: new Map() };
    return ctx.ws.nodes.flatMap((node) => checkNode(check, node));
  },
  checkNode: (ctx, node) => {
    let check = ctx.memo.get('broken-link') as LinkCheck | undefined;
    if (!check) ctx.memo.set('broken-link', (check = { ws: ctx.ws, paths: new Set(ctx.ws.files.map((f) => f.path)), suggesters: new Map() }));
    return checkNode(check, node);
  },
};

function checkNode(check: LinkCheck, node: PlanNode): Finding[] {
  const out: Finding[] = [];
  for (const field of FIELDS) {
    for (const link of node.item[field]) {
      const finding = checkLink(check, node, field, link);
      if (finding) out.push(finding);
    }
  }
  return out;
}

/** Whether checking a node's links would ask for a suggestion (a link naming no id, not to another file). */
export function asksSuggestion(ws: ResolvedWorkspace, node: PlanNode): boolean {
  for (const field of FIELDS) {
    for (const link of node.item[field]) if (link.file === undefined && !ws.resolveLink(node, link, LINK_TARGETS[field])) return true;
  }
  return false;
}

function checkLink(check: LinkCheck, node: PlanNode, field: LinkField, link: Link): Finding | undefined {
  const wanted = LINK_TARGETS[field];
  const target = check.ws.resolveLink(node, link, wanted);
  const opening = `${NodeLabel(node)} ${VERB.get(field)} '${link.id}'`;
  if (!target && link.file !== undefined) return notInFile(check, node, link, opening);
  if (!target) {
    const hint = suggestion(check, field, link.id);
    const finding = atSpan(node, link.span, `${opening}, which is not defined${hint ? `: did you mean '${hint}'?` : ''}`);
    if (hint) finding.fixes = [{ title: `Change '${link.id}' to '${hint}'`, span: link.idSpan ?? link.span, text: hint, guess: true }];
    return finding;
  }
  if (wanted.includes(target.item.kind)) return undefined;
  return atSpan(node, link.span, `${opening}, which is ${withArticle(target.item.kind)} ('${titleOf(target.item, target.file.path)}'), not ${kinds(wanted)}`, [
    relatedAt(target, `'${link.id}' is defined here`),
  ]);
}

/** A Markdown link to another file whose id that file does not define: say where it was looked for. */
function notInFile(check: LinkCheck, node: PlanNode, link: Link, opening: string): Finding {
  const path = linkedFilePath(node.file.path, link.file!);
  const place = path === undefined ? `'${link.file}', which is outside the workspace` : check.paths.has(path) ? path : `${path}, which is not a plan file of the workspace`;
  const elsewhere = check.ws.byId.get(link.id);
  const hint = elsewhere ? `; it is defined in ${where(elsewhere)}` : '';
  return atSpan(node, link.span, `${opening}, which is not defined in ${place}${hint}`, elsewhere ? [relatedAt(elsewhere, `'${link.id}' is defined here`)] : undefined);
}

function kinds(wanted: readonly Kind[]): string {
  return wanted.map(withArticle).join(' or ');
}

function suggestion(check: LinkCheck, field: LinkField, id: string): string | undefined {
  let suggester = check.suggesters.get(field);
  if (!suggester) {
    suggester = new IdSuggester(candidates(check, LINK_TARGETS[field]));
    check.suggesters.set(field, suggester);
  }
  return suggester.suggest(id);
}

/** Ids with a definition of one of the kinds, in the order of their first definition. */
function* candidates(check: LinkCheck, wanted: readonly Kind[]): Iterable<string> {
  const { definitions } = check.ws;
  for (const id of check.ids?.() ?? definitions.keys()) if (definitions.get(id)!.some((d) => wanted.includes(d.item.kind))) yield id;
}
