import { closest, distance } from 'fastest-levenshtein';
import { Label, label } from '../parse/interpret';
import { LINK_TARGETS, type PlanNode, type ResolvedWorkspace } from '../model/workspace';
import type { Link } from '../model/types';
import { atSpan, relatedAt, type Finding, type Rule } from './rule';

const VERB = { goal: 'serves goal', delivers: 'delivers', depends: 'depends on' } as const;

export const brokenLink: Rule = {
  id: 'broken-link',
  description: '`goal`, `delivers` or `depends` names no item, or an item of the wrong kind.',
  defaultSeverity: 'error',
  check: (ctx) => {
    const out: Finding[] = [];
    for (const node of ctx.ws.nodes) {
      for (const field of ['goal', 'delivers', 'depends'] as const) {
        for (const link of node.item[field]) {
          const finding = checkLink(ctx.ws, node, field, link);
          if (finding) out.push(finding);
        }
      }
    }
    return out;
  },
};

function checkLink(ws: ResolvedWorkspace, node: PlanNode, field: keyof typeof LINK_TARGETS, link: Link): Finding | undefined {
  const target = ws.byId.get(link.id);
  const wanted = LINK_TARGETS[field];
  if (!target) {
    const hint = suggestion(ws, link.id, wanted);
    const finding = atSpan(node, link.span, `${Label(node.item)} ${VERB[field]} '${link.id}', which is not defined${hint ? `: did you mean '${hint}'?` : ''}`);
    if (hint) finding.fixes = [{ title: `Change '${link.id}' to '${hint}'`, span: link.idSpan ?? link.span, text: hint }];
    return finding;
  }
  if (wanted.includes(target.item.kind)) return undefined;
  return atSpan(node, link.span, `${Label(node.item)} ${VERB[field]} '${link.id}', which is ${label(target.item)}, not a ${wanted.join(' or ')}`, [
    relatedAt(target, `'${link.id}' is defined here`),
  ]);
}

function suggestion(ws: ResolvedWorkspace, id: string, kinds: readonly string[]): string | undefined {
  const candidates = [...ws.byId.values()].filter((n) => kinds.includes(n.item.kind)).map((n) => n.item.id);
  if (candidates.length === 0) return undefined;
  const best = closest(id, candidates);
  return distance(id, best) <= Math.max(2, Math.floor(id.length / 3)) ? best : undefined;
}
