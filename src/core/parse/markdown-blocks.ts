/**
 * Markdown → a flat list of the blocks plan extraction needs (headings, top-level lists,
 * task items, front matter), with no AST kept. The file is parsed section by section, cut at
 * column-0 ATX headings outside code fences, HTML blocks and front matter: whole-file parsing
 * is superlinear on list-heavy files, and an edit then re-parses only its own section.
 */
import type { List, ListItem, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Span } from '../model/types';

export interface HeadingBlock { type: 'heading'; depth: number; span: Span; content: Span; text: string }
export interface ListEntry { span: Span; checked: boolean | null; para?: Span }
export interface ListBlock { type: 'list'; ordered: boolean; span: Span; entries: ListEntry[] }
export interface FrontMatterBlock { type: 'frontmatter'; span: Span; value: string }
export interface OtherBlock { type: 'other'; span: Span }
export type Block = HeadingBlock | ListBlock | FrontMatterBlock | OtherBlock;
export interface TaskEntry { span: Span; checked: boolean; para: Span; text: string }

export interface MarkdownBlocks {
  blocks: Block[];
  /** Every GFM task-list item, at any depth, in document order. */
  tasks: TaskEntry[];
}

/** Only the micromark extensions the format needs: front matter and GFM task-list items. */
function taskListItems(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(taskListItems).freeze();

/** Results per section text; bounded, oldest dropped first. */
export class SectionCache {
  private readonly map = new Map<string, MarkdownBlocks>();
  constructor(private readonly capacity = 2000) {}
  get(text: string): MarkdownBlocks | undefined {
    const hit = this.map.get(text);
    if (hit) {
      this.map.delete(text);
      this.map.set(text, hit);
    }
    return hit;
  }
  set(text: string, value: MarkdownBlocks): void {
    this.map.set(text, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as string);
  }
}

export function readMarkdownBlocks(text: string, cache?: SectionCache): MarkdownBlocks {
  const out: MarkdownBlocks = { blocks: [], tasks: [] };
  const sections = sectionStarts(text).map((s, i, all) => [s, all[i + 1] ?? text.length] as const);
  // Without a cache (a one-off read), neighbouring sections are parsed together up to CHUNK
  // characters: each parse has a fixed cost, and the superlinear growth only starts well above.
  for (const start of cache ? sections : chunked(sections)) {
    const sectionText = text.slice(start[0], start[1]);
    let section = cache?.get(sectionText);
    if (!section) {
      section = parseSection(sectionText);
      cache?.set(sectionText, section);
    }
    appendShifted(out, section, start[0]);
  }
  return out;
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
  for (const t of section.tasks) out.tasks.push({ ...t, span: shift(t.span), para: shift(t.para) });
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_OPEN: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** Offsets where a section starts: 0, then every column-0 ATX heading that is safe to cut at. */
export function sectionStarts(text: string): number[] {
  const starts = [0];
  let pos = 0;
  let fence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let inFrontMatter = /^---[ \t]*\r?\n/.test(text);
  let line = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    const lineText = text.slice(pos, end);
    if (inFrontMatter) {
      if (line > 0 && /^(?:---|\.\.\.)[ \t]*\r?\n?$/.test(lineText)) inFrontMatter = false;
    } else if (fence) {
      const m = FENCE.exec(lineText);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && /^\s*$/.test(lineText.slice(m[0].length))) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(lineText)) htmlEnd = undefined;
    } else {
      const m = FENCE.exec(lineText);
      if (m) fence = m[1];
      else {
        const html = HTML_OPEN.find(([open]) => open.test(lineText));
        if (html && !html[1].test(lineText.slice(lineText.indexOf('<') + 2))) htmlEnd = html[1];
        else if (pos > 0 && /^#{1,6}(?:[ \t]|\r?\n|$)/.test(lineText)) starts.push(pos);
      }
    }
    pos = end;
    line++;
  }
  return starts;
}

function spanOf(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** Parses text as one piece (no sections): the reference that section-wise parsing must match. */
export function parseSection(text: string): MarkdownBlocks {
  const root = processor.parse(text) as Root;
  const out: MarkdownBlocks = { blocks: [], tasks: [] };
  for (const node of root.children) {
    if (node.type === 'heading') {
      const first = node.children[0];
      const last = node.children[node.children.length - 1];
      const content = first && last ? { start: spanOf(first).start, end: spanOf(last).end } : { start: spanOf(node).end, end: spanOf(node).end };
      out.blocks.push({ type: 'heading', depth: node.depth, span: spanOf(node), content, text: toString(node) });
    } else if (node.type === 'list') {
      out.blocks.push({ type: 'list', ordered: node.ordered === true, span: spanOf(node), entries: node.children.map(listEntry) });
    } else if (node.type === 'yaml') {
      out.blocks.push({ type: 'frontmatter', span: spanOf(node), value: node.value });
    } else {
      out.blocks.push({ type: 'other', span: spanOf(node) });
    }
    collectTasks(node, out.tasks);
  }
  return out;
}

function listEntry(item: ListItem): ListEntry {
  const para = item.children[0]?.type === 'paragraph' ? spanOf(item.children[0]) : undefined;
  return { span: spanOf(item), checked: item.checked ?? null, para };
}

function collectTasks(node: Nodes, tasks: TaskEntry[]): void {
  if (node.type === 'listItem' && typeof node.checked === 'boolean') {
    const first = node.children[0];
    const para = first?.type === 'paragraph' ? spanOf(first) : { start: spanOf(node).end, end: spanOf(node).end };
    tasks.push({ span: spanOf(node), checked: node.checked, para, text: first?.type === 'paragraph' ? toString(first) : '' });
  }
  if ('children' in node) for (const child of (node as List).children as Nodes[]) collectTasks(child, tasks);
}
