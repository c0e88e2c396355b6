/** Overdue/at-risk flags per item (from the check's diagnostics) and the view filter. */
import type { PlanNode } from '../../core/model/workspace';
import type { IndexSnapshot } from '../index-service';
import { nodeKey } from './elements';
import type { Flags } from './presentation';

export interface ItemFilter {
  owner?: string;
  status?: string;
}

export function flagsOf(snapshot: IndexSnapshot): Map<string, Flags> {
  const flags = new Map<string, Flags>();
  const byFileAndId = new Map<string, PlanNode>();
  for (const node of snapshot.ws.nodes) byFileAndId.set(`${node.file.path}|${node.item.id}`, node);
  for (const d of snapshot.diagnostics) {
    if ((d.rule !== 'overdue' && d.rule !== 'at-risk') || d.item === undefined) continue;
    const node = byFileAndId.get(`${d.file}|${d.item}`);
    if (!node) continue;
    const key = nodeKey(node);
    const f = flags.get(key) ?? { overdue: false, atRisk: false };
    if (d.rule === 'overdue') f.overdue = true;
    else f.atRisk = true;
    flags.set(key, f);
  }
  return flags;
}

export function matchesFilter(node: PlanNode, filter: ItemFilter): boolean {
  if (filter.owner !== undefined && node.item.owner !== filter.owner) return false;
  if (filter.status !== undefined && node.item.status !== filter.status) return false;
  return true;
}
