/**
 * What drift compares of each item: a flat, id-keyed summary of a resolved workspace, so that
 * the plan at a baseline and the plan now can be set side by side in one linear pass.
 */
import { positionAt } from '../lines';
import { deadlineOf, progressOf, taskCounts } from '../model/queries';
import type { DateRange } from '../dates';
import type { Item, Kind } from '../model/types';
import type { Money, Status } from '../model/values';
import type { PlanNode, ResolvedWorkspace } from '../model/workspace';

export type DeadlineField = 'due' | 'end' | 'target';

/** An item and where it is written (1-based line and column of its anchor). */
export interface ItemPlace {
  id: string;
  kind: Kind;
  title: string;
  file: string;
  line: number;
  column: number;
}

export interface ItemFacts extends ItemPlace {
  /** Index of the item in its file, for telling a renamed item by its place. */
  index: number;
  /** The id of the enclosing item, if any. */
  parent?: string;
  status: Status;
  start?: DateRange;
  deadline?: DateRange;
  deadlineField?: DeadlineField;
  /** 0..1, written or from the tasks' share done. */
  progress?: number;
  budget?: Money;
  spent?: Money;
  goal: string[];
  delivers: string[];
  depends: string[];
  /** Titles of the tasks whose nearest non-task ancestor this item is (its scope; task ids derive from their owner's). */
  tasks: string[];
  /**
   * What rolls up into this initiative (the projects and milestones delivering it) or project
   * (its milestones): each as `id|file` (an id written twice stays apart) with its deadline.
   */
  contributors: { key: string; deadline?: number }[];
  /** Targets of the initiatives this item delivers (for a project's roll-up). */
  deliversTargets: number[];
  node: PlanNode;
}

export function deadlineFieldOf(kind: Kind): DeadlineField | undefined {
  return kind === 'project' ? 'end' : kind === 'initiative' ? 'target' : kind === 'roadmap' ? undefined : 'due';
}

/** Every item of a workspace by id; of duplicated ids the first definition stands (as links resolve). */
export function factsOf(ws: ResolvedWorkspace): Map<string, ItemFacts> {
  const counts = taskCounts(ws.nodes);
  const out = new Map<string, ItemFacts>();
  for (const node of ws.nodes) {
    if (out.has(node.item.id)) continue;
    out.set(node.item.id, toFacts(node, counts));
  }
  for (const node of ws.nodes) {
    if (node.item.kind !== 'task') continue;
    let owner = node.parent;
    while (owner && owner.item.kind === 'task') owner = owner.parent;
    const facts = owner && out.get(owner.item.id);
    if (facts && facts.node === owner) facts.tasks.push(node.item.title);
  }
  return out;
}

function toFacts(node: PlanNode, counts: ReturnType<typeof taskCounts>): ItemFacts {
  const { item } = node;
  const at = positionAt(node.file.lineStarts, item.anchor.start);
  const deadline = deadlineOf(item);
  const facts: ItemFacts = {
    id: item.id, kind: item.kind, title: item.title, file: node.file.path, line: at.line, column: at.column, index: node.index,
    status: item.status, goal: ids(item.goal), delivers: ids(item.delivers), depends: dependsOf(item),
    tasks: [], contributors: contributorsOf(node), deliversTargets: node.delivers.flatMap((d) => (d.item.target ? [d.item.target.last] : [])), node,
  };
  if (node.parent) facts.parent = node.parent.item.id;
  if (item.start) facts.start = range(item.start);
  if (deadline) {
    facts.deadline = range(deadline);
    facts.deadlineField = deadlineFieldOf(item.kind);
  }
  const progress = progressOf(node, counts);
  if (progress) facts.progress = progress.value;
  if (item.budget) facts.budget = { amount: item.budget.amount, currency: item.budget.currency };
  if (item.spent) facts.spent = { amount: item.spent.amount, currency: item.spent.currency };
  return facts;
}

function range(d: DateRange): DateRange {
  return { text: d.text, first: d.first, last: d.last, isPeriod: d.isPeriod };
}

function ids(links: readonly { id: string }[]): string[] {
  return links.map((l) => l.id);
}

/** `depends` with its type and lag where they are not the plain finish-to-start. */
function dependsOf(item: Item): string[] {
  return item.depends.map((l) => (l.dep && (l.dep.type !== 'FS' || l.dep.lagDays) ? `${l.id} ${l.dep.type}${l.dep.lagDays ? (l.dep.lagDays > 0 ? '+' : '') + l.dep.lagDays + 'd' : ''}` : l.id));
}

/** The key of an item in roll-ups and change counts: its id and file. */
export function placeKey(id: string, file: string): string {
  return `${id}|${file}`;
}

function contributorsOf(node: PlanNode): ItemFacts['contributors'] {
  const nodes = node.item.kind === 'initiative' ? [...new Set(node.deliveredBy.flatMap((d) => [d, ...d.children.filter((c) => c.item.kind === 'milestone')]))]
    : node.item.kind === 'project' ? node.children.filter((c) => c.item.kind === 'milestone') : [];
  return nodes.map((n) => ({ key: placeKey(n.item.id, n.file.path), deadline: deadlineOf(n.item)?.last }));
}
