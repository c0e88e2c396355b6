/** How one plan item looks in a tree: icon, description and tooltip. */
import * as vscode from 'vscode';
import { formatDay, relativeDays, type Day } from '../../core/dates';
import { positionAt } from '../../core/lines';
import type { Kind } from '../../core/model/types';
import type { Flags } from '../../core/outline/flags';
import type { PlanNode } from '../../core/model/workspace';
import { deadlineOf, isOpen, progressOf, tasksUnder } from '../../core/model/queries';
import { formatMoney } from '../../core/model/values';

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
  const tasks = tasksUnder(node);
  if (!tasks.length) return undefined;
  const done = tasks.filter((t) => t.item.status === 'done').length;
  return node.item.kind === 'task' ? vscode.l10n.t('{0}/{1} subtasks', done, tasks.length) : vscode.l10n.t('{0}/{1} tasks', done, tasks.length);
}

/** `60%` for a written progress (1.1), else the task count. */
export function progressText(node: PlanNode): string | undefined {
  const progress = progressOf(node);
  if (progress?.source === 'written') return `${Math.round(progress.value * 100)}%`;
  return taskProgress(node);
}

export function itemDescription(node: PlanNode, today: Day): string {
  const { item } = node;
  const parts: string[] = [];
  const deadline = deadlineOf(item);
  if (deadline) parts.push(isOpen(node) ? `${deadline.text} (${relativeDays(deadline.last, today)})` : deadline.text);
  if (item.kind === 'initiative' && item.horizon) parts.unshift(item.horizon);
  const progress = progressText(node);
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
  const deadline = deadlineOf(item);
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Kind'), item.kind],
    [vscode.l10n.t('Status'), flags.overdue ? vscode.l10n.t('{0} — overdue', item.status) : flags.atRisk ? vscode.l10n.t('{0} — at risk', item.status) : item.status],
    [vscode.l10n.t('Owner'), item.owners.join(', ') || undefined],
    [vscode.l10n.t('Start'), item.start?.text],
    [vscode.l10n.t('Deadline'), deadline ? `${deadline.text} (${relativeDays(deadline.last, today)}, ${formatDay(deadline.last)})` : undefined],
    [vscode.l10n.t('Progress'), item.progress ? vscode.l10n.t('{0}% (written)', Math.round(item.progress.value * 100)) : undefined],
    [vscode.l10n.t('Tasks'), taskProgress(node)],
    [vscode.l10n.t('Budget'), budgetText(item)],
    [vscode.l10n.t('Delivers'), node.delivers.map((d) => d.item.title).join(', ') || undefined],
    [vscode.l10n.t('Delivered by'), node.deliveredBy.map((d) => d.item.title).join(', ') || undefined],
    [vscode.l10n.t('Goals'), node.goals.map((g) => g.item.title).join(', ') || undefined],
    [vscode.l10n.t('Depends on'), node.dependencies.map((d) => `${d.node.item.title}${d.type !== 'FS' || d.lagDays ? ` (${d.type}${d.lagDays ? `${d.lagDays > 0 ? '+' : ''}${d.lagDays}d` : ''})` : ''}`).join(', ') || undefined],
  ];
  for (const [key, value] of rows) if (value) md.appendMarkdown(`${key}: ${escape(value)}  \n`);
  md.appendMarkdown(`\n${escape(node.file.path)}:${positionAt(node.file.lineStarts, item.anchor.start).line}`);
  return md;
}

function budgetText(item: PlanNode['item']): string | undefined {
  if (item.budget) return item.spent ? vscode.l10n.t('{0} spent of {1}', formatMoney(item.spent), formatMoney(item.budget)) : formatMoney(item.budget);
  return item.spent ? vscode.l10n.t('{0} spent', formatMoney(item.spent)) : undefined;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, (c) => `\\${c}`);
}
