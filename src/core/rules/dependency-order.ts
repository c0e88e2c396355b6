import { formatDay, type Day } from '../dates';
import type { DependencyType, DateValue } from '../model/types';
import type { Dependency, PlanNode } from '../model/workspace';
import { deadlineOf, isOpen, NodeLabel, nodeLabel, startOf } from '../model/queries';
import { dependencyCycles } from '../schedule/cycles';
import { atItem, relatedAt, type Finding, type Rule } from './rule';

/**
 * Each `depends` link is checked by its type (1.1), lag included:
 * - FS (the default): the item starts, or without a start is due, no earlier than the other's deadline;
 * - SS: the item starts no earlier than the other starts;
 * - FF: the item is due no earlier than the other's deadline.
 * For SS, an item without a written start is taken to start on its deadline (its first day
 * for a period), on either side: a milestone with only a due date is an event on that date,
 * the same reading the timeline draws. Closed items on either side are skipped: a done
 * dependency no longer holds anything up.
 */
export const dependencyOrder: Rule = {
  id: 'dependency-order',
  description: 'A dependency of its type not met: FS an item starting (or due) before the deadline of what it depends on, SS starting before it starts, FF due before its deadline.',
  defaultSeverity: 'warning',
  check: (ctx) => {
    const onCycle = new Set(dependencyCycles(ctx.ws.nodes).flat());
    return ctx.ws.nodes.flatMap((node) => checkNode(node, (n) => onCycle.has(n)));
  },
  checkNode: (ctx, node) => checkNode(node, (n) => ctx.cycleOf(n) !== undefined),
};

function checkNode(node: PlanNode, onCycle: (n: PlanNode) => boolean): Finding[] {
  if (node.dependencies.length === 0 || onCycle(node) || !isOpen(node)) return [];
  const out: Finding[] = [];
  for (const dep of node.dependencies) {
    const finding = onCycle(dep.node) || !isOpen(dep.node) ? undefined : compare(node, dep);
    if (finding) out.push(finding);
  }
  return out;
}

/** One side of a comparison: the day, which date it is, and how a message says it. */
export interface Side {
  day: Day;
  /** The item's start, or its deadline (due, end or target). */
  which: 'start' | 'deadline';
  /** `starts 2027-01-20`, `is due 2027-01-15`. */
  text: string;
  date: DateValue;
}

const NAMES: ReadonlyMap<DependencyType, string> = new Map([['FS', 'finish-to-start'], ['SS', 'start-to-start'], ['FF', 'finish-to-finish']]);

/** A dependency not met: the item's side, the other's, and the earliest day the item's side may be. */
export interface Gap {
  own: Side;
  other: Side;
  required: Day;
}

/** Whether `dep` of `node` is met by the dates as written (cycles and closed items aside: the rule skips those). */
export function unmetDependency(node: PlanNode, dep: Dependency): Gap | undefined {
  const own = ownSide(node, dep.type);
  const other = otherSide(dep.node, dep.type);
  if (!own || !other) return undefined;
  const required = other.day + dep.lagDays;
  return own.day >= required ? undefined : { own, other, required };
}

function compare(node: PlanNode, dep: Dependency): Finding | undefined {
  const gap = unmetDependency(node, dep);
  if (!gap) return undefined;
  const { own, other, required } = gap;
  const relation = dep.lagDays === 0 ? 'before' : dep.lagDays > 0 ? `less than ${days(dep.lagDays)} after` : `more than ${days(-dep.lagDays)} before`;
  const lag = dep.lagDays === 0 ? '' : ` with a ${Math.abs(dep.lagDays)}-day ${dep.lagDays > 0 ? 'lag' : 'lead'} (${code(dep)}): ${ownVerb(node, dep.type)} ${formatDay(required)} or later`;
  const message = `${NodeLabel(node)} ${own.text}, ${relation} ${nodeLabel(dep.node)} it depends on ${other.text}, a ${NAMES.get(dep.type)} dependency${lag}`;
  const what = dep.type === 'SS' ? 'Start' : 'Deadline';
  return atItem(node, message, [relatedAt(dep.node, `${what} of ${nodeLabel(dep.node)}`, other.date.span)]);
}

function ownSide(node: PlanNode, type: DependencyType): Side | undefined {
  const { start } = node.item;
  const deadline = deadlineOf(node.item);
  if (type === 'FF') return deadline && { day: deadline.last, which: 'deadline', text: `${dueVerb(node)} ${deadline.text}`, date: deadline };
  if (start) return { day: start.first, which: 'start', text: `starts ${start.text}`, date: start };
  if (!deadline) return undefined;
  if (type === 'FS') return { day: deadline.last, which: 'deadline', text: `${dueVerb(node)} ${deadline.text}`, date: deadline };
  return { day: deadline.first, which: 'deadline', text: `has no start and ${dueVerb(node)} ${deadline.text}`, date: deadline };
}

function otherSide(node: PlanNode, type: DependencyType): Side | undefined {
  const deadline = deadlineOf(node.item);
  if (type !== 'SS') return deadline && { day: deadline.last, which: 'deadline', text: `${dueVerb(node)} (${deadline.text})`, date: deadline };
  const start = startOf(node.item);
  if (!start) return undefined;
  const text = node.item.start ? `starts (${start.text})` : `starts (no start written: its deadline, ${start.text})`;
  return { day: start.first, which: node.item.start ? 'start' : 'deadline', text, date: start };
}

function dueVerb(node: PlanNode): string {
  return node.item.kind === 'project' ? 'ends' : node.item.kind === 'initiative' ? 'has its target' : 'is due';
}

function ownVerb(node: PlanNode, type: DependencyType): string {
  if (type === 'SS' || (type === 'FS' && node.item.start)) return 'it can start';
  return node.item.kind === 'project' ? 'it can end' : 'it can be due';
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** `FS+5d`, `SS-3d`. */
function code(dep: Dependency): string {
  return `${dep.type}${dep.lagDays > 0 ? '+' : '-'}${Math.abs(dep.lagDays)}d`;
}
