/** Plan drift (1.1): the plan now against the plan at a baseline. */
import type { ResolvedWorkspace } from '../model/workspace';
import { CHANGE_ORDER, diffFacts, type DriftReport } from './diff';
import { factsOf } from './facts';

export { CHANGE_ORDER, diffFacts, type ChangeKind, type DriftChange, type DriftReport, type DriftRollup } from './diff';
export { deadlineFieldOf, factsOf, type ItemFacts } from './facts';
export { baselineLabel, changeSummary, changeText, itemDriftNotes, driftMarkdown, driftTable, rollupSummary, type BaselineInfo } from './format';

/** Every change between two resolved workspaces, sorted by file, line and how telling the change is. */
export function driftBetween(base: ResolvedWorkspace, now: ResolvedWorkspace): DriftReport {
  const report = diffFacts(factsOf(base), factsOf(now));
  const rank = new Map(CHANGE_ORDER.map((c, i) => [c, i]));
  report.changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || rank.get(a.change)! - rank.get(b.change)!);
  report.rollups.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'initiative' ? -1 : 1) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line);
  return report;
}
export { baselineWorkspace, type BaselineRoot } from './load';
export { ruleBaseline, type BaselineItem, type RuleBaseline } from './rule-baseline';
export { withBaseline } from './timeline';
