/**
 * Markdown → a flat list of the blocks plan extraction needs (headings, top-level lists,
 * task items), with no AST kept. The file is parsed section by section, cut at
 * column-0 ATX headings outside code fences, HTML blocks and front matter: whole-file parsing
 * is superlinear on list-heavy files, and an edit then re-parses only its own section.
 */
import type { List, ListItem, Nodes, Root } from 'mdast';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Span } from '../model/types';

export interface HeadingBlock { type: 'heading'; depth: number; span: Span; content: Span; text: string }
export interface ListEntry { span: Span; checked: boolean | null; para?: Span }
export interface ListBlock { type: 'list'; ordered: boolean; span: Span; entries: ListEntry[] }
export interface OtherBlock { type: 'other'; span: Span }
export type Block = HeadingBlock | ListBlock | OtherBlock;
/** A task item's box: `[ ]` open, `[x]` done, `[-]` dropped, `[/]` in progress (1.1). */
export type TaskMark = 'open' | 'done' | 'dropped' | 'doing';
export interface TaskEntry {
  span: Span;
  mark: TaskMark;
  para: Span;
  text: string;
  /** Index (in the same task list) of the task this one is nested under, -1 when none. */
  parent: number;
}

export interface MarkdownBlocks {
  blocks: Block[];
  /** Every GFM task-list item, at any depth, in document order. */
  tasks: TaskEntry[];
  /** Where a line nests containers deeper than MAX_NESTING: from there on the line is read as text. */
  tooDeep: Span[];
}

/** Deeper than any plan; micromark's cost grows with the square of the containers opened on one line. */
export const MAX_NESTING = 100;

const CONTAINER = /[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;

/**
 * The text with the marker that opens a line's 101st container replaced by a same-length
 * non-marker, so the rest of that line reads as text; offsets are unchanged.
 */
export function limitNesting(text: string): { text: string; tooDeep: Span[] } {
  const tooDeep: Span[] = [];
  let out: string[] | undefined;
  let last = 0;
  for (let pos = 0; pos < text.length;) {
    const end = lineEnd(text, pos);
    let depth = 0;
    CONTAINER.lastIndex = pos;
    for (let m = CONTAINER.exec(text); m && CONTAINER.lastIndex <= end; m = CONTAINER.exec(text)) {
      if (++depth > MAX_NESTING) {
        const at = CONTAINER.lastIndex - m[0].trimStart().length;
        (out ??= []).push(text.slice(last, at), '\u00b7');
        last = at + 1;
        tooDeep.push({ start: at, end: end - (/(?:\r\n|\r|\n)$/.exec(text.slice(at, end))?.[0].length ?? 0) });
        break;
      }
    }
    pos = end;
  }
  return { text: out ? out.join('') + text.slice(last) : text, tooDeep };
}

/** Only the micromark extensions the format needs: front matter and GFM task-list items. */
function taskListItems(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown());
}

// Front matter is read by the plan parser and blanked out before Markdown parsing (see readMarkdownBlocks).
const processor = unified().use(remarkParse).use(taskListItems).freeze();

/**
 * Results per section text, bounded by the characters of the texts it keys (sized by bytes, not
 * entries: one huge section must not pin memory), oldest dropped first.
 */
export class SectionCache {
  private readonly map = new Map<string, MarkdownBlocks>();
  private size = 0;
  constructor(private readonly capacityChars = 8 * 1024 * 1024) {}
  get(text: string): MarkdownBlocks | undefined {
    const hit = this.map.get(text);
    if (hit) {
      this.map.delete(text);
      this.map.set(text, hit);
    }
    return hit;
  }
  set(text: string, value: MarkdownBlocks): void {
    if (text.length > this.capacityChars) return;
    if (!this.map.has(text)) this.size += text.length;
    this.map.set(text, value);
    while (this.size > this.capacityChars) {
      const oldest = this.map.keys().next().value as string;
      this.map.delete(oldest);
      this.size -= oldest.length;
    }
  }
}

/**
 * The blocks of a Markdown file. `bodyStart` is where the content after the front matter starts:
 * the front matter is replaced by blank lines of the same length, so remark never reads it
 * (whichever fence closed it) and offsets stay those of the file.
 */
export function readMarkdownBlocks(input: string, cache?: SectionCache, bodyStart = 0): MarkdownBlocks {
  const fronted = bodyStart > 0 ? input.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + input.slice(bodyStart) : input;
  // micromark drops a BOM at the start of what it parses, which would shift only the first piece.
  const blanked = fronted.charCodeAt(0) === 0xfeff ? ' ' + fronted.slice(1) : fronted;
  const { text, tooDeep } = limitNesting(blanked);
  const out: MarkdownBlocks = { blocks: [], tasks: [], tooDeep };
  const sections = sectionStarts(text).map((s, i, all) => [s, all[i + 1] ?? text.length] as const);
  const definitions = linkDefinitions(text);
  // Without a cache (a one-off read), neighbouring sections are parsed together up to CHUNK
  // characters: each parse has a fixed cost, and the superlinear growth only starts well above.
  for (const start of cache ? sections : chunked(sections)) {
    const sectionText = text.slice(start[0], start[1]);
    const key = sectionText + definitionsFor(sectionText, definitions);
    let section = cache?.get(key);
    if (!section) {
      section = key === sectionText ? parseSection(sectionText) : within(parseSection(key), sectionText.length);
      cache?.set(key, section);
    }
    appendShifted(out, section, start[0]);
  }
  return out;
}

/** Link reference definitions (`[label]: url`) by label: they apply to the whole file, wherever it is cut. */
function linkDefinitions(text: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!text.includes(']:')) return found;
  for (const m of text.matchAll(/^ {0,3}\[([^\]\r\n]{1,200})\]:[ \t]*\S[^\r\n]*/gm)) {
    const label = m[1].trim().toLowerCase();
    if (!found.has(label)) found.set(label, m[0].trim());
  }
  return found;
}

/**
 * The definitions a piece of the file refers to but does not hold, as text to parse after it, so
 * `[text][label]` reads the same whichever section holds `[label]: url` (the CLI and the editor cut
 * the file differently).
 */
function definitionsFor(piece: string, definitions: ReadonlyMap<string, string>): string {
  if (definitions.size === 0) return '';
  const lines: string[] = [];
  for (const m of piece.matchAll(/\[([^\]\r\n]{1,200})\]/g)) {
    const definition = definitions.get(m[1].trim().toLowerCase());
    if (definition && !piece.includes(definition) && !lines.includes(definition)) lines.push(definition);
  }
  return lines.length ? `\n\n${lines.join('\n')}\n` : '';
}

/** The blocks of a parse that start within the first `length` characters, clamped to them. */
function within(parsed: MarkdownBlocks, length: number): MarkdownBlocks {
  const clamp = (s: Span): Span => ({ start: s.start, end: Math.min(s.end, length) });
  return {
    blocks: parsed.blocks.filter((b) => b.span.start < length).map((b) => (b.type === 'list'
      ? { ...b, span: clamp(b.span), entries: b.entries.filter((e) => e.span.start < length).map((e) => ({ ...e, span: clamp(e.span), para: e.para && clamp(e.para) })) }
      : b.type === 'heading' ? { ...b, span: clamp(b.span), content: clamp(b.content) } : { ...b, span: clamp(b.span) })),
    tasks: parsed.tasks.filter((t) => t.span.start < length).map((t) => ({ ...t, span: clamp(t.span), para: clamp(t.para) })),
    tooDeep: [],
  };
}

/** Below this, parsing sections together is cheaper than one by one (measured on plan files). */
const CHUNK = 16 * 1024;

function chunked(sections: (readonly [number, number])[]): (readonly [number, number])[] {
  const out: [number, number][] = [];
  for (const [from, to] of sections) {
    const last = out[out.length - 1];
    if (last && last[1] - last[0] < CHUNK) last[1] = to;
    else out.push([from, to]);
  }
  return out;
}

function appendShifted(out: MarkdownBlocks, section: MarkdownBlocks, by: number): void {
  const shift = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  for (const b of section.blocks) {
    if (b.type === 'heading') out.blocks.push({ ...b, span: shift(b.span), content: shift(b.content) });
    else if (b.type === 'list') {
      out.blocks.push({ ...b, span: shift(b.span), entries: b.entries.map((e) => ({ span: shift(e.span), checked: e.checked, para: e.para && shift(e.para) })) });
    } else out.blocks.push({ ...b, span: shift(b.span) });
  }
  const base = out.tasks.length;
  for (const t of section.tasks) out.tasks.push({ ...t, span: shift(t.span), para: shift(t.para), parent: t.parent < 0 ? -1 : t.parent + base });
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_OPEN: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

const BLANK_LINE = /^$/;

/** The end of the line that starts at `pos`, after its line break (`\n`, `\r\n` or a lone `\r`). */
export function lineEnd(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/**
 * Without headings, a long stretch is also cut before a column-0 line that starts a new block
 * after a blank line or a list item: micromark's cost grows faster than the text on long lists,
 * and such a cut changes no task, field list or heading the format reads.
 */
const SOFT_CUT_CHARS = 8 * 1024;

/** A column-0 bullet with content starts a new top-level item whatever precedes it; other column-0 text does after a blank line. */
function isSoftCut(line: string, afterBlank: boolean): boolean {
  if (/^[-*+][ \t]+\S/.test(line)) return true;
  return afterBlank && /^[^\s>|=\-*+_\d]/.test(line);
}

/** Offsets where a section starts: 0, then every column-0 ATX heading that is safe to cut at. */
export function sectionStarts(text: string): number[] {
  const starts = [0];
  let pos = 0;
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let previousBlank = false;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    const lineText = text.slice(pos, end);
    const blank = /^[ \t]*(?:\r\n|\r|\n)?$/.test(lineText);
    if (fence) {
      const m = FENCE.exec(lineText);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && /^\s*$/.test(lineText.slice(m[0].length))) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd === BLANK_LINE ? blank : htmlEnd.test(lineText)) htmlEnd = undefined;
    } else {
      const m = FENCE.exec(lineText);
      if (m) fence = m[1];
      else {
        const html = HTML_OPEN.find(([open]) => open.test(lineText));
        if (html && !html[1].test(lineText.slice(lineText.indexOf('<') + 2))) htmlEnd = html[1];
        // Any other tag opens a block that ends at a blank line (CommonMark types 6 and 7): never cut inside it.
        else if (!html && /^ {0,3}<\/?[A-Za-z]/.test(lineText)) htmlEnd = BLANK_LINE;
        else if (pos > 0 && /^#{1,6}(?:[ \t]|\r|\n|$)/.test(lineText)) starts.push(pos);
        else if (pos - starts[starts.length - 1] > SOFT_CUT_CHARS && isSoftCut(lineText, previousBlank)) starts.push(pos);
      }
    }
    previousBlank = blank;
    pos = end;
  }
  return starts;
}

function spanOf(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** Parses text as one piece (no sections): the reference that section-wise parsing must match. */
export function parseSection(text: string): MarkdownBlocks {
  const root = processor.parse(text) as Root;
  const out: MarkdownBlocks = { blocks: [], tasks: [], tooDeep: [] };
  for (const node of root.children) {
    if (node.type === 'heading') {
      const first = node.children[0];
      const last = node.children[node.children.length - 1];
      const content = first && last ? { start: spanOf(first).start, end: spanOf(last).end } : { start: spanOf(node).end, end: spanOf(node).end };
      out.blocks.push({ type: 'heading', depth: node.depth, span: spanOf(node), content, text: plainText(node) });
    } else if (node.type === 'list') {
      out.blocks.push({ type: 'list', ordered: node.ordered === true, span: spanOf(node), entries: node.children.map(listEntry) });
    } else {
      out.blocks.push({ type: 'other', span: spanOf(node) });
    }
    collectTasks(node, text, out.tasks);
  }
  return out;
}

function listEntry(item: ListItem): ListEntry {
  const para = item.children[0]?.type === 'paragraph' ? spanOf(item.children[0]) : undefined;
  return { span: spanOf(item), checked: item.checked ?? null, para };
}

/** `[-] ` and `[/] ` (1.1), which GFM leaves as text: the mark and the length of the box with its space. */
const EXTRA_MARK = /^\[([-/])\][ \t]+/;

/** Every task item under `root`, depth first, each with the task it is nested under. Iterative: nesting depth is the input's to choose. */
function collectTasks(root: Nodes, text: string, tasks: TaskEntry[]): void {
  const stack: { node: Nodes; parent: number }[] = [{ node: root, parent: -1 }];
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    let own = parent;
    if (node.type === 'listItem') {
      const task = taskOf(node, text, parent);
      if (task) {
        tasks.push(task);
        own = tasks.length - 1;
      }
    }
    if ('children' in node) {
      const children = (node as List).children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: own });
    }
  }
}

function taskOf(node: ListItem, text: string, parent: number): TaskEntry | undefined {
  const first = node.children[0];
  const para = first?.type === 'paragraph' ? spanOf(first) : { start: spanOf(node).end, end: spanOf(node).end };
  if (typeof node.checked === 'boolean') {
    // mdast moves the paragraph's start past the box only when its first child is text: a title
    // opening with `**bold**` keeps the box in the paragraph, and the item's anchor must not.
    const box = /^\[[ xX]\][ \t]*/.exec(text.slice(para.start, para.end));
    const own = box ? { start: para.start + box[0].length, end: para.end } : para;
    return { span: spanOf(node), mark: node.checked ? 'done' : 'open', para: own, text: first?.type === 'paragraph' ? plainText(first) : '', parent };
  }
  if (first?.type !== 'paragraph') return undefined;
  const box = EXTRA_MARK.exec(text.slice(para.start, para.end));
  if (!box) return undefined;
  const rest = { start: para.start + box[0].length, end: para.end };
  const rendered = plainText(first).replace(EXTRA_MARK, '');
  return { span: spanOf(node), mark: box[1] === '-' ? 'dropped' : 'doing', para: rest, text: rendered, parent };
}

/** The text of a paragraph or heading, without recursion (inline nesting is the input's to choose). */
export function plainText(root: Nodes): string {
  let out = '';
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if ('value' in node && typeof node.value === 'string') out += node.value;
    else if ('alt' in node && typeof node.alt === 'string') out += node.alt;
    if ('children' in node) {
      const children = (node as List).children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return out;
}
