/** Which items a check found overdue or at risk, for the views and the timeline to mark. */
import type { Diagnostic } from '../check';
import type { PlanNode, ResolvedWorkspace } from '../model/workspace';

export interface Flags {
  overdue: boolean;
  atRisk: boolean;
}

export const NO_FLAGS: Flags = { overdue: false, atRisk: false };

/** Flags per item, from the `overdue` and `at-risk` diagnostics of the same check. */
export function riskFlags(ws: ResolvedWorkspace, diagnostics: readonly Diagnostic[]): Map<PlanNode, Flags> {
  const byFileAndId = new Map<string, PlanNode>();
  for (const node of ws.nodes) byFileAndId.set(`${node.file.path}|${node.item.id}`, node);
  const flags = new Map<PlanNode, Flags>();
  for (const d of diagnostics) {
    if ((d.rule !== 'overdue' && d.rule !== 'at-risk') || d.item === undefined) continue;
    const node = byFileAndId.get(`${d.file}|${d.item}`);
    if (!node) continue;
    const f = flags.get(node) ?? { overdue: false, atRisk: false };
    if (d.rule === 'overdue') f.overdue = true;
    else f.atRisk = true;
    flags.set(node, f);
  }
  return flags;
}
