import { Label, label } from '../parse/interpret';
import { dependencyCycles } from '../schedule/cycles';
import { atItem, relatedAt, type Finding, type Rule } from './rule';

export const dependencyCycle: Rule = {
  id: 'dependency-cycle',
  description: '`depends` links that form a cycle; reported at every item on the cycle.',
  defaultSeverity: 'error',
  check: (ctx) => {
    const out: Finding[] = [];
    for (const cycle of dependencyCycles(ctx.ws.nodes)) {
      const path = [...cycle, cycle[0]].map((n) => n.item.id).join(' → ');
      for (const node of cycle) {
        const others = cycle.filter((n) => n !== node).map((n) => relatedAt(n, `${Label(n.item)} is on the same cycle`));
        out.push(atItem(node, `${Label(node.item)} is on a dependency cycle: ${path}`, others.length ? others : [relatedAt(node, `${label(node.item)} depends on itself`)]));
      }
    }
    return out;
  },
};
