/**
 * status-mismatch, both ways: close the open work under a closed item (ticked when it is done,
 * dropped when it was dropped), or reopen the item. An initiative done while what delivers it
 * is open can only be reopened here: the open projects are other people's to close.
 */
import { isOpen, plural, titleOf } from '../../model/queries';
import type { PlanNode } from '../../model/workspace';
import { withoutBom } from '../edits';
import { closeEdit, reopenEdit } from './status-edits';
import { editInSteps, type Step } from './steps';
import type { FixContext, FixTarget, PlanFix } from './types';

export function statusMismatchFixes(ctx: FixContext, node: PlanNode, target: FixTarget): PlanFix[] {
  const text = ctx.textOf(node.file.path);
  if (text === undefined || isOpen(node)) return [];
  const body = withoutBom(text);
  const out: PlanFix[] = [];
  const open = openWorkUnder(node);
  if (open.length && aboutOpenWork(node, target)) {
    const status = node.item.status === 'dropped' ? 'dropped' : 'done';
    const steps: Step[] = open.map((n) => (file, current) => closeEdit(file, n.index, status, current));
    const result = editInSteps(node.file.path, body, steps);
    if (result.ok) out.push({ title: closeTitle(node, open, status), edits: new Map([[node.file.path, result.edits]]) });
  }
  const reopen = editInSteps(node.file.path, body, [(file, current) => reopenEdit(file, node.index, current)]);
  if (reopen.ok) out.push({ title: reopenTitle(node), edits: new Map([[node.file.path, reopen.edits]]) });
  return out;
}

/**
 * The open tasks and milestones below a closed item, through closed items as the rule counts
 * them, and everything open below those (closing a task with open subtasks would only move the
 * mismatch down a level). Open items of other kinds are their own business.
 */
export function openWorkUnder(node: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const walk = (n: PlanNode, closing: boolean) => {
    for (const c of n.children) {
      const kind = c.item.kind;
      if (!isOpen(c)) walk(c, closing);
      else if (kind === 'task' || kind === 'milestone') {
        out.push(c);
        walk(c, true);
      } else if (closing) walk(c, closing);
    }
  };
  walk(node, false);
  return out;
}

/** The finding about open work points at open items below; the one about delivering items, at other items. */
function aboutOpenWork(node: PlanNode, target: FixTarget): boolean {
  const below = new Set<string>();
  for (const n of openWorkUnder(node)) below.add(`${n.file.path}:${n.item.anchor.start}`);
  return !target.related?.length || target.related.some((r) => below.has(`${r.file}:${r.span.start}`));
}

function closeTitle(node: PlanNode, open: PlanNode[], status: 'done' | 'dropped'): string {
  const tasks = open.filter((n) => n.item.kind === 'task').length;
  const milestones = open.length - tasks;
  const taskWord = node.item.kind === 'task' ? 'subtask' : 'task';
  const what = [milestones ? plural(milestones, 'open milestone') : '', tasks ? plural(tasks, `open ${taskWord}`) : ''].filter(Boolean).join(' and ');
  if (status === 'dropped') return `Drop the ${what} too`;
  return milestones === 0 && tasks > 0 ? `Tick the ${what}` : `Mark the ${what} done`;
}

function reopenTitle(node: PlanNode): string {
  const title = `'${titleOf(node.item, node.file.path)}'`;
  if (node.item.kind === 'task' && !node.item.fields.some((f) => f.key === 'status')) return `Reopen ${title} (${/\.ya?ml$/i.test(node.file.path) ? 'done: false' : 'untick it'})`;
  return `Reopen ${title} (status: in-progress)`;
}
