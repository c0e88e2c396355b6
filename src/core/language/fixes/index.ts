/**
 * Quick fixes for diagnostics, as pure edits: what the rules carry (a field name, a link id, a
 * date's canonical form), and what is computed here from the workspace (overdue, duplicate-id,
 * status-mismatch, dependency-order, fix all). Hosts only convert and apply.
 */
import { deadlineOf } from '../../model/queries';
import type { Span } from '../../model/types';
import type { PlanNode, ResolvedWorkspace } from '../../model/workspace';
import { withoutBom } from '../edits';
import { markDoneEdit, setFieldEdit } from '../mark-done';
import { parseDateOrPeriod } from '../../dates';
import { dependencyOrderFixes } from './dependency';
import { duplicateIdFixes } from './duplicate';
import { deadlineField, moveTitle, suggestDeadline } from './move-date';
import { addsProblems, FIX_ALL_RULES, safeFix } from './safe';
import { statusMismatchFixes } from './status';
import type { FixContext, FixTarget, PlanFix } from './types';

export type { DateQuestion, FixContext, FixTarget, PlanFix } from './types';
export { checkDeadline, moveDateEdit, type DeadlineCheck } from './move-date';
export { FIX_ALL_RULES } from './safe';

/** Every fix for one diagnostic, best first. */
export function fixesFor(ctx: FixContext, target: FixTarget): PlanFix[] {
  const carried = [...carriedFixes(ctx, target), ...(target.rule === 'invalid-date' ? oneOfListFixes(ctx, target) : [])];
  const node = nodeAt(ctx.ws, target.file, target.span);
  if (!node) return carried;
  switch (target.rule) {
    case 'overdue': return [...carried, ...overdueFixes(ctx, node)];
    case 'duplicate-id': return [...carried, ...duplicateIdFixes(ctx, node)];
    case 'status-mismatch': return [...carried, ...statusMismatchFixes(ctx, node, target)];
    case 'dependency-order': return [...carried, ...dependencyOrderFixes(ctx, node, target)];
    default: return carried;
  }
}

/** The item a diagnostic at an item points at (its anchor). */
export function nodeAt(ws: ResolvedWorkspace, path: string, span: Span): PlanNode | undefined {
  const file = ws.files.find((f) => f.path === path);
  const index = file?.items.findIndex((i) => i.anchor.start === span.start && i.anchor.end === span.end) ?? -1;
  return index < 0 ? undefined : ws.nodeOf(path, index);
}

/** The fixes a rule carried (one per reading, one per name), each checked to add no problem. */
function carriedFixes(ctx: FixContext, target: FixTarget): PlanFix[] {
  const text = ctx.textOf(target.file);
  if (!target.fixes?.length || text === undefined) return [];
  const body = withoutBom(text);
  const out: PlanFix[] = [];
  for (const fix of target.fixes) {
    const edits = [{ span: fix.span, newText: fix.text }];
    if (addsProblems(target.file, body, edits)) continue;
    out.push({ title: fix.title, edits: new Map([[target.file, edits]]) });
  }
  if (out.length === 1) out[0].preferred = true;
  return out;
}

/** A list where one date belongs (`due: [2027-01-31, 2027-02-28]`): each date it holds is a reading, written as the one value. */
function oneOfListFixes(ctx: FixContext, target: FixTarget): PlanFix[] {
  const file = ctx.ws.files.find((f) => f.path === target.file);
  const text = ctx.textOf(target.file);
  if (!file || text === undefined) return [];
  const body = withoutBom(text);
  for (const [index, item] of file.items.entries()) {
    const field = item.fields.find((f) => !f.shape && f.valueSpan.start === target.span.start && f.valueSpan.end === target.span.end);
    if (!field) continue;
    // A list, or one value with commas (`due=2027-01-31,2027-02-28` in an attribute block).
    const written = field.isList ? field.parts.map((p) => p.text) : field.parts.length === 1 ? field.parts[0].text.split(',') : [];
    const dates = [...new Set(written.map((t) => t.trim()).filter((t) => parseDateOrPeriod(t).ok))];
    if (written.length < 2 || dates.length === 0) return [];
    return dates.flatMap((date) => {
      const edit = setFieldEdit(file, index, field.key, date, body);
      if (!edit.ok || addsProblems(target.file, body, [edit.edit])) return [];
      return [{ title: `Keep ${date} (one of the ${dates.length} dates written)`, edits: new Map([[target.file, [edit.edit]]]) }];
    });
  }
  return [];
}

function overdueFixes(ctx: FixContext, node: PlanNode): PlanFix[] {
  const text = ctx.textOf(node.file.path);
  const field = deadlineField(node.item.kind);
  if (text === undefined || !field || !deadlineOf(node.item)) return [];
  const out: PlanFix[] = [];
  const done = markDoneEdit(node.file, node.index, withoutBom(text));
  if (done.ok) out.push({ title: `Mark '${node.item.title || node.item.id}' done`, edits: new Map([[node.file.path, [done.edit]]]) });
  const { item } = node;
  out.push({ title: moveTitle(field), ask: { path: node.file.path, index: node.index, itemId: item.id, title: item.title, field, prefill: suggestDeadline(item, ctx.today) } });
  return out;
}

/**
 * One fix for every diagnostic of the file that has a safe fix (of `rule`, or of every rule
 * in FIX_ALL_RULES): undefined when there is none, or when together they would add a problem.
 */
export function fixAllInFile(ctx: FixContext, path: string, targets: readonly FixTarget[], rule?: string): { fix: PlanFix; count: number } | undefined {
  const file = ctx.ws.files.find((f) => f.path === path);
  const text = ctx.textOf(path);
  if (!file || text === undefined) return undefined;
  const edits = [];
  let end = -1;
  const chosen = targets
    .filter((t) => t.file === path && (rule ? t.rule === rule : FIX_ALL_RULES.includes(t.rule)))
    .flatMap((t) => {
      const fix = safeFix(file, t);
      return fix ? [fix] : [];
    })
    .sort((a, b) => a.span.start - b.span.start);
  for (const fix of chosen) {
    if (fix.span.start < end) continue;
    edits.push({ span: fix.span, newText: fix.text });
    end = Math.max(fix.span.end, fix.span.start + 1);
  }
  if (!edits.length || addsProblems(path, withoutBom(text), edits)) return undefined;
  const title = rule ? `Fix all ${rule} in this file (${edits.length})` : `Fix all Roadmark problems with a safe fix in this file (${edits.length})`;
  return { fix: { title, edits: new Map([[path, edits]]) }, count: edits.length };
}
