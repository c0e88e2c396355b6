/** What a rule is, what it is given, and helpers the rules share. */
import type { Day } from '../dates';
import type { PlanNode, ResolvedWorkspace } from '../model/workspace';
import type { DateValue, Fix, Item, Severity, Span } from '../model/types';
import { isClosed } from '../model/values';
import { positionAt } from '../lines';

export interface RelatedInfo {
  file: string;
  span: Span;
  message: string;
}

/** A rule's raw result, before severity and positions are applied. */
export interface Finding {
  file: string;
  span: Span;
  message: string;
  item?: string;
  related?: RelatedInfo[];
  fixes?: Fix[];
}

export interface RuleContext {
  ws: ResolvedWorkspace;
  today: Day;
  riskWindowDays: number;
}

export interface Rule {
  id: string;
  /** One line: what the rule reports. */
  description: string;
  defaultSeverity: Severity;
  check(ctx: RuleContext): Finding[];
}

/** The date an item must be finished by: milestone/task/goal `due`, project `end`, initiative `target`. */
export function deadlineOf(item: Item): DateValue | undefined {
  switch (item.kind) {
    case 'project': return item.end;
    case 'initiative': return item.target;
    case 'roadmap': return undefined;
    default: return item.due;
  }
}

export function isOpen(node: PlanNode): boolean {
  return !isClosed(node.item.status);
}

/** A finding about a node, pointing at the item itself. */
export function atItem(node: PlanNode, message: string, related?: RelatedInfo[]): Finding {
  return { file: node.file.path, span: node.item.anchor, message, item: node.item.id, related };
}

export function atSpan(node: PlanNode, span: Span, message: string, related?: RelatedInfo[]): Finding {
  return { file: node.file.path, span, message, item: node.item.id, related };
}

export function relatedAt(node: PlanNode, message: string, span: Span = node.item.anchor): RelatedInfo {
  return { file: node.file.path, span, message };
}

/** `plans/rollout.project.md:14`, for messages that point elsewhere. */
export function where(node: PlanNode, span: Span = node.item.anchor): string {
  return `${node.file.path}:${positionAt(node.file.lineStarts, span.start).line}`;
}

/** Every task under a node, at any depth. */
export function tasksUnder(node: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const visit = (n: PlanNode) => {
    for (const c of n.children) {
      if (c.item.kind === 'task') out.push(c);
      visit(c);
    }
  };
  visit(node);
  return out;
}

/** The problems the parser found for one rule, as findings. */
export function parserFindings(ws: ResolvedWorkspace, rule: string): Finding[] {
  const out: Finding[] = [];
  for (const file of ws.files) {
    for (const p of file.problems) if (p.rule === rule) out.push({ file: file.path, span: p.span, message: p.message, item: p.item, fixes: p.fixes });
  }
  return out;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
