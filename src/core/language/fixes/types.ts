/** What a quick fix is, as the language service returns it: edits per file, or a question to ask first. */
import type { Day } from '../../dates';
import type { Fix, Span } from '../../model/types';
import type { ResolvedWorkspace } from '../../model/workspace';
import type { TextEdit } from '../edits';
import type { TextOf } from '../references';
import type { DateField } from '../reschedule';

/** A diagnostic as the fixes need it: which rule, where, what it relates to, and the fixes the rule carried. */
export interface FixTarget {
  rule: string;
  file: string;
  span: Span;
  related?: readonly { file: string; span: Span }[];
  fixes?: readonly Fix[];
}

export interface FixContext {
  ws: ResolvedWorkspace;
  today: Day;
  /** The current text of a file, BOM or not; undefined when it cannot be read. */
  textOf: TextOf;
}

/** Moving an item's deadline needs a date from the person: the host asks, then calls moveDateEdit. */
export interface DateQuestion {
  path: string;
  index: number;
  /** The item's id and title, to find it again if the file moved on while the question was open. */
  itemId: string;
  title: string;
  field: DateField;
  /** A sensible answer to start from: the same granularity as written, a week from today. */
  prefill: string;
}

export interface PlanFix {
  title: string;
  /** The one fix to apply without asking (VS Code's "preferred" fix, Ctrl+. then Enter). */
  preferred?: boolean;
  /** Edits per file; spans count in the text without its BOM (as every span of the model). */
  edits?: Map<string, TextEdit[]>;
  ask?: DateQuestion;
}

export type EditsResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: string };
