/**
 * The plan model: plain, serialisable data (no classes, no parent pointers) so parsed files
 * can cross a worker boundary or be cached as JSON. Positions are UTF-16 offsets into the
 * file's text (a leading BOM removed); hosts convert them to lines and columns at the edge.
 */
import type { DateRange } from '../dates';
import type { Horizon, Money, Status } from './values';

export type Kind = 'roadmap' | 'goal' | 'initiative' | 'project' | 'milestone' | 'task';
export type FileType = 'roadmap' | 'project';
export type Severity = 'error' | 'warning' | 'info';

/** Half-open range of UTF-16 offsets: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** One element of a written value: the whole scalar, or one entry of a list. */
export interface ValuePart {
  text: string;
  span: Span;
}

/** A field as written, before its value is interpreted. */
export interface Field {
  /** Normalised key: lower case, `_` read as `-`. */
  key: string;
  keySpan: Span;
  /** Where a diagnostic about the value points (an attribute block's `key=value`, else the value). */
  valueSpan: Span;
  /** The scalar value, or each entry of a list value. */
  parts: ValuePart[];
  isList: boolean;
  /** Set when the value is neither a scalar nor a list of scalars (a YAML mapping, say). */
  /** `alias`: a YAML alias with no anchor of that name before it. */
  shape?: 'mapping' | 'nested-list' | 'alias';
  /** The YAML scalar's own type where it is not a string. */
  scalarType?: 'number' | 'boolean' | 'null';
  /** Written in a `{…}` attribute block, where value diagnostics cover the whole `key=value`. */
  inAttributeBlock?: boolean;
}

/** How a dependency constrains its dependent (1.1): finish-to-start, start-to-start, finish-to-finish. */
export type DependencyType = 'FS' | 'SS' | 'FF';

export interface Link {
  id: string;
  /** For `depends`: the dependency's type (FS when not written) and its lag in days (negative: a lead). */
  dep?: { type: DependencyType; lagDays: number };
  /** Written as a Markdown link to another file (`[t](file.md#id)`): the path as written, relative to the linking file. */
  file?: string;
  /** Where diagnostics about the link point (in an attribute block, the whole `key=value`). */
  span: Span;
  /** The id itself, for edits. */
  idSpan?: Span;
}

export interface DateValue extends DateRange {
  span: Span;
}

export interface MoneyValue extends Money {
  span: Span;
}

/** A written `progress` (1.1): 0–1. */
export interface ProgressValue {
  value: number;
  span: Span;
}

export interface Item {
  kind: Kind;
  id: string;
  /** True when the id was written (`#id`, `id:`), false when derived from the title or file name. */
  idExplicit: boolean;
  title: string;
  /** Where item-level diagnostics point. */
  anchor: Span;
  /** The whole text the item covers (its heading and section, its YAML mapping, its task line). */
  extent: Span;
  /** Index of the enclosing item in the same file, -1 for the file-level item. */
  parent: number;
  fields: Field[];
  status: Status;
  horizon?: Horizon;
  due?: DateValue;
  start?: DateValue;
  end?: DateValue;
  target?: DateValue;
  goal: Link[];
  delivers: Link[];
  depends: Link[];
  budget?: MoneyValue;
  spent?: MoneyValue;
  /** Every owner written (a list or comma-separated; a leading `@` dropped), in order. */
  owners: string[];
  progress?: ProgressValue;
}

/** A suggested edit that resolves a problem: replace `span` with `text`. */
export interface Fix {
  title: string;
  span: Span;
  text: string;
  /** A likely meaning rather than a reading (a typo's nearest name, a month's last day): offered, never applied in bulk. */
  guess?: boolean;
}

/** A problem found while reading one file (parse-error, invalid-date, invalid-value, unknown-field). */
export interface Problem {
  rule: string;
  span: Span;
  message: string;
  /** Id of the item concerned, when there is one. */
  item?: string;
  /** Suggested edits, best first (an ambiguous date offers each reading). */
  fixes?: Fix[];
  /** unknown-field: the normalised key, so the config's `fields:` can accept it at check time. */
  key?: string;
  /**
   * invalid-date on a form whose reading depends on today (`Dec 4`, `next week`): the check
   * completes message and fixes with its `today`, so parsing stays independent of the date.
   */
  relativeDate?: { text: string; field: string; itemLabel: string; fixSpan: Span };
}

export interface ParsedFile {
  path: string;
  type: FileType;
  /** Start offset of every line, for offset → line/column conversion. */
  lineStarts: number[];
  /** Items in document order; the file-level item (roadmap or project) is first. */
  items: Item[];
  problems: Problem[];
  /** The file could not be read (binary, too large, unreadable) or holds no plan item: only its file-level item stands in for it. */
  unread?: boolean;
}
