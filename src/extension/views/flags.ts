/** The Roadmap view's filter by owner or status. */
import type { PlanNode } from '../../core/model/workspace';

export interface ItemFilter {
  owner?: string;
  status?: string;
}

export function matchesFilter(node: PlanNode, filter: ItemFilter): boolean {
  if (filter.owner !== undefined && !node.item.owners.includes(filter.owner)) return false;
  if (filter.status !== undefined && node.item.status !== filter.status) return false;
  return true;
}
