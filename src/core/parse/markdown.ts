/** Markdown plan files: front matter, item headings, field lists and task items. */
import { HEADING_KEYWORDS, isKnownKey, isLikelyTypo, ALL_FIELDS, normalizeKey } from '../model/fields';
import type { Field, FileType, Item, Kind, Problem, Span } from '../model/types';
import { scanAttributeBlock, splitList } from './attributes';
import { interpretFields, problem } from './interpret';
import { fieldOf, fieldText, fileStem, newItem, slugId } from './item';
import { readMarkdownBlocks, type Block, type HeadingBlock, type ListBlock, type SectionCache, type TaskEntry } from './markdown-blocks';
import { mapPairs, pairToField, parseYamlAt } from './yaml-fields';
import { isMap } from 'yaml';

export interface MarkdownHead {
  /** `type:` from the front matter, when written. */
  declaredType?: string;
  frontFields: Field[];
  frontSpan?: Span;
  problems: Problem[];
}

const KEYWORD = /^\s*(goal|initiative|feature|epic|project|milestone)\s*:\s*/i;

/** Reads only the front matter, to decide whether a file without a plan name is a plan file. */
export function readFrontMatter(text: string): MarkdownHead {
  const m = /^---[ \t]*\r?\n([\s\S]*?)(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { frontFields: [], problems: [] };
  const base = text.indexOf('\n') + 1;
  const body = m[1];
  const { doc, problems } = parseYamlAt(body, base);
  const frontSpan = { start: 0, end: m[0].length };
  if (doc.contents === null) return { frontFields: [], frontSpan, problems };
  if (!isMap(doc.contents)) {
    problems.push(problem('parse-error', { start: 0, end: 3 }, 'Front matter must be a mapping of `key: value` fields'));
    return { frontFields: [], frontSpan, problems };
  }
  const frontFields = mapPairs(doc.contents, base).map((p) => pairToField(p, base));
  return { declaredType: fieldText(frontFields, 'type'), frontFields, frontSpan, problems };
}

export function parseMarkdownPlan(path: string, text: string, type: FileType, head: MarkdownHead, cache?: SectionCache): { items: Item[]; problems: Problem[] } {
  const problems: Problem[] = [...head.problems];
  const { blocks, tasks } = readMarkdownBlocks(text, cache);
  const items: Item[] = [fileItem(path, text, type, head, blocks)];
  const structure = new Extractor(text, type, items, problems);
  structure.walk(blocks, tasks);
  for (const item of items) interpretFields(item, problems);
  return { items, problems };
}

function fileItem(path: string, text: string, type: FileType, head: MarkdownHead, blocks: Block[]): Item {
  const firstLineEnd = text.search(/\r?\n|$/);
  const idField = fieldOf(head.frontFields, 'id');
  const anchor = idField?.parts[0]?.span ?? (head.frontSpan ? { start: 0, end: 3 } : { start: 0, end: firstLineEnd });
  const h1 = blocks.find((b): b is HeadingBlock => b.type === 'heading' && b.depth === 1 && !KEYWORD.test(b.text));
  const title = fieldText(head.frontFields, 'title') ?? h1?.text.trim() ?? fileStem(path);
  const item = newItem(type, title, anchor, { start: 0, end: text.length }, -1, head.frontFields);
  const written = fieldText(head.frontFields, 'id');
  item.id = written || slugId(fileStem(path)) || 'untitled';
  item.idExplicit = Boolean(written);
  return item;
}

class Extractor {
  /** Open headings: their depth and the index of their item (-1 for a plain heading). */
  private stack: { depth: number; item: number }[] = [];
  private taskCursor = 0;

  constructor(private readonly text: string, private readonly type: FileType, private readonly items: Item[], private readonly problems: Problem[]) {}

  walk(blocks: Block[], tasks: TaskEntry[]): void {
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i];
      if (block.type === 'heading') {
        this.closeHeadings(block.depth, block.span.start);
        const index = this.headingItem(block);
        this.stack.push({ depth: block.depth, item: index });
        const next = blocks[i + 1];
        if (index >= 0 && next?.type === 'list' && !next.ordered) this.readFieldList(this.items[index], next);
      }
      this.takeTasks(tasks, block.span.end);
    }
    this.takeTasks(tasks, Infinity);
    this.closeHeadings(0, this.text.length);
  }

  private currentItem(): number {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i].item >= 0) return this.stack[i].item;
    return 0;
  }

  private closeHeadings(depth: number, at: number): void {
    while (this.stack.length && this.stack[this.stack.length - 1].depth >= depth) {
      const open = this.stack.pop()!;
      if (open.item >= 0) this.items[open.item].extent.end = trimEnd(this.text, at);
    }
  }

  private headingItem(h: HeadingBlock): number {
    const raw = this.text.slice(h.content.start, h.content.end);
    const keyword = KEYWORD.exec(raw);
    const scan = scanAttributeBlock(raw, h.content.start);
    if (scan.kind === 'broken') {
      this.problems.push(problem('parse-error', scan.span, `Broken attribute block in heading: ${scan.reason}`));
    }
    if (!keyword && scan.kind !== 'block') return -1;
    const kind: Kind = keyword ? HEADING_KEYWORDS[keyword[1].toLowerCase()] : this.type === 'roadmap' ? 'initiative' : 'milestone';
    const cut = scan.kind === 'block' ? scan.block.span.start : scan.kind === 'broken' ? scan.span.start : h.content.end;
    const titleStart = h.content.start + (keyword ? keyword[0].length : 0);
    const title = cleanTitle(h.text, Boolean(keyword), scan.kind !== 'none');
    const anchor = { start: h.content.start, end: trimEnd(this.text, h.content.end) };
    const fields = scan.kind === 'block' ? scan.block.fields : [];
    const item = newItem(kind, title, anchor, { start: h.span.start, end: this.text.length }, this.currentItem(), fields);
    const id = scan.kind === 'block' ? scan.block.id : undefined;
    item.id = id?.text ?? slugId(title || this.text.slice(titleStart, cut));
    item.idExplicit = Boolean(id);
    if (!item.id) item.id = `${this.items[0].id}-${this.items.length}`;
    this.items.push(item);
    return this.items.length - 1;
  }

  /** The `key: value` entries that open the first bullet list under an item heading. */
  private readFieldList(item: Item, list: ListBlock): void {
    for (const entry of list.entries) {
      if (entry.checked !== null || !entry.para) return;
      const raw = this.text.slice(entry.para.start, entry.para.end);
      const m = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/s.exec(raw);
      if (!m || !isFieldKey(normalizeKey(m[1]))) return;
      const keySpan = { start: entry.para.start, end: entry.para.start + m[1].length };
      const valueStart = entry.para.start + raw.indexOf(m[2], m[1].length + 1);
      const value = m[2].replace(/^\[(.*)\]$/s, '$1');
      const valueOffset = valueStart + (value !== m[2] ? 1 : 0);
      const parts = splitList(value, valueOffset);
      const isList = value !== m[2] || parts.length > 1;
      if (normalizeKey(m[1]) === 'id' && !item.idExplicit && parts[0]?.text) {
        item.id = parts[0].text;
        item.idExplicit = true;
      }
      item.fields.push({ key: normalizeKey(m[1]), keySpan, valueSpan: { start: valueStart, end: valueStart + m[2].length }, parts, isList });
    }
  }

  private takeTasks(tasks: TaskEntry[], before: number): void {
    while (this.taskCursor < tasks.length && tasks[this.taskCursor].span.start < before) {
      this.addTask(tasks[this.taskCursor++]);
    }
  }

  private addTask(task: TaskEntry): void {
    const raw = this.text.slice(task.para.start, task.para.end);
    const scan = scanAttributeBlock(raw, task.para.start);
    if (scan.kind === 'broken') this.problems.push(problem('parse-error', scan.span, `Broken attribute block in task: ${scan.reason}`));
    const title = cleanTitle(task.text, false, scan.kind !== 'none');
    const anchor = { start: task.para.start, end: trimEnd(this.text, task.para.end) };
    const parent = this.currentItem();
    const item = newItem('task', title, anchor, task.span, parent, scan.kind === 'block' ? scan.block.fields : []);
    item.status = task.checked ? 'done' : 'planned';
    const id = scan.kind === 'block' ? scan.block.id : undefined;
    item.id = id?.text ?? `${this.items[parent].id}/${slugId(title) || 'task'}`;
    item.idExplicit = Boolean(id);
    this.items.push(item);
  }
}

/** Field-list keys: known ones, and near misses of known ones (reported as unknown-field). */
function isFieldKey(key: string): boolean {
  return isKnownKey(key) || (key.length >= 3 && ALL_FIELDS.some((known) => isLikelyTypo(key, known)));
}

/** The plain-text title: the rendered heading or task text without keyword and attribute block. */
function cleanTitle(rendered: string, hasKeyword: boolean, hasBlock: boolean): string {
  let title = rendered;
  if (hasBlock) title = title.replace(/\s*\{[^{]*$/, '');
  if (hasKeyword) title = title.replace(KEYWORD, '');
  return title.replace(/\s+/g, ' ').trim();
}

function trimEnd(text: string, at: number): number {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
