/**
 * Which fields each kind of item knows, how keys are normalised, and the synonyms people write
 * for them. Every table keyed by user text is a Map: `constructor` is a word people type.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { Kind } from './types';

const FIELD_LIST: Record<Kind, readonly string[]> = {
  roadmap: ['id', 'title', 'type', 'product', 'vision', 'owner'],
  goal: ['id', 'title', 'metric', 'current', 'target', 'due', 'owner', 'status'],
  initiative: ['id', 'title', 'goal', 'horizon', 'target', 'status', 'owner', 'priority', 'reach', 'impact', 'confidence', 'effort', 'progress'],
  project: ['id', 'title', 'type', 'delivers', 'start', 'end', 'budget', 'spent', 'owner', 'status', 'depends', 'progress'],
  milestone: ['id', 'title', 'due', 'start', 'status', 'owner', 'depends', 'delivers', 'progress'],
  task: ['id', 'title', 'due', 'start', 'owner', 'estimate', 'done', 'status'],
};

const CHILD_LIST: Record<Kind, readonly (readonly [string, Kind])[]> = {
  roadmap: [['goals', 'goal'], ['initiatives', 'initiative']],
  goal: [['initiatives', 'initiative'], ['tasks', 'task']],
  initiative: [['tasks', 'task']],
  project: [['milestones', 'milestone'], ['tasks', 'task']],
  milestone: [['tasks', 'task']],
  task: [['tasks', 'task'], ['subtasks', 'task']],
};

const KINDS = Object.keys(FIELD_LIST) as Kind[];

/** The field names of each kind. */
export const FIELDS: ReadonlyMap<Kind, readonly string[]> = new Map(KINDS.map((k) => [k, FIELD_LIST[k]]));

/** YAML keys that hold nested items rather than a value, per kind. */
export const CHILD_LISTS: ReadonlyMap<Kind, ReadonlyMap<string, Kind>> = new Map(KINDS.map((k) => [k, new Map(CHILD_LIST[k])]));

/** The kind of the items a YAML key holds under an item of `kind`, if it is a child list. */
export function childKindOf(kind: Kind, key: string): Kind | undefined {
  return CHILD_LISTS.get(kind)?.get(key);
}

export const ALL_FIELDS: readonly string[] = [...new Set(KINDS.flatMap((k) => FIELD_LIST[k]))].sort();
const ALL_KEYS: ReadonlySet<string> = new Set([...ALL_FIELDS, ...KINDS.flatMap((k) => CHILD_LIST[k].map(([key]) => key))]);

/**
 * What people write for a field (1.1): read as the field and reported with a fix to the canonical
 * name. Keys are normalised (lower case, `_` and spaces read as `-`).
 */
export const SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['deadline', 'due'], ['due-date', 'due'], ['duedate', 'due'], ['due-by', 'due'], ['eta', 'due'], ['date', 'due'],
  ['assignee', 'owner'], ['assigned-to', 'owner'], ['assigned', 'owner'], ['lead', 'owner'], ['owners', 'owner'], ['responsible', 'owner'], ['dri', 'owner'],
  ['begin', 'start'], ['kickoff', 'start'], ['kick-off', 'start'], ['start-date', 'start'], ['starts', 'start'], ['begins', 'start'],
  ['finish', 'end'], ['end-date', 'end'], ['ends', 'end'],
  ['percent-complete', 'progress'], ['%-complete', 'progress'], ['complete', 'progress'], ['completion', 'progress'], ['percent-done', 'progress'],
  ['state', 'status'],
  ['depends-on', 'depends'], ['dependencies', 'depends'], ['deps', 'depends'], ['blocked-by', 'depends'], ['after', 'depends'],
  ['goals', 'goal'], ['initiative', 'delivers'], ['initiatives', 'delivers'], ['deliver', 'delivers'],
  ['cost', 'spent'], ['spend', 'spent'], ['actual', 'spent'], ['estimate-days', 'estimate'], ['effort-estimate', 'estimate'],
  ['name', 'title'],
]);

/** Field names are case-insensitive; `-`, `_` and spaces are the same. */
export function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replace(/[_\s]+/g, '-');
}

export function isKnownKey(key: string): boolean {
  return ALL_KEYS.has(key);
}

export function isFieldOf(kind: Kind, key: string): boolean {
  return (FIELDS.get(kind) ?? []).includes(key) || childKindOf(kind, key) !== undefined;
}

/** The kinds that know a key, for "belongs to a project" hints. */
export function kindsKnowing(key: string): Kind[] {
  return KINDS.filter((k) => isFieldOf(k, key));
}

/** The canonical field a synonym stands for, if it is one. */
export function synonymOf(key: string): string | undefined {
  return SYNONYMS.get(key);
}

/** The known key nearest to a mistyped one, if it is plausibly a typo of it. */
export function suggestKey(key: string, kind?: Kind): string | undefined {
  const pool = kind ? [...(FIELDS.get(kind) ?? []), ...CHILD_LIST[kind].map(([k]) => k)] : [...ALL_KEYS];
  if (pool.length === 0 || key.length > 64) return undefined;
  const best = closest(key, pool);
  return isLikelyTypo(key, best) ? best : undefined;
}

export function isLikelyTypo(key: string, known: string): boolean {
  const d = distance(key, known);
  return d > 0 && d <= Math.max(1, Math.min(2, Math.floor(known.length / 3)));
}

/** The kind keywords of headings, with their aliases. */
export const HEADING_KEYWORDS: ReadonlyMap<string, Kind> = new Map([
  ['goal', 'goal'], ['initiative', 'initiative'], ['feature', 'initiative'], ['epic', 'initiative'], ['project', 'project'], ['milestone', 'milestone'],
]);

export const DATE_FIELDS = ['due', 'start', 'end', 'target'] as const;
export const LINK_FIELDS = ['goal', 'delivers', 'depends'] as const;
