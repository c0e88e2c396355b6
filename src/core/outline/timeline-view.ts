/**
 * What the timeline renderer draws: plain JSON, the same in the webview, in the standalone HTML
 * page and in the SVG the CLI writes. Days are whole days since 1970-01-01 (core/dates).
 */
export type RowShape = 'bar' | 'diamond' | 'none';

export interface ViewRow {
  id: string;
  kind: 'group' | 'roadmap' | 'goal' | 'initiative' | 'project' | 'milestone' | 'task';
  title: string;
  depth: number;
  parent?: string;
  status: string;
  owners: string[];
  goals: string[];
  horizon?: string;
  shape: RowShape;
  /** First and last day covered (inclusive). A diamond has start = end. */
  start?: number;
  end?: number;
  /** The end (or the diamond) was written as a period such as 2027-Q1. */
  period?: boolean;
  /** The field that dragging the end (or the diamond) rewrites. */
  endField?: 'due' | 'end' | 'target';
  /** 0..1: the written `progress` where there is one (1.1), else the share of its tasks (subtasks for a task) done. */
  progress?: number;
  /** Tasks done and in all, where `progress` comes from counting them (drawn as "3/4"). */
  taskCount?: { done: number; total: number };
  /** Owners of the tasks under the item when tasks are not rows themselves (the owner filter finds the item by them). */
  taskOwners?: string[];
  overdue?: boolean;
  atRisk?: boolean;
  critical?: boolean;
  /** An initiative's target, drawn as a marker on its row. */
  target?: number;
  /** Where the item stood at the drift baseline (1.1), drawn as a ghost behind the current bar or diamond; absent when no baseline is set or the item is new. */
  baseline?: { start?: number; end?: number; shape: RowShape };
  /** The item did not exist at the baseline. */
  added?: boolean;
  /** Where the item is written, for click-through. */
  source?: { file: string; index: number; line: number; column: number };
}

/**
 * A dependency, drawn from the row depended on (`from`) to the dependent row (`to`), by its
 * type (1.1): FS from the end of `from` to the start of `to`; SS from start to start; FF from
 * end to end.
 */
export interface ViewArrow {
  from: string;
  to: string;
  type: 'FS' | 'SS' | 'FF';
  /** Calendar days of lag (negative: a lead), 0 when none was written. */
  lagDays: number;
  critical?: boolean;
}

export interface TimelineView {
  title: string;
  today: number;
  /** First and last day the axis must show. */
  domain: [number, number];
  rows: ViewRow[];
  arrows: ViewArrow[];
  /** The drift baseline, when one is set (1.1): what it is and what moved since. */
  baseline?: ViewBaseline;
  facets: { owners: string[]; statuses: string[]; goals: { id: string; title: string }[]; horizons: string[] };
}

/** A change since the baseline, as the timeline's "what moved" list shows it. */
export interface ViewChange {
  /** The row it concerns; absent for an item that was removed. */
  rowId?: string;
  change: 'moved' | 'added' | 'removed' | 'renamed' | 'status' | 'scope' | 'budget' | 'links' | 'progress';
  /** One line, e.g. "Riverside pilot: due 2027-02-05 → 2027-02-19 (14 days later)". */
  text: string;
}

export interface ViewBaseline {
  /** The baseline as the user named it, with what it resolved to, e.g. "origin/main (3f2a9c1, 2026-10-01)". */
  label: string;
  changes: ViewChange[];
}
