import type { Kind } from '../model/types';
import { isDefinition, type PlanNode } from '../model/workspace';
import { nodeLabel } from '../model/queries';
import { atItem, relatedAt, where, type Finding, type Rule } from './rule';

/** Broad to detailed: where two kinds share an id, the more detailed one is the one to rename. */
const KIND_ORDER: readonly Kind[] = ['roadmap', 'goal', 'initiative', 'project', 'milestone', 'task'];

/**
 * One diagnostic per extra definition. Links prefer a definition of a kind they accept (1.1),
 * so an id shared across kinds costs this one diagnostic, without broken links in its wake.
 */
export const duplicateId: Rule = {
  id: 'duplicate-id',
  description: 'An id defined twice; reported at every definition after the first.',
  defaultSeverity: 'error',
  check: (ctx) => ctx.ws.duplicates.map(({ node, first }) => finding(node, first)),
  checkNode: (ctx, node) => {
    if (!isDefinition(node)) return [];
    const first = ctx.ws.definitions.get(node.item.id)?.[0];
    return first && first !== node ? [finding(node, first)] : [];
  },
};

function finding(node: PlanNode, first: PlanNode): Finding {
  return node.item.kind === first.item.kind ? sameKind(node, first) : acrossKinds(node, first);
}

function sameKind(node: PlanNode, first: PlanNode): Finding {
  return atItem(node, `Duplicate id '${node.item.id}': already defined by ${nodeLabel(first)} at ${where(first)}; links resolve to that one`, [
    relatedAt(first, `First definition of '${node.item.id}'`),
  ]);
}

function acrossKinds(node: PlanNode, first: PlanNode): Finding {
  const { id } = node.item;
  const rename = KIND_ORDER.indexOf(node.item.kind) >= KIND_ORDER.indexOf(first.item.kind) ? node : first;
  const suggested = `${id}-${rename.item.kind}`;
  return atItem(node, `Duplicate id '${id}': ${nodeLabel(first)} at ${where(first)} has it too. Ids are shared across kinds: a link reaches the ${node.item.kind} or the ${first.item.kind} by the kinds it accepts, but ids must be unique; give the ${rename.item.kind} a distinct id such as '${suggested}'`, [
    relatedAt(first, `First definition of '${id}'`),
  ]);
}
