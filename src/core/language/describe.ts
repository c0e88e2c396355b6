/** Short texts shared by hover, code lens, inlay hints and symbols: dates, days left, progress. */
import { formatDay, partsOfDay, type Day } from '../dates';
import type { DateValue } from '../model/types';
import { deadlineOf, isOpen, progressOf, tasksUnder } from '../model/queries';
import type { PlanNode } from '../model/workspace';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mar 31`, with the year when it differs from `year` (`Mar 31, 2028`). */
export function shortDate(day: Day, year?: number): string {
  const p = partsOfDay(day);
  const text = `${MONTHS[p.month - 1]} ${p.day}`;
  return year === undefined || p.year === year ? text : `${text}, ${p.year}`;
}

/** A date as written, with a period's range: `2027-Q1 (2027-01-01 – 2027-03-31)`. */
export function dateText(value: DateValue): string {
  return value.isPeriod ? `${value.text} (${formatDay(value.first)} – ${formatDay(value.last)})` : formatDay(value.first);
}

/** `in 5 days`, `today`, `3 days late`: how far a deadline is from today. */
export function dueIn(day: Day, today: Day): string {
  const diff = day - today;
  if (diff === 0) return 'due today';
  const n = Math.abs(diff);
  const days = `${n} day${n === 1 ? '' : 's'}`;
  return diff > 0 ? `due in ${days}` : `${days} late`;
}

/** Days left or days late for an open item with a deadline; undefined otherwise. */
export function deadlineNote(node: PlanNode, today: Day): string | undefined {
  const deadline = deadlineOf(node.item);
  return deadline && isOpen(node) ? dueIn(deadline.last, today) : undefined;
}

/** `3/7 tasks`, or `60%` for a written progress. */
export function progressNote(node: PlanNode): string | undefined {
  const progress = progressOf(node);
  if (!progress) return undefined;
  if (progress.source === 'written') return `${Math.round(progress.value * 100)}%`;
  const word = node.item.kind === 'task' ? 'subtasks' : 'tasks';
  return `${progress.done}/${progress.total} ${word}`;
}

/** Whether a node has tasks under it (so `0/0 tasks` is never shown). */
export function hasTasks(node: PlanNode): boolean {
  return tasksUnder(node).length > 0;
}

/** The dates of an item in one line: `start 2027-01-11 · due 2027-02-05`. */
export function datesLine(node: PlanNode): string | undefined {
  const { item } = node;
  const parts: string[] = [];
  for (const key of ['start', 'due', 'end', 'target'] as const) {
    const value = item[key];
    if (value) parts.push(`${key} ${value.text}`);
  }
  return parts.length ? parts.join(' · ') : undefined;
}

/** Escapes Markdown punctuation in user text shown in a hover. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
