import { isOpen, NodeLabel, nodeLabel, plural } from '../model/queries';
import type { PlanNode } from '../model/workspace';
import { atItem, relatedAt, type Finding, type Rule } from './rule';

/** Related locations listed per diagnostic; the message counts them all. */
const RELATED_LIMIT = 20;

/** The open work under an item that its status hides: counted in full, the first few listed. */
interface OpenWork {
  tasks: number;
  milestones: number;
  first: PlanNode[];
}

/**
 * Reported at a closed item (a ticked task too, 1.1) over the open milestones and tasks below
 * it: through closed items, not into open ones (a task under an open milestone or task is that
 * item's business). Summaries are built bottom-up once, so deep nesting stays linear.
 */
export const statusMismatch: Rule = {
  id: 'status-mismatch',
  description: 'A closed item with open tasks or milestones, a ticked task with open subtasks; an initiative marked done while an item delivering it is open.',
  defaultSeverity: 'warning',
  check: (ctx) => {
    const open = openWorkBelow(ctx.ws.nodes);
    return ctx.ws.nodes.flatMap((node) => checkNode(node, open));
  },
  checkNode: (ctx, node) => {
    if (isOpen(node)) return [];
    let open = ctx.memo.get('status-mismatch') as Map<PlanNode, OpenWork> | undefined;
    if (!open) ctx.memo.set('status-mismatch', (open = new Map()));
    if (!open.has(node)) openWorkUnder(node, open);
    return checkNode(node, open);
  },
};

function checkNode(node: PlanNode, open: ReadonlyMap<PlanNode, OpenWork>): Finding[] {
  if (isOpen(node)) return [];
  const out: Finding[] = [];
  const work = open.get(node)!;
  if (work.tasks + work.milestones > 0) {
    const count = work.tasks + work.milestones;
    out.push(atItem(node, `${NodeLabel(node)} is ${closedWord(node)} but ${describe(node, work)} ${count === 1 ? 'is' : 'are'} still open`,
      work.first.map((n) => relatedAt(n, `Open ${n.item.kind === 'task' && n.parent?.item.kind === 'task' ? 'subtask' : n.item.kind}`))));
  }
  if (node.item.kind === 'initiative' && node.item.status === 'done') {
    const delivering = node.deliveredBy.filter(isOpen);
    if (delivering.length) {
      out.push(atItem(node, `${NodeLabel(node)} is done but ${nodeLabel(delivering[0])}${delivering.length > 1 ? ` and ${delivering.length - 1} more` : ''}, which deliver${delivering.length > 1 ? '' : 's'} it, ${delivering.length > 1 ? 'are' : 'is'} still open`,
        delivering.slice(0, RELATED_LIMIT).map((n) => relatedAt(n, `${NodeLabel(n)} is ${n.item.status}`))));
    }
  }
  return out;
}

/** A task's box decides its status: `[x]` reads as ticked. */
function closedWord(node: PlanNode): string {
  return node.item.kind === 'task' && node.item.status === 'done' ? 'ticked' : node.item.status;
}

function openWorkBelow(nodes: readonly PlanNode[], out = new Map<PlanNode, OpenWork>()): Map<PlanNode, OpenWork> {
  // Children come after their parent in document order: walking backwards sees them first.
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (out.has(nodes[i])) continue;
    const work: OpenWork = { tasks: 0, milestones: 0, first: [] };
    for (const c of nodes[i].children) {
      const kind = c.item.kind;
      if ((kind === 'task' || kind === 'milestone') && isOpen(c)) {
        if (kind === 'task') work.tasks++;
        else work.milestones++;
        if (work.first.length < RELATED_LIMIT) work.first.push(c);
        continue;
      }
      const below = out.get(c);
      if (!below) continue;
      work.tasks += below.tasks;
      work.milestones += below.milestones;
      for (const n of below.first) if (work.first.length < RELATED_LIMIT) work.first.push(n);
    }
    out.set(nodes[i], work);
  }
  return out;
}

/** The open work of a node's subtree, into `out` (subtrees already there are not walked again). */
function openWorkUnder(node: PlanNode, out: Map<PlanNode, OpenWork>): void {
  const preorder: PlanNode[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (out.has(n)) continue;
    preorder.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  openWorkBelow(preorder, out);
}

function describe(node: PlanNode, work: OpenWork): string {
  const taskWord = node.item.kind === 'task' ? 'subtask' : 'task';
  const parts = [work.milestones ? plural(work.milestones, 'milestone') : '', work.tasks ? plural(work.tasks, taskWord) : ''].filter(Boolean);
  return parts.join(' and ');
}
