import { label } from '../parse/interpret';
import { atItem, relatedAt, where, type Rule } from './rule';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  description: 'An id defined twice; reported at every definition after the first.',
  defaultSeverity: 'error',
  check: (ctx) =>
    ctx.ws.duplicates.map(({ node, first }) =>
      atItem(node, `Duplicate id '${node.item.id}': already defined by ${label(first.item)} at ${where(first)}; links resolve to that one`, [
        relatedAt(first, `First definition of '${node.item.id}'`),
      ]),
    ),
};
