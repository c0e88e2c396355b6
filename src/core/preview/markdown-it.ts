/**
 * A markdown-it plugin for plan files in VS Code's Markdown preview: attribute blocks on
 * headings and task lines, and field lists, are shown as chips (status, dates, owners, links to
 * other items as anchors); overdue items are marked. The file is read by the same parser as
 * the checker, so the preview shows what Roadmark reads. Markdown that is not a plan renders
 * exactly as without the plugin. Typed structurally: markdown-it is the host's (VS Code bundles
 * it), never imported here.
 */
import { localDay, type Day } from '../dates';
import { positionAt } from '../lines';
import type { Item, ParsedFile, Problem } from '../model/types';
import { parsePlanFile } from '../parse/index';
import { scanAttributeBlock } from '../parse/attributes';
import { chipsOf, overdueDays, type ResolveLink } from './chips';
import { anchorHtml, chipsHtml } from './html';

/** The parts of a markdown-it Token the plugin uses. */
export interface MdToken {
  type: string;
  tag: string;
  nesting: number;
  map: [number, number] | null;
  content: string;
  children: MdToken[] | null;
  meta: unknown;
  block: boolean;
  attrJoin(name: string, value: string): void;
}

export interface MdState {
  src: string;
  env: unknown;
  tokens: MdToken[];
  Token: new (type: string, tag: string, nesting: number) => MdToken;
}

type RenderRule = (tokens: MdToken[], idx: number) => string;

/** The parts of a MarkdownIt instance the plugin uses. */
export interface MarkdownItLike {
  core: { ruler: { push(name: string, rule: (state: MdState) => void): void } };
  renderer: { rules: Record<string, RenderRule | undefined> };
}

export interface PreviewOptions {
  /**
   * The plan path of the document being read. VS Code parses with `env.currentDocument` unset (it
   * caches tokens per document and sets the document only to render), so the host may find the
   * document by its text. Without it, `env.currentDocument.path` is used.
   */
  pathOf?(env: unknown, src: string): string | undefined;
  /** Whether the host reads this path as a plan though its name does not say so (an `include` glob). */
  isIncluded?(path: string): boolean;
  /** Today, for overdue marks; the local date when not given. */
  today?(): Day;
  /** Where a link of the document leads; by default, to an item of the same file (`#id`). */
  resolve?(path: string, file: ParsedFile): ResolveLink;
}

interface Meta {
  item: Item;
  today: Day;
  resolve: ResolveLink;
  problems: readonly Problem[];
}

/** Installs the plugin; returns `md` (VS Code's `extendMarkdownIt` contract). */
export function roadmarkMarkdownIt<T extends MarkdownItLike>(md: T, options: PreviewOptions = {}): T {
  md.core.ruler.push('roadmark_plan', (state) => transform(state, options));
  md.renderer.rules.roadmark_chips = (tokens, idx) => render(tokens[idx], false);
  md.renderer.rules.roadmark_chips_inline = (tokens, idx) => render(tokens[idx], true);
  md.renderer.rules.roadmark_anchor = (tokens, idx) => anchorHtml(String(tokens[idx].meta));
  return md;
}

function render(token: MdToken, inline: boolean): string {
  const { item, today, resolve, problems } = token.meta as Meta;
  const chips = chipsOf(item, today, resolve, problems);
  return chips.length ? chipsHtml(chips, inline, overdueDays(item, today) !== undefined) : '';
}

/** `env.currentDocument` is the previewed document's URI in VS Code. */
function defaultPath(env: unknown): string | undefined {
  const doc = (env as { currentDocument?: { path?: unknown } } | undefined)?.currentDocument;
  return typeof doc?.path === 'string' ? doc.path : undefined;
}

function transform(state: MdState, options: PreviewOptions): void {
  const path = (options.pathOf ?? defaultPath)(state.env, state.src) ?? 'preview.md';
  // The preview renders Markdown: a YAML plan (or any other file) is not this plugin's.
  if (!/\.(?:md|markdown)$/i.test(path)) return;
  const file = parsePlanFile(path, state.src, { included: options.isIncluded?.(path) });
  if (!file || file.unread) return;
  const today = options.today?.() ?? localDay(new Date());
  const resolve = (options.resolve ?? sameFile)(path, file);
  const lines = lineIndex(file);
  const meta = (item: Item): Meta => ({ item, today, resolve, problems: file.problems });
  const out: MdToken[] = [];
  const fileItem = file.items[0];
  if (fileItem && fileItem.fields.length) {
    // After the front matter token (VS Code's front-matter plugin), else first.
    const at = state.tokens[0]?.type === 'front_matter' ? 1 : 0;
    out.push(...state.tokens.slice(0, at), block(state, 'roadmark_chips', meta(fileItem)));
    state.tokens = state.tokens.slice(at);
  }
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const line = t.map?.[0];
    if (t.type === 'list_item_open' && line !== undefined && lines.fieldLines.has(line)) {
      i = closingOf(tokens, i);
      continue;
    }
    out.push(t);
    const heading = t.type === 'heading_open' && line !== undefined ? lines.headings.get(line) : undefined;
    if (heading && tokens[i + 1]?.type === 'inline' && tokens[i + 2]?.type === 'heading_close') {
      if (overdueDays(heading, today) !== undefined) t.attrJoin('class', 'roadmark-overdue');
      decorateInline(state, tokens[i + 1], heading, undefined);
      out.push(tokens[i + 1], tokens[i + 2], block(state, 'roadmark_chips', meta(heading)));
      i += 2;
      continue;
    }
    const task = t.type === 'list_item_open' && line !== undefined ? lines.tasks.get(line) : undefined;
    if (task) {
      if (overdueDays(task, today) !== undefined) t.attrJoin('class', 'roadmark-overdue');
      const inline = firstInline(tokens, i);
      if (inline) decorateInline(state, inline, task, meta(task));
    }
  }
  state.tokens = withoutEmptyLists(out);
}

/** Heading items and task items by their first line; the lines of field-list entries. */
function lineIndex(file: ParsedFile): { headings: Map<number, Item>; tasks: Map<number, Item>; fieldLines: Set<number> } {
  const lineOf = (offset: number) => positionAt(file.lineStarts, offset).line - 1;
  const headings = new Map<number, Item>();
  const tasks = new Map<number, Item>();
  const fieldLines = new Set<number>();
  for (const item of file.items) {
    if (item.parent < 0) continue;
    (item.kind === 'task' ? tasks : headings).set(lineOf(item.anchor.start), item);
    if (item.kind === 'task') continue;
    for (const f of item.fields) if (!f.inAttributeBlock) fieldLines.add(lineOf(f.keySpan.start));
  }
  return { headings, tasks, fieldLines };
}

/** Removes a trailing attribute block from the heading or task text; adds the anchor and, on a task, the chips. */
function decorateInline(state: MdState, inline: MdToken, item: Item, chips: Meta | undefined): void {
  const children = inline.children ?? [];
  const last = children[children.length - 1];
  const scan = scanAttributeBlock(inline.content, 0);
  if (scan.kind === 'block' && last?.type === 'text') {
    const blockText = inline.content.slice(scan.block.span.start, scan.block.span.end);
    if (last.content.trimEnd().endsWith(blockText)) {
      last.content = last.content.trimEnd().slice(0, -blockText.length).trimEnd();
      inline.content = inline.content.slice(0, scan.block.span.start).trimEnd();
    }
  }
  if (item.kind !== 'task' || item.idExplicit) {
    // The id in meta, not content: VS Code builds the heading's own id from the children's content.
    const anchor = new state.Token('roadmark_anchor', '', 0);
    anchor.meta = item.id;
    children.unshift(anchor);
  }
  if (chips) {
    const row = new state.Token('roadmark_chips_inline', '', 0);
    row.meta = chips;
    children.push(row);
  }
  inline.children = children;
}

function block(state: MdState, type: string, meta: Meta): MdToken {
  const token = new state.Token(type, 'div', 0);
  token.block = true;
  token.meta = meta;
  return token;
}

/** The index of the token that closes the one opened at `open`. */
function closingOf(tokens: MdToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i].nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** The first inline token inside the list item opened at `open` (its own line, not a nested item's). */
function firstInline(tokens: MdToken[], open: number): MdToken | undefined {
  for (let i = open + 1; i < tokens.length && tokens[i].type !== 'list_item_open' && tokens[i].type !== 'list_item_close'; i++) {
    if (tokens[i].type === 'inline') return tokens[i];
  }
  return undefined;
}

/** A list whose every entry was a field is gone with them. */
function withoutEmptyLists(tokens: MdToken[]): MdToken[] {
  const out: MdToken[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev && /_list_open$/.test(prev.type) && t.type === prev.type.replace('_open', '_close')) {
      out.pop();
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Links within the file: `#id` for an id defined in it; a Markdown link's own file and fragment. */
function sameFile(_path: string, file: ParsedFile): ResolveLink {
  const byId = new Map<string, Item>();
  for (const item of file.items) if (!byId.has(item.id) && (item.kind !== 'task' || item.idExplicit)) byId.set(item.id, item);
  return (link) => {
    // A link into another file keeps its path; one with a scheme (`javascript:`) is no path.
    if (link.file !== undefined) return /^[a-z][a-z0-9+.-]*:/i.test(link.file) ? undefined : { href: `${link.file}#${link.id}`, title: link.id };
    const item = byId.get(link.id);
    return item ? { href: `#${link.id}`, title: `${item.kind} '${item.title || item.id}'` } : undefined;
  };
}
