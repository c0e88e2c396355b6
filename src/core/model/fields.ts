/** Which fields each kind of item knows, and how keys are normalised and suggested. */
import { closest, distance } from 'fastest-levenshtein';
import type { Kind } from './types';

export const FIELDS: Record<Kind, readonly string[]> = {
  roadmap: ['id', 'title', 'type', 'product', 'vision', 'owner'],
  goal: ['id', 'title', 'metric', 'current', 'target', 'due', 'owner', 'status'],
  initiative: ['id', 'title', 'goal', 'horizon', 'target', 'status', 'owner', 'priority', 'reach', 'impact', 'confidence', 'effort'],
  project: ['id', 'title', 'type', 'delivers', 'start', 'end', 'budget', 'spent', 'owner', 'status', 'depends'],
  milestone: ['id', 'title', 'due', 'start', 'status', 'owner', 'depends', 'delivers'],
  task: ['id', 'title', 'due', 'owner', 'estimate', 'done'],
};

/** YAML keys that hold nested items rather than a value. */
export const CHILD_LISTS: Record<Kind, Partial<Record<string, Kind>>> = {
  roadmap: { goals: 'goal', initiatives: 'initiative' },
  goal: { initiatives: 'initiative', tasks: 'task' },
  initiative: { tasks: 'task' },
  project: { milestones: 'milestone', tasks: 'task' },
  milestone: { tasks: 'task' },
  task: {},
};

export const ALL_FIELDS: readonly string[] = [...new Set(Object.values(FIELDS).flat())].sort();
const ALL_KEYS: readonly string[] = [...new Set([...ALL_FIELDS, ...Object.values(CHILD_LISTS).flatMap(Object.keys)])].sort();

/** Field names are case-insensitive and `-` and `_` are the same. */
export function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replace(/_/g, '-');
}

export function isKnownKey(key: string): boolean {
  return ALL_KEYS.includes(key);
}

export function isFieldOf(kind: Kind, key: string): boolean {
  return FIELDS[kind].includes(key) || CHILD_LISTS[kind][key] !== undefined;
}

/** The kinds that know a key, for "belongs to a project" hints. */
export function kindsKnowing(key: string): Kind[] {
  return (Object.keys(FIELDS) as Kind[]).filter((k) => isFieldOf(k, key));
}

/** The known key nearest to a mistyped one, if it is plausibly a typo of it. */
export function suggestKey(key: string, kind?: Kind): string | undefined {
  const pool = kind ? [...FIELDS[kind], ...Object.keys(CHILD_LISTS[kind])] : ALL_KEYS;
  if (pool.length === 0) return undefined;
  const best = closest(key, pool as string[]);
  return isLikelyTypo(key, best) ? best : undefined;
}

export function isLikelyTypo(key: string, known: string): boolean {
  const d = distance(key, known);
  return d > 0 && d <= Math.max(1, Math.min(2, Math.floor(known.length / 3)));
}

/** The kind keywords of headings, with their aliases. */
export const HEADING_KEYWORDS: Record<string, Kind> = {
  goal: 'goal',
  initiative: 'initiative',
  feature: 'initiative',
  epic: 'initiative',
  project: 'project',
  milestone: 'milestone',
};

export const DATE_FIELDS = ['due', 'start', 'end', 'target'] as const;
export const LINK_FIELDS = ['goal', 'delivers', 'depends'] as const;
