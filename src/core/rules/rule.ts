/** What a rule is, what it is given, and helpers the rules share. */
import type { Day } from '../dates';
import type { PlanNode, ResolvedWorkspace } from '../model/workspace';
import type { Fix, Problem, Severity, Span } from '../model/types';
import { positionAt } from '../lines';
import type { RuleBaseline } from '../drift/rule-baseline';

/** Model queries live in core/model; re-exported for the modules that import them from here. */
export { deadlineOf, startOf, progressOf, isOpen, tasksUnder, plural, withArticle, label, Label, nodeLabel, NodeLabel } from '../model/queries';

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
  /** Extra field names the config declares (`fields:`): never reported as unknown. */
  fields?: readonly string[];
  /** The drift baseline (1.1): `slipped` reports against it; absent, it reports nothing. */
  baseline?: RuleBaseline;
  /** Days a deadline may move later before `slipped` reports it (config `slippedDays`). */
  slippedDays?: number;
}

/** What a per-node check is given besides the workspace: answers the whole-workspace check computes once. */
export interface NodeRuleContext extends RuleContext {
  /** The dependency cycle a node is on (its members; one member: a self-loop), if any. */
  cycleOf(node: PlanNode): ReadonlySet<PlanNode> | undefined;
  /** Scratch space of one round of per-node checks (rules memoise per-file work here), keyed by rule id. */
  memo: Map<string, unknown>;
}

export interface Rule {
  id: string;
  /** One line: what the rule reports. */
  description: string;
  defaultSeverity: Severity;
  /** The reference: every finding of the workspace. */
  check(ctx: RuleContext): Finding[];
  /**
   * The findings computed for one node (each at that node's file), for the incremental check:
   * the concatenation over `ws.nodes` in order equals `check`'s. A rule without it reads only
   * `ctx.ws.files` (the parser's problems) and is re-run per changed file.
   */
  checkNode?(ctx: NodeRuleContext, node: PlanNode): Finding[];
}

/** A NodeRuleContext over a whole resolved workspace (cycles from one Tarjan pass). */
export function nodeContext(ctx: RuleContext, cycles: readonly (readonly PlanNode[])[]): NodeRuleContext {
  const cycleOf = new Map<PlanNode, ReadonlySet<PlanNode>>();
  for (const cycle of cycles) {
    const members = new Set(cycle);
    for (const n of cycle) cycleOf.set(n, members);
  }
  return { ...ctx, cycleOf: (n) => cycleOf.get(n), memo: new Map() };
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

/** The problems the parser found for one rule, as findings. */
export function parserFindings(ws: ResolvedWorkspace, rule: string, keep: (p: Problem) => boolean = () => true): Finding[] {
  const out: Finding[] = [];
  for (const file of ws.files) {
    for (const p of file.problems) if (p.rule === rule && keep(p)) out.push({ file: file.path, span: p.span, message: p.message, item: p.item, fixes: p.fixes });
  }
  return out;
}
