/**
 * Hand-built parsed files for tests of what the parser may not fill yet (dependency types,
 * Markdown-link files, progress, subtasks), and for large workspaces built without parsing.
 * Item i of a file sits on line i + 1 (its anchor spans offsets 10·i to 10·i + 5).
 */
import { parseDateOrPeriod } from '../../src/core/dates';
import { readDependency } from '../../src/core/model/dependency';
import type { DateValue, FileType, Item, Kind, Link, ParsedFile, Span } from '../../src/core/model/types';
import type { Status } from '../../src/core/model/values';

export interface ItemSpec {
  kind: Kind;
  id: string;
  title?: string;
  /** Id of the enclosing item in the same file; default: the file-level item (none for it). */
  parent?: string;
  status?: Status;
  due?: string;
  start?: string;
  end?: string;
  target?: string;
  horizon?: Item['horizon'];
  /** `id`, `id SS+2d`, or `file.md#id` for a Markdown link to another file. */
  depends?: string[];
  delivers?: string[];
  goal?: string[];
  /** 0..1 */
  progress?: number;
  owners?: string[];
}

function date(text: string | undefined, span: Span): DateValue | undefined {
  if (text === undefined) return undefined;
  const parsed = parseDateOrPeriod(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return { ...parsed.value, span };
}

function links(texts: string[] | undefined, span: Span, typed: boolean): Link[] {
  return (texts ?? []).map((text) => {
    const hash = text.indexOf('#');
    const file = hash > 0 ? text.slice(0, hash) : undefined;
    const rest = hash > 0 ? text.slice(hash + 1) : text;
    if (!typed) return file === undefined ? { id: rest, span, idSpan: span } : { id: rest, file, span, idSpan: span };
    const read = readDependency(rest);
    if (!read.ok) throw new Error(read.reason);
    const link: Link = { id: read.value.id, dep: { type: read.value.type, lagDays: read.value.lagDays }, span, idSpan: span };
    if (file !== undefined) link.file = file;
    return link;
  });
}

export function planFile(path: string, type: FileType, specs: ItemSpec[]): ParsedFile {
  const index = new Map(specs.map((s, i) => [s.id, i]));
  const items = specs.map((s, i): Item => {
    const anchor = { start: i * 10, end: i * 10 + 5 };
    const value = { start: i * 10 + 6, end: i * 10 + 9 };
    const parent = i === 0 ? -1 : s.parent === undefined ? 0 : index.get(s.parent)!;
    const item: Item = {
      kind: s.kind, id: s.id, idExplicit: true, title: s.title ?? s.id.toUpperCase(), anchor, extent: anchor, parent, fields: [],
      status: s.status ?? 'planned', horizon: s.horizon,
      due: date(s.due, value), start: date(s.start, value), end: date(s.end, value), target: date(s.target, value),
      goal: links(s.goal, value, false), delivers: links(s.delivers, value, false), depends: links(s.depends, value, true),
      owners: s.owners ?? [],
    };
    if (s.progress !== undefined) item.progress = { value: s.progress, span: value };
    return item;
  });
  return { path, type, lineStarts: specs.map((_, i) => i * 10), items, problems: [] };
}
