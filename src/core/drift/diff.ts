/**
 * Plan drift: what moved between the plan at a baseline and the plan now, item by item (by id,
 * with renamed ids told from a removal and an addition), and rolled up per project and
 * initiative. Linear in the number of items.
 */
import { formatDay, type Day } from '../dates';
import { formatMoney, type Money } from '../model/values';
import { plural } from '../model/queries';
import { placeKey, type ItemFacts, type ItemPlace } from './facts';

export type ChangeKind = 'moved' | 'added' | 'removed' | 'renamed' | 'status' | 'scope' | 'budget' | 'links' | 'progress';

/** The item where it is now (where it was, for a removed item), and what changed. */
export interface DriftChange extends ItemPlace {
  change: ChangeKind;
  field?: string;
  from?: string;
  to?: string;
  /** For a moved date: how many days later (negative: earlier). */
  days?: number;
}

export interface DriftRollup {
  id: string;
  kind: 'project' | 'initiative';
  title: string;
  file: string;
  line: number;
  /** The latest deadline of the item and what contributes to it (an initiative: what delivers it; a project: its milestones), then and now. */
  finishFrom?: string;
  finishTo?: string;
  /** finishTo − finishFrom in days (positive: later). */
  slipDays?: number;
  /** The initiative's target (a project: the earliest target of the initiatives it delivers), now. */
  target?: string;
  onTimeAtBaseline: boolean;
  lateNow: boolean;
  /** Changes to the item and its contributors. */
  changes: number;
}

export interface DriftReport {
  changes: DriftChange[];
  rollups: DriftRollup[];
  /** New id → id at the baseline, for renamed items. */
  renamed: Map<string, string>;
}

/** Change kinds, most telling first (the order lists and tables use within an item). */
export const CHANGE_ORDER: readonly ChangeKind[] = ['removed', 'added', 'renamed', 'moved', 'status', 'scope', 'progress', 'budget', 'links'];

export function diffFacts(base: ReadonlyMap<string, ItemFacts>, now: ReadonlyMap<string, ItemFacts>): DriftReport {
  const renamed = matchRenames(base, now);
  const baseIdOf = (id: string) => renamed.get(id) ?? id;
  const newIdOf = new Map([...renamed].map(([n, b]) => [b, n]));
  const changes: DriftChange[] = [];
  for (const facts of now.values()) {
    if (facts.kind === 'task' && !base.has(baseIdOf(facts.id))) continue; // a new task is scope of its owner
    const before = base.get(baseIdOf(facts.id));
    if (!before) changes.push(at(facts, 'added'));
    else compareItem(before, facts, renamed.has(facts.id), (id) => newIdOf.get(id) ?? id, changes);
  }
  for (const facts of base.values()) {
    if (facts.kind === 'task' || newIdOf.has(facts.id) || now.has(facts.id)) continue;
    changes.push(at(facts, 'removed'));
  }
  return { changes, rollups: rollups(base, now, baseIdOf, changes), renamed };
}

/** An id gone and a new id of the same kind in the same file with the same title (else at the same place with the same deadline): one item, renamed. */
function matchRenames(base: ReadonlyMap<string, ItemFacts>, now: ReadonlyMap<string, ItemFacts>): Map<string, string> {
  // Task ids derive from their owner's: a task is scope, never renamed on its own.
  const gone = [...base.values()].filter((f) => f.kind !== 'task' && !now.has(f.id));
  const fresh = [...now.values()].filter((f) => f.kind !== 'task' && !base.has(f.id));
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of [(f: ItemFacts) => `${f.kind}|${f.file}|${f.title}`, (f: ItemFacts) => `${f.kind}|${f.file}|#${f.index}|${f.deadline?.text ?? ''}`]) {
    const table = new Map<string, ItemFacts[]>();
    for (const f of gone) if (!taken.has(f.id)) push(table, key(f), f);
    const wanted = new Map<string, number>();
    for (const f of fresh) if (!out.has(f.id)) wanted.set(key(f), (wanted.get(key(f)) ?? 0) + 1);
    for (const f of fresh) {
      const candidates = table.get(key(f));
      if (out.has(f.id) || candidates?.length !== 1 || wanted.get(key(f)) !== 1) continue;
      out.set(f.id, candidates[0].id);
      taken.add(candidates[0].id);
    }
  }
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function at(f: ItemFacts, change: ChangeKind, extra: Partial<DriftChange> = {}): DriftChange {
  return { id: f.id, kind: f.kind, title: f.title, file: f.file, line: f.line, column: f.column, change, ...extra };
}

function compareItem(was: ItemFacts, now: ItemFacts, isRenamed: boolean, newId: (baseId: string) => string, out: DriftChange[]): void {
  if (isRenamed) out.push(at(now, 'renamed', { field: 'id', from: was.id, to: now.id }));
  else if (was.title !== now.title && now.kind !== 'task') out.push(at(now, 'renamed', { field: 'title', from: was.title, to: now.title }));
  if (now.deadlineField) compareDate(was.deadline, now.deadline, now.deadlineField, now, out);
  compareDate(was.start, now.start, 'start', now, out);
  if (now.kind === 'task') return; // a task's status and title are its owner's progress and scope
  if (was.status !== now.status) out.push(at(now, 'status', { field: 'status', from: was.status, to: now.status }));
  const addedTasks = now.tasks.filter((t) => !was.tasks.includes(t));
  const removedTasks = was.tasks.filter((t) => !now.tasks.includes(t));
  if (addedTasks.length || removedTasks.length) out.push(at(now, 'scope', { field: 'tasks', from: plural(was.tasks.length, 'task'), to: plural(now.tasks.length, 'task') }));
  if (percent(was.progress) !== percent(now.progress)) out.push(at(now, 'progress', { field: 'progress', from: percentText(was.progress), to: percentText(now.progress) }));
  compareMoney(was.budget, now.budget, 'budget', now, out);
  compareMoney(was.spent, now.spent, 'spent', now, out);
  for (const field of ['goal', 'delivers', 'depends'] as const) {
    // Unchanged as written, or changed only to follow a renamed id: no change of links.
    const written = was[field].join('\n');
    if (written === now[field].join('\n') || was[field].map(newId).join('\n') === now[field].join('\n')) continue;
    out.push(at(now, 'links', { field, from: was[field].join(', ') || undefined, to: now[field].join(', ') || undefined }));
  }
}

function compareDate(was: { text: string; last: Day } | undefined, now: { text: string; last: Day } | undefined, field: string, facts: ItemFacts, out: DriftChange[]): void {
  if (!was && !now) return;
  if (was && now && was.last === now.last && was.text === now.text) return;
  if (was && now && was.last === now.last) return; // rewritten, same day (2027-03 → 2027-03-31)
  const change = at(facts, 'moved', { field });
  if (was) change.from = was.text;
  if (now) change.to = now.text;
  if (was && now) change.days = now.last - was.last;
  out.push(change);
}

function compareMoney(was: Money | undefined, now: Money | undefined, field: 'budget' | 'spent', facts: ItemFacts, out: DriftChange[]): void {
  if (was?.amount === now?.amount && was?.currency === now?.currency) return;
  out.push(at(facts, 'budget', { field, from: was && formatMoney(was), to: now && formatMoney(now) }));
}

function percent(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 100);
}

function percentText(value: number | undefined): string | undefined {
  return value === undefined ? undefined : `${percent(value)}%`;
}

function rollups(base: ReadonlyMap<string, ItemFacts>, now: ReadonlyMap<string, ItemFacts>, baseIdOf: (id: string) => string, changes: DriftChange[]): DriftRollup[] {
  const changed = new Map<string, number>();
  for (const c of changes) changed.set(placeKey(c.id, c.file), (changed.get(placeKey(c.id, c.file)) ?? 0) + 1);
  const out: DriftRollup[] = [];
  for (const facts of now.values()) {
    if (facts.kind !== 'project' && facts.kind !== 'initiative') continue;
    const was = base.get(baseIdOf(facts.id));
    const finishNow = finishOf(facts);
    const finishWas = was && finishOf(was);
    const target = facts.kind === 'initiative' ? facts.deadline?.last : min(facts.deliversTargets);
    const targetWas = was && (was.kind === 'initiative' ? was.deadline?.last : min(was.deliversTargets));
    const rollup: DriftRollup = {
      id: facts.id, kind: facts.kind, title: facts.title, file: facts.file, line: facts.line,
      onTimeAtBaseline: finishWas !== undefined && targetWas !== undefined && finishWas <= targetWas,
      lateNow: finishNow !== undefined && target !== undefined && finishNow > target,
      changes: [placeKey(facts.id, facts.file), ...facts.contributors.map((c) => c.key)].reduce((n, key) => n + (changed.get(key) ?? 0), 0),
    };
    if (finishWas !== undefined) rollup.finishFrom = formatDay(finishWas);
    if (finishNow !== undefined) rollup.finishTo = formatDay(finishNow);
    if (finishWas !== undefined && finishNow !== undefined) rollup.slipDays = finishNow - finishWas;
    if (target !== undefined) rollup.target = formatDay(target);
    if (rollup.changes || rollup.slipDays) out.push(rollup);
  }
  return out;
}

/** The latest deadline among the item (an initiative's target excluded: it is what the finish is held against) and its contributors. */
function finishOf(facts: ItemFacts): Day | undefined {
  let latest = facts.kind === 'initiative' ? undefined : facts.deadline?.last;
  for (const { deadline } of facts.contributors) if (deadline !== undefined && (latest === undefined || deadline > latest)) latest = deadline;
  return latest;
}

function min(values: readonly number[]): number | undefined {
  return values.length ? Math.min(...values) : undefined;
}
