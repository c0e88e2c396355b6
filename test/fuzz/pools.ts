/**
 * Value and key pools for the generators: valid, near-miss, recognisable non-canonical,
 * garbage and hostile. Plain data, no fast-check: the arbitraries in generate.ts pick from here.
 */
import fc from 'fast-check';

/** Ids that generated items define (so link values can resolve), plus hostile ones. */
export const IDS = ['m1', 'm2', 'ledger-api', 'kyc', 'pilot', 'g1', 'i1', 'constructor', '__proto__', 'toString'] as const;

export const HOSTILE: readonly string[] = [
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf',
  'ctl\u0007bell', 'esc\u001b[31mred', 'del\u007f', 'nel\u0085', 'ls\u2028ps\u2029', 'zero\u200bwidth',
  'x'.repeat(3000), '['.repeat(1000), '{'.repeat(200), '*'.repeat(300), '`'.repeat(50),
  'a\rb', // lone CR
  '\uFEFFbom', '\uD83D', // lone surrogate
  '😀 🎉 emoji', 'ＲＴＬ \u202Eevil', '%00', '${x}', '<script>x</script>', '&amp;', '\\', '\\\\n',
  '{#x}', '}', '{', '"', "'", '#', ': ', '- ', '&a', '*a', '!!binary', '@', '`', '**', '---', '...', '|', '>', '? x', '[x]', '[ ]',
];

export const HOSTILE_ONE_LINE = HOSTILE.filter((h) => !/[\r\n\u2028\u2029\u0085]/.test(h));

const DATES_VALID = ['2026-12-04', '2027-01-31', '2027-Q1', '2027-03', '2027-H2', '2027', '2027-W05', '2026-12-04T17:00', '2026-12-04T17:00:00Z', '2026-11-01', '2025-06-30'];
const DATES_NEAR = ['2026-12-4', '2027-02-30', '2027-Q5', '2026-13-01', '2027-W54', '27-01-01', '2027-1', ' 2026-12-04 ', '2026-12-04.'];
const DATES_HUMAN = ['Dec 4, 2026', '2026/12/04', 'Q1 2027', '2027 Q1', '12/04/2026', '04/13/2026', 'next week', 'in 2 weeks', 'tomorrow', '4 Dec 2026', 'December 4 2026', 'Dec 4', 'Jan 2027', 'January 2027'];
const GARBAGE = ['soon', 'TBD', '???', '-', '', 'n/a', 'yes', 'null', '~', 'true', '0', '-1', '1e999', 'NaN'];

export const DATE_VALUES = [...DATES_VALID, ...DATES_NEAR, ...DATES_HUMAN, ...GARBAGE];
export const STATUS_VALUES = ['planned', 'done', 'in-progress', 'blocked', 'idea', 'dropped', 'wip', 'shipped', 'cancelled', 'Done', 'in progress', 'in_progress', 'todo', 'DOING', "won't do", 'donee', 'plan', 'in-progres', ...GARBAGE];
export const OWNER_VALUES = ['lea', '@lea', '@lea, tom', 'lea, tom', '@lea @tom', 'Lea Fischer', '@', ',', 'lea,,tom', ...GARBAGE];
export const MONEY_VALUES = ['40000 EUR', '€40,000', '40k', '$1.5m', '1.000 €', '1.000,50 €', '1,000.50 €', '1,5m', "12'500 CHF", '-5 EUR', 'forty', '40 000', '€', ...GARBAGE];
export const PROGRESS_VALUES = ['60%', '0', '100%', '50', '0.5', '150%', '-3%', 'half', ...GARBAGE];
export const HORIZON_VALUES = ['now', 'next', 'later', 'Now', 'soon', ...GARBAGE];
export const NUMBER_VALUES = ['3', '2.5', '10', 'high', '1,000', ...GARBAGE];
export const ESTIMATE_VALUES = ['3d', '2h', '5', '1w', '8 pts', 'some', ...GARBAGE];
export const TEXT_VALUES = ['Grow retention', '90-day rebooking rate', '38%', 'Every client leaves happy', 'a: b', 'x # y', 'https://example.com/a', ...GARBAGE];

/** A link value and the id (and dependency) it is meant to be read as; `id` undefined when malformed. */
export interface LinkForm {
  text: string;
  id?: string;
  dep?: { type: string; lagDays: number };
  /** Offset of the id inside text (for `[t](#id)` the fragment). */
}

export const linkForm: fc.Arbitrary<LinkForm> = fc.tuple(fc.constantFrom(...IDS), fc.integer({ min: 0, max: 9 }), fc.constantFrom('FS', 'SS', 'FF'), fc.integer({ min: -9, max: 9 }), fc.constantFrom('d', 'w')).map(([id, form, type, lag, unit]) => {
  const lagText = lag === 0 ? '' : `${lag > 0 ? '+' : ''}${lag}${unit}`;
  const lagDays = lag * (unit === 'w' ? 7 : 1);
  switch (form) {
    case 0: return { text: id, id };
    case 1: return { text: `#${id}`, id };
    case 2: return { text: `[The ${id} item](#${id})`, id };
    case 3: return { text: `[${id}](plan.project.md#${id})`, id };
    case 4: return { text: `[[${id}]]`, id };
    case 5: return { text: `${id} ${type}${lagText}`, id, dep: { type, lagDays } };
    case 6: return { text: `${id} ${type}`, id, dep: { type, lagDays: 0 } };
    case 7: return { text: `${id} XX+2d` };
    case 8: return { text: `[broken](#)` };
    default: return { text: `${id} FS+${lag}x` };
  }
});

/** Canonical keys per value family. */
export const DATE_KEYS = ['due', 'start', 'end', 'target'];
export const LINK_KEYS = ['goal', 'delivers', 'depends'];

export const SYNONYM_KEYS = ['deadline', 'assignee', 'due date', 'Due Date', 'eta', 'ETA', 'assigned to', 'lead', 'begin', 'kickoff', 'finish', 'percent complete', 'state', 'depends on', 'blocked by', 'owners', 'cost', 'name', 'due_date', 'Start_Date'];
export const NEAR_MISS_KEYS = ['stauts', 'dua', 'ownr', 'Due', 'DUE', 'deu', 'strat', 'delivers_', 'progres', 'budgte', 'horizn', 'dependss'];
export const UNKNOWN_KEYS = ['risk', 'team', 'notes', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'prototype', 'valueOf', 'colour', 'x', 'Note', 'Phase two'];
export const STRUCTURE_KEYS = ['milestones', 'tasks', 'goals', 'initiatives', 'subtasks'];

/** The value pool for a key as written (after the product's normalisation it may be a synonym). */
export function valuesFor(key: string): readonly string[] {
  const k = key.trim().toLowerCase().replace(/[_\s]+/g, '-');
  if (['due', 'start', 'end', 'target', 'deadline', 'due-date', 'eta', 'begin', 'kickoff', 'finish', 'start-date', 'dua', 'deu', 'strat'].includes(k)) return DATE_VALUES;
  if (['status', 'state', 'stauts'].includes(k)) return STATUS_VALUES;
  if (['owner', 'assignee', 'assigned-to', 'lead', 'owners', 'ownr'].includes(k)) return OWNER_VALUES;
  if (['budget', 'spent', 'cost', 'budgte'].includes(k)) return MONEY_VALUES;
  if (['progress', 'percent-complete', 'progres'].includes(k)) return PROGRESS_VALUES;
  if (['horizon', 'horizn'].includes(k)) return HORIZON_VALUES;
  if (['reach', 'impact', 'confidence', 'effort', 'priority'].includes(k)) return NUMBER_VALUES;
  if (k === 'estimate') return ESTIMATE_VALUES;
  return TEXT_VALUES;
}

export function isLinkKey(key: string): boolean {
  const k = key.trim().toLowerCase().replace(/[_\s]+/g, '-');
  return ['goal', 'delivers', 'depends', 'depends-on', 'blocked-by', 'dependss', 'delivers-'].includes(k);
}

export const KNOWN_KEYS: Record<string, readonly string[]> = {
  roadmap: ['id', 'title', 'product', 'vision', 'owner'],
  goal: ['id', 'metric', 'current', 'target', 'due', 'owner', 'status'],
  initiative: ['id', 'goal', 'horizon', 'target', 'status', 'owner', 'priority', 'reach', 'impact', 'confidence', 'effort', 'progress'],
  project: ['id', 'delivers', 'start', 'end', 'budget', 'spent', 'owner', 'status', 'depends', 'progress'],
  milestone: ['id', 'due', 'start', 'status', 'owner', 'depends', 'delivers', 'progress'],
  task: ['id', 'due', 'start', 'owner', 'estimate', 'status'],
};

export const WORDS = ['Ship', 'Pilot', 'Contract', 'Launch', 'Audit', 'Stock', 'Train', 'Review', 'Ledger API', 'KYC', 'Beta {v2}', 'Phase (1)', 'Q&A', 'Café', 'Über'];
