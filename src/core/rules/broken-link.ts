import { LINK_TARGETS, linkedFilePath, type PlanNode, type ResolvedWorkspace } from '../model/workspace';
import type { Kind, Link } from '../model/types';
import { NodeLabel, titleOf, withArticle } from '../model/queries';
import { atSpan, relatedAt, where, type Finding, type Rule } from './rule';
import { IdSuggester } from './suggest';

type LinkField = keyof typeof LINK_TARGETS;

const VERB: ReadonlyMap<LinkField, string> = new Map([['goal', 'serves goal'], ['delivers', 'delivers'], ['depends', 'depends on']]);
const FIELDS: readonly LinkField[] = ['goal', 'delivers', 'depends'];

/** What one check shares across links: the suggestion index of each field, built when first needed. */
interface LinkCheck {
  ws: ResolvedWorkspace;
  paths: ReadonlySet<string>;
  suggesters: Map<LinkField, IdSuggester>;
}

export const brokenLink: Rule = {
  id: 'broken-link',
  description: '`goal`, `delivers` or `depends` names no item, or an item of the wrong kind.',
  defaultSeverity: 'error',
  check: (ctx) => {
    const check: LinkCheck = { ws: ctx.ws, paths: new Set(ctx.ws.files.map((f) => f.path)), suggesters: new Map() };
    const out: Finding[] = [];
    for (const node of ctx.ws.nodes) {
      for (const field of FIELDS) {
        for (const link of node.item[field]) {
          const finding = checkLink(check, node, field, link);
          if (finding) out.push(finding);
        }
      }
    }
    return out;
  },
};

function checkLink(check: LinkCheck, node: PlanNode, field: LinkField, link: Link): Finding | undefined {
  const wanted = LINK_TARGETS[field];
  const target = check.ws.resolveLink(node, link, wanted);
  const opening = `${NodeLabel(node)} ${VERB.get(field)} '${link.id}'`;
  if (!target && link.file !== undefined) return notInFile(check, node, link, opening);
  if (!target) {
    const hint = suggestion(check, field, link.id);
    const finding = atSpan(node, link.span, `${opening}, which is not defined${hint ? `: did you mean '${hint}'?` : ''}`);
    if (hint) finding.fixes = [{ title: `Change '${link.id}' to '${hint}'`, span: link.idSpan ?? link.span, text: hint }];
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
    suggester = new IdSuggester(candidates(check.ws, LINK_TARGETS[field]));
    check.suggesters.set(field, suggester);
  }
  return suggester.suggest(id);
}

/** Ids with a definition of one of the kinds, in the order of their first definition. */
function* candidates(ws: ResolvedWorkspace, wanted: readonly Kind[]): Iterable<string> {
  for (const [id, defs] of ws.definitions) if (defs.some((d) => wanted.includes(d.item.kind))) yield id;
}
