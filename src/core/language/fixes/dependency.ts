/**
 * dependency-order: move the item so it starts (or is due) no earlier than its dependency
 * allows, keeping its duration: a written start and deadline move together.
 */
import { formatDay, parseDateOrPeriod, type Day } from '../../dates';
import { deadlineOf, titleOf } from '../../model/queries';
import type { Dependency, PlanNode } from '../../model/workspace';
import { unmetDependency, type Gap } from '../../rules/dependency-order';
import { withoutBom } from '../edits';
import { setFieldEdit } from '../mark-done';
import { sameGranularity, type DateField } from '../reschedule';
import { deadlineField } from './move-date';
import { editInSteps, type Step } from './steps';
import type { FixContext, FixTarget, PlanFix } from './types';

export function dependencyOrderFixes(ctx: FixContext, node: PlanNode, target: FixTarget): PlanFix[] {
  const found = dependencyOf(node, target);
  if (!found) return [];
  const { dep, gap } = found;
  const moves = datesToWrite(node, gap);
  const field = deadlineField(node.item.kind);
  if (!moves.length || !field) return [];
  const text = ctx.textOf(node.file.path);
  if (text === undefined) return [];
  const steps: Step[] = moves.map((m) => (file, body) => setFieldEdit(file, node.index, m.field, m.text, body));
  const result = editInSteps(node.file.path, withoutBom(text), steps);
  if (!result.ok) return [];
  const what = moves[0].field === 'start' ? 'start' : field === 'due' ? 'due date' : field === 'end' ? 'end' : 'target';
  const dates = moves.map((m) => `${m.field} ${m.text}`).join(', ');
  return [{ title: `Move ${what} after ${titleQuoted(dep.node)} (${dates})`, preferred: true, edits: new Map([[node.file.path, result.edits]]) }];
}

function titleQuoted(node: PlanNode): string {
  return `'${titleOf(node.item, node.file.path)}'`;
}

/** The dependency the diagnostic is about: the one whose date its related location points at, else the only one unmet. */
function dependencyOf(node: PlanNode, target: FixTarget): { dep: Dependency; gap: Gap } | undefined {
  const unmet = node.dependencies.flatMap((dep) => {
    const gap = unmetDependency(node, dep);
    return gap ? [{ dep, gap }] : [];
  });
  const related = target.related?.[0];
  const match = related && unmet.find(({ dep, gap }) => dep.node.file.path === related.file && gap.other.date.span.start === related.span.start && gap.other.date.span.end === related.span.end);
  return match ?? (unmet.length === 1 ? unmet[0] : undefined);
}

interface Move {
  field: DateField;
  text: string;
}

/** The dates to write: the side the rule compares moved to the required day, the other written date by as much. */
function datesToWrite(node: PlanNode, gap: Gap): Move[] {
  const { item } = node;
  const delta = gap.required - gap.own.day;
  const deadline = deadlineOf(item);
  const field = deadlineField(item.kind);
  if (!field) return [];
  const out: Move[] = [];
  if (item.start) {
    const first = item.start.first + delta;
    out.push({ field: 'start', text: startText(item.start.text, first) });
  }
  if (deadline) {
    // A deadline compared by its first day (start-to-start without a start) must begin on the required day.
    const byStart = gap.own.which === 'deadline' && gap.own.day === deadline.first && deadline.first !== deadline.last;
    out.push({ field, text: byStart ? startText(deadline.text, deadline.first + delta) : sameGranularity(deadline.text, deadline.last + delta) });
  }
  return out;
}

/** A start keeps its granularity only when the period still begins on or after the day. */
function startText(old: string, first: Day): string {
  const kept = sameGranularity(old, first);
  const parsed = parseDateOrPeriod(kept);
  return parsed.ok && parsed.value.first >= first ? kept : formatDay(first);
}

