/**
 * Completion in plan files: field names valid for the item's kind, status and horizon values,
 * ids for link fields (filtered to the kinds the field accepts), dependency types after an id,
 * and dates. Works alike in attribute blocks, field lists, front matter and YAML.
 */
import type { Day } from '../dates';
import { CHILD_LISTS, DATE_FIELDS, FIELDS } from '../model/fields';
import { HORIZONS, STATUSES } from '../model/values';
import type { FileType, Kind, Span } from '../model/types';
import { isDefinition, LINK_TARGETS, type PlanNode, type ResolvedWorkspace } from '../model/workspace';
import { itemIndexAt } from './item-at';
import { completionContext, type KeyContext, type ValueContext } from './completion-context';
import { dateChoices } from './date-choices';
import { FIELD_DOCS, HORIZON_DOCS, STATUS_DOCS } from './field-docs';
import { withoutBom } from './edits';

export type CompletionKind = 'field' | 'value' | 'id' | 'date' | 'dependency' | 'person';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** Shown beside the label (an id's title, a date's meaning). */
  detail?: string;
  /** Shown right-aligned (an id's file). */
  description?: string;
  documentation?: string;
  insertText: string;
  /** The text replaced: what was typed of the entry so far. */
  span: Span;
  sortText: string;
  /** Open completion again after inserting (a field name, then its value). */
  retrigger?: boolean;
}

export interface CompletionRequest {
  ws: ResolvedWorkspace | undefined;
  /** The file's path in the workspace, to leave an item's own id out of its links. */
  path: string;
  fileType: FileType;
  /** The document's text (a BOM is ignored: offsets count without it). */
  text: string;
  offset: number;
  today: Day;
}

/** Completions at the cursor; empty where the cursor is not on a field name or value. */
export function completions(req: CompletionRequest): CompletionEntry[] {
  const yaml = /\.ya?ml$/i.test(req.path);
  const context = completionContext(withoutBom(req.text), req.offset, req.fileType, yaml);
  if (!context) return [];
  return context.type === 'key' ? keyCompletions(context) : valueCompletions(context, req);
}

function keyCompletions(c: KeyContext): CompletionEntry[] {
  const keys = [...(FIELDS.get(c.kind) ?? [])];
  if (c.place === 'yaml') keys.push(...(CHILD_LISTS.get(c.kind)?.keys() ?? []));
  const separator = c.place === 'attribute' ? '=' : ': ';
  return keys
    .filter((k) => !c.written.includes(k) && !(c.place === 'attribute' && (k === 'id' || k === 'title')) && !(k === 'type' && c.place !== 'yaml'))
    .map((k, i) => ({
      label: k,
      kind: 'field' as const,
      detail: `${c.kind} field`,
      documentation: FIELD_DOCS.get(k),
      insertText: CHILD_LISTS.get(c.kind)?.has(k) ? `${k}:` : `${k}${separator}`,
      span: c.span,
      sortText: String(i).padStart(3, '0'),
      retrigger: !CHILD_LISTS.get(c.kind)?.has(k),
    }));
}

function valueCompletions(c: ValueContext, req: CompletionRequest): CompletionEntry[] {
  const pad = c.needsSpace ? ' ' : '';
  const entry = (label: string, kind: CompletionKind, i: number, extra: Partial<CompletionEntry> = {}): CompletionEntry => ({
    label, kind, insertText: pad + label, span: c.span, sortText: String(i).padStart(4, '0'), ...extra,
  });
  if (c.key === 'status') return STATUSES.map((s, i) => entry(s, 'value', i, { documentation: STATUS_DOCS.get(s) }));
  if (c.key === 'horizon') return HORIZONS.map((h, i) => entry(h, 'value', i, { documentation: HORIZON_DOCS.get(h) }));
  if (c.key === 'type' && c.kind === req.fileType) return ['roadmap', 'project'].map((t, i) => entry(t, 'value', i));
  if (c.key === 'done' && c.place === 'yaml') return ['true', 'false'].map((t, i) => entry(t, 'value', i));
  if ((DATE_FIELDS as readonly string[]).includes(c.key) && !(c.key === 'target' && c.kind === 'goal')) {
    return dateChoices(req.today, c.key === 'start').map((d, i) => entry(d.text, 'date', i, { detail: d.description }));
  }
  if (c.key === 'owner') return ownerCompletions(c, req, entry);
  if (c.key === 'goal' || c.key === 'delivers' || c.key === 'depends') return linkCompletions(c, req, c.key, entry);
  return [];
}

type MakeEntry = (label: string, kind: CompletionKind, i: number, extra?: Partial<CompletionEntry>) => CompletionEntry;

const DEPENDENCY_TYPES: readonly [string, string][] = [
  ['FS', 'finish-to-start: starts after the other\'s deadline (the default)'],
  ['SS', 'start-to-start: starts no earlier than the other starts'],
  ['FF', 'finish-to-finish: due no earlier than the other\'s deadline'],
  ['FS+5d', 'finish-to-start, five days after'],
  ['SS+1w', 'start-to-start, a week after'],
  ['FF-3d', 'finish-to-finish, up to three days before'],
];

function linkCompletions(c: ValueContext, req: CompletionRequest, field: 'goal' | 'delivers' | 'depends', entry: MakeEntry): CompletionEntry[] {
  const typed = /^(\S+)([ \t]+)(\S*)$/.exec(c.partial);
  if (typed) {
    // An id and a space: the dependency's type, where spaces may be written (not in an unquoted attribute value).
    if (field !== 'depends' || (c.place === 'attribute' && !c.quoted)) return [];
    const span = { start: c.span.start + typed[1].length + typed[2].length, end: c.span.end };
    return DEPENDENCY_TYPES.map(([t, doc], i) => ({ ...entry(t, 'dependency', i, { documentation: doc }), insertText: t, span }));
  }
  if (!req.ws) return [];
  const kinds: readonly Kind[] = LINK_TARGETS[field];
  const self = ownerAt(req.ws, req.path, c.keyAt);
  const out: CompletionEntry[] = [];
  for (const [id, defs] of req.ws.definitions) {
    const node = defs.find((d) => kinds.includes(d.item.kind));
    if (!node || !isDefinition(node) || c.before.includes(id) || node === self) continue;
    const sameFile = node.file.path === req.path;
    out.push(entry(id, 'id', 0, {
      detail: node.item.title,
      description: node.file.path,
      documentation: `${node.item.kind} '${node.item.title}' in ${node.file.path}`,
      sortText: `${sameFile ? 0 : 1}${node.file.path}\u0000${String(node.index).padStart(6, '0')}`,
    }));
  }
  return out;
}

/** The item a link is being written on (a task's links are its enclosing item's concern too). */
function ownerAt(ws: ResolvedWorkspace, path: string, offset: number): PlanNode | undefined {
  const file = ws.nodeOf(path, 0)?.file;
  const index = file && itemIndexAt(file, offset);
  return index === undefined ? undefined : ws.nodeOf(path, index);
}

function ownerCompletions(c: ValueContext, req: CompletionRequest, entry: MakeEntry): CompletionEntry[] {
  const people = new Set<string>();
  for (const node of req.ws?.nodes ?? []) for (const o of node.item.owners) people.add(o);
  const written = c.before.map((b) => b.replace(/^@/, ''));
  const at = c.partial.startsWith('@') ? '@' : '';
  return [...people].filter((p) => !written.includes(p)).sort().map((p, i) => ({ ...entry(at + p, 'person', i) }));
}
