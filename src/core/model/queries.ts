/**
 * Questions asked of the model by rules, views and exports alike: an item's deadline and start,
 * whether it is open, the tasks under it, its progress, and how messages name it.
 */
import type { DateValue, Item, Kind } from './types';
import type { PlanNode } from './workspace';
import { isClosed } from './values';

/** The date an item must be finished by: milestone/task/goal `due`, project `end`, initiative `target`. */
export function deadlineOf(item: Item): DateValue | undefined {
  switch (item.kind) {
    case 'project': return item.end;
    case 'initiative': return item.target;
    case 'roadmap': return undefined;
    default: return item.due;
  }
}

/**
 * When an item starts, for start-to-start dependencies: its written `start`, else its deadline
 * (an item with only a deadline is an event on that date; a period starts on its first day).
 */
export function startOf(item: Item): DateValue | undefined {
  return item.start ?? deadlineOf(item);
}

export function isOpen(node: PlanNode): boolean {
  return !isClosed(node.item.status);
}

/** Every task under a node, at any depth (subtasks included). */
export function tasksUnder(node: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const stack = [...node.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.item.kind === 'task') out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

export interface Progress {
  /** 0..1 */
  value: number;
  /** `written`: the item's own `progress` field; `tasks`: the share of its tasks done. */
  source: 'written' | 'tasks';
  done?: number;
  total?: number;
}

/**
 * A written `progress` where there is one (1.1), else the share of the tasks under the node that
 * are done. `counts` (from taskCounts) saves walking the subtree again for every node.
 */
export function progressOf(node: PlanNode, counts?: ReadonlyMap<PlanNode, TaskCount>): Progress | undefined {
  if (node.item.progress) return { value: node.item.progress.value, source: 'written' };
  const own = counts?.get(node);
  const tasks = own ? undefined : tasksUnder(node);
  const total = own ? own.total : tasks!.length;
  if (total === 0) return undefined;
  const done = own ? own.done : tasks!.filter((t) => t.item.status === 'done').length;
  return { value: done / total, source: 'tasks', done, total };
}

export interface TaskCount {
  done: number;
  total: number;
}

/** Tasks under every node, done and in all, in one pass from the leaves up (children follow their parent in document order). */
export function taskCounts(nodes: readonly PlanNode[]): Map<PlanNode, TaskCount> {
  const out = new Map<PlanNode, TaskCount>();
  for (let i = nodes.length - 1; i >= 0; i--) {
    const count = { done: 0, total: 0 };
    for (const c of nodes[i].children) {
      const below = out.get(c);
      if (below) {
        count.done += below.done;
        count.total += below.total;
      }
      if (c.item.kind === 'task') {
        count.total++;
        if (c.item.status === 'done') count.done++;
      }
    }
    out.set(nodes[i], count);
  }
  return out;
}

/** `a milestone`, `an initiative`. */
export function withArticle(kind: Kind | string): string {
  return `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** The one title fallback of every message: the title, else the id, else the file's name. */
export function titleOf(item: Pick<Item, 'title' | 'id'>, filePath?: string): string {
  return item.title || item.id || (filePath ? filePath.slice(filePath.lastIndexOf('/') + 1) : '');
}

/** How messages name an item: `milestone 'Pilot in the first clinic'`. */
export function label(item: Pick<Item, 'kind' | 'title' | 'id'>, filePath?: string): string {
  return `${item.kind} '${titleOf(item, filePath)}'`;
}

/** The same as label(), capitalised to open a sentence. */
export function Label(item: Pick<Item, 'kind' | 'title' | 'id'>, filePath?: string): string {
  const text = label(item, filePath);
  return text[0].toUpperCase() + text.slice(1);
}

/** label() of a node, with its file for the last fallback. */
export function nodeLabel(node: PlanNode): string {
  return label(node.item, node.file.path);
}

export function NodeLabel(node: PlanNode): string {
  return Label(node.item, node.file.path);
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
