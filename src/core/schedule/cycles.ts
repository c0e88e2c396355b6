/** Strongly connected components of the `depends` graph: the dependency cycles. */
import type { PlanNode } from '../model/workspace';

const cache = new WeakMap<readonly PlanNode[], PlanNode[][]>();

/**
 * Every cycle of `depends` links, as the set of nodes on it in link order. Iterative Tarjan,
 * so a long dependency chain cannot overflow the stack. Memoised per resolved workspace.
 */
export function dependencyCycles(nodes: readonly PlanNode[]): PlanNode[][] {
  const hit = cache.get(nodes);
  if (hit) return hit;
  const cycles = cyclesFrom(nodes);
  cache.set(nodes, cycles);
  return cycles;
}

/**
 * The cycles among the nodes reachable from `roots` along `depends` links. The set explored is
 * closed under those links, so each cycle found is a whole strongly connected component of the
 * workspace; the incremental check starts it from the nodes whose links changed.
 */
export function cyclesFrom(roots: Iterable<PlanNode>): PlanNode[][] {
  const index = new Map<PlanNode, number>();
  const low = new Map<PlanNode, number>();
  const onStack = new Set<PlanNode>();
  const stack: PlanNode[] = [];
  const cycles: PlanNode[][] = [];
  let counter = 0;
  for (const root of roots) {
    if (index.has(root) || root.depends.length === 0) continue;
    const work: { node: PlanNode; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter); low.set(root, counter++); stack.push(root); onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const { node } = frame;
      if (frame.next < node.depends.length) {
        const dep = node.depends[frame.next++];
        if (!index.has(dep)) {
          index.set(dep, counter); low.set(dep, counter++); stack.push(dep); onStack.add(dep);
          work.push({ node: dep, next: 0 });
        } else if (onStack.has(dep)) low.set(node, Math.min(low.get(node)!, index.get(dep)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(node)!));
      }
      if (low.get(node) !== index.get(node)) continue;
      const component: PlanNode[] = [];
      let member: PlanNode;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || node.depends.includes(node)) cycles.push(orderAlongLinks(component));
    }
  }
  return cycles;
}

/** Orders a component by following links from its first member, for a readable `a → b → a`. */
function orderAlongLinks(component: PlanNode[]): PlanNode[] {
  const members = new Set(component);
  const start = component.reduce((a, b) => (a.file.path + a.item.anchor.start.toString().padStart(9) <= b.file.path + b.item.anchor.start.toString().padStart(9) ? a : b));
  const ordered = [start];
  const seen = new Set([start]);
  for (let cur = start; ;) {
    const next = cur.depends.find((d) => members.has(d) && !seen.has(d));
    if (!next) break;
    ordered.push(next);
    seen.add(next);
    cur = next;
  }
  for (const n of component) if (!seen.has(n)) ordered.push(n);
  return ordered;
}
