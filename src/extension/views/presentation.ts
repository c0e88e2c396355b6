/** How one plan item looks in a tree: icon, description and tooltip. */
import * as vscode from 'vscode';
import { formatDay, relativeDays, type Day } from '../../core/dates';
import { positionAt } from '../../core/lines';
import type { Kind } from '../../core/model/types';
import type { Flags } from '../../core/outline/flags';
import type { PlanNode } from '../../core/model/workspace';
import { deadlineOf, isOpen, tasksUnder } from '../../core/model/queries';


const KIND_ICON: Record<Kind, string> = {
  roadmap: 'map', goal: 'target', initiative: 'rocket', project: 'project', milestone: 'milestone', task: 'circle-large-outline',
};

export function itemIcon(node: PlanNode, flags: Flags): vscode.ThemeIcon {
  const { kind, status } = node.item;
  const id = kind === 'task' && status === 'done' ? 'pass-filled' : status === 'dropped' ? 'circle-slash' : KIND_ICON[kind];
  const color = flags.overdue ? 'list.errorForeground'
    : flags.atRisk ? 'list.warningForeground'
      : status === 'done' ? 'testing.iconPassed'
        : status === 'blocked' ? 'charts.orange'
          : status === 'dropped' ? 'disabledForeground' : undefined;
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

export function taskProgress(node: PlanNode): string | undefined {
  if (node.item.kind === 'task') return undefined;
  const tasks = tasksUnder(node);
  if (!tasks.length) return undefined;
  return `${tasks.filter((t) => t.item.status === 'done').length}/${tasks.length} tasks`;
}

export function itemDescription(node: PlanNode, today: Day): string {
  const { item } = node;
  const parts: string[] = [];
  const deadline = deadlineOf(item);
  if (deadline) parts.push(isOpen(node) ? `${deadline.text} (${relativeDays(deadline.last, today)})` : deadline.text);
  if (item.kind === 'initiative' && item.horizon) parts.unshift(item.horizon);
  const progress = taskProgress(node);
  if (progress) parts.push(progress);
  if (item.status !== 'planned' && item.kind !== 'task') parts.push(item.status);
  if (item.owners.length) parts.push(item.owners.map((o) => `@${o}`).join(' '));
  return parts.join(' · ');
}

export function itemTooltip(node: PlanNode, today: Day, flags: Flags): vscode.MarkdownString {
  const { item } = node;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.appendMarkdown(`$(${KIND_ICON[item.kind]}) **${escape(item.title)}** \`#${escape(item.id)}\`\n\n`);
  const rows: [string, string | undefined][] = [
    ['Kind', item.kind],
    ['Status', item.status + (flags.overdue ? ' — overdue' : flags.atRisk ? ' — at risk' : '')],
    ['Owner', item.owners.join(', ') || undefined],
    ['Start', item.start?.text],
    ['Deadline', deadlineOf(item) ? `${deadlineOf(item)!.text} (${relativeDays(deadlineOf(item)!.last, today)}, ${formatDay(deadlineOf(item)!.last)})` : undefined],
    ['Tasks', taskProgress(node)],
    ['Budget', item.budget ? `${item.spent ? `${item.spent.amount} of ` : ''}${item.budget.amount}${item.budget.currency ? ' ' + item.budget.currency : ''}` : undefined],
    ['Delivers', node.delivers.map((d) => d.item.title).join(', ') || undefined],
    ['Goals', node.goals.map((g) => g.item.title).join(', ') || undefined],
    ['Depends on', node.depends.map((d) => d.item.title).join(', ') || undefined],
  ];
  for (const [key, value] of rows) if (value) md.appendMarkdown(`${key}: ${escape(value)}  \n`);
  md.appendMarkdown(`\n${escape(node.file.path)}:${positionAt(node.file.lineStarts, item.anchor.start).line}`);
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, (c) => `\\${c}`);
}
