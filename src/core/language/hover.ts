/**
 * Hover on an item's heading or id, or on a link to it: its kind, title, status, dates (periods
 * with their range), progress, what it delivers and what delivers it, its dependencies, and the
 * days left or late. Markdown text; the host renders it.
 */
import type { Day } from '../dates';
import type { ParsedFile, Span } from '../model/types';
import type { Dependency, PlanNode, ResolvedWorkspace } from '../model/workspace';
import { deadlineNote, dateText, escapeMarkdown, progressNote } from './describe';
import { targetAt } from './target-at';

export interface HoverResult {
  span: Span;
  /** Markdown, untrusted: every user text escaped. */
  markdown: string;
}

export interface HoverOptions {
  /** Answer on link values too (else only on definitions: headings, ids, anchors). */
  links?: boolean;
  text?: string;
  /** Lines about the item's drift since a baseline (1.1), plain text, added at the end. */
  drift?: (node: PlanNode) => string[];
}

export function hoverAt(ws: ResolvedWorkspace, file: ParsedFile, offset: number, today: Day, options: HoverOptions = {}): HoverResult | undefined {
  const target = targetAt(ws, file, offset, options.text);
  if (!target || target.via === 'broken-link' || (target.via === 'link' && !options.links)) return undefined;
  const drift = options.drift?.(target.node) ?? [];
  const markdown = describeNode(target.node, today);
  return { span: target.span, markdown: drift.length ? `${markdown}\n\n${drift.map((line) => `*${escapeMarkdown(line)}*`).join('  \n')}` : markdown };
}

const KIND_NAME = { roadmap: 'Roadmap', goal: 'Goal', initiative: 'Initiative', project: 'Project', milestone: 'Milestone', task: 'Task' } as const;

/** The hover text of one item. */
export function describeNode(node: PlanNode, today: Day): string {
  const { item } = node;
  const head = `**${KIND_NAME[item.kind]}: ${escapeMarkdown(item.title || item.id)}** \`${item.id.replace(/`/g, '')}\``;
  const status = [item.status, deadlineNote(node, today)].filter(Boolean).join(' · ');
  const rows: string[] = [];
  for (const key of ['start', 'due', 'end', 'target'] as const) {
    const value = item[key];
    if (value) rows.push(`${capital(key)}: ${dateText(value)}`);
  }
  if (item.horizon) rows.push(`Horizon: ${item.horizon}`);
  if (item.owners.length) rows.push(`Owner: ${item.owners.map(escapeMarkdown).join(', ')}`);
  const progress = progressNote(node);
  if (progress) rows.push(`Progress: ${progress}`);
  pushNodes(rows, 'Serves', node.item.kind === 'initiative' ? node.goals : []);
  pushNodes(rows, 'Delivers', node.delivers);
  pushNodes(rows, 'Delivered by', node.deliveredBy);
  if (node.dependencies.length) rows.push(`Depends on: ${node.dependencies.map(dependencyText).join(', ')}`);
  pushNodes(rows, 'Needed by', node.dependents);
  return [`${head}  \n${status}`, rows.join('  \n'), `_${escapeMarkdown(node.file.path)}_`].filter(Boolean).join('\n\n');
}

function pushNodes(rows: string[], label: string, all: readonly PlanNode[]): void {
  const nodes = [...new Set(all)];
  if (!nodes.length) return;
  const shown = nodes.slice(0, 8).map(nodeName);
  rows.push(`${label}: ${shown.join(', ')}${nodes.length > 8 ? `, and ${nodes.length - 8} more` : ''}`);
}

function nodeName(node: PlanNode): string {
  return `${escapeMarkdown(node.item.title || node.item.id)} (\`${node.item.id.replace(/`/g, '')}\`)`;
}

function dependencyText(d: Dependency): string {
  const lag = d.lagDays === 0 ? '' : `${d.lagDays > 0 ? '+' : ''}${d.lagDays}d`;
  return `${nodeName(d.node)} ${d.type}${lag}`;
}

function capital(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}
