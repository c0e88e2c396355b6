/** The baseline as the `slipped` rule reads it: per item, only what a node's own check needs. */
import type { Day } from '../dates';
import type { Kind } from '../model/types';
import { deadlineOf } from '../model/queries';
import type { PlanNode } from '../model/workspace';

export interface BaselineItem {
  id: string;
  kind: Kind;
  file: string;
  title: string;
  deadline?: { text: string; last: Day };
}

export interface RuleBaseline {
  /** "origin/main (3f2a9c1, 2026-10-01)". */
  label: string;
  /** Every item of an id (an id defined twice has two). */
  byId: ReadonlyMap<string, readonly BaselineItem[]>;
  /** `kind|file|title` → the item, for telling a renamed id (titles written twice in a file are left out). */
  byTitle: ReadonlyMap<string, BaselineItem>;
}

export function titleKey(kind: Kind, file: string, title: string): string {
  return `${kind}|${file}|${title}`;
}

/** From every node of the baseline's workspace (duplicated ids included: the rule tells them apart by file and title). */
export function ruleBaseline(label: string, nodes: readonly PlanNode[]): RuleBaseline {
  const byId = new Map<string, BaselineItem[]>();
  const byTitle = new Map<string, BaselineItem | null>();
  for (const { item: f, file } of nodes) {
    const deadline = deadlineOf(f);
    const item: BaselineItem = { id: f.id, kind: f.kind, file: file.path, title: f.title };
    if (deadline) item.deadline = { text: deadline.text, last: deadline.last };
    const same = byId.get(f.id);
    if (same) same.push(item);
    else byId.set(f.id, [item]);
    const key = titleKey(f.kind, file.path, f.title);
    byTitle.set(key, byTitle.has(key) ? null : item);
  }
  for (const [key, item] of byTitle) if (item === null) byTitle.delete(key);
  return { label, byId, byTitle: byTitle as Map<string, BaselineItem> };
}
