/** Markdown plan files: front matter, item headings, field lists and task items. */
import { HEADING_KEYWORDS, normalizeKey } from '../model/fields';
import type { Status } from '../model/values';
import type { Field, FileType, Item, Kind, Problem, Span } from '../model/types';
import { scanAttributeBlock, splitList, type AttributeScan } from './attributes';
import { ID_PATTERN, interpretFields, Label, problem } from './interpret';
import { fieldOf, fieldText, fileStem, newItem, slugId } from './item';
import { lineEnd, MAX_NESTING, readMarkdownBlocks, type Block, type HeadingBlock, type ListBlock, type SectionCache, type TaskEntry, type TaskMark } from './markdown-blocks';
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

/** The front matter's extent: `---` on the first line, up to a line `---` or `...` (any line ending). */
export function frontMatterBounds(text: string): { bodyStart: number; yamlStart: number; yamlEnd: number } | undefined {
  const first = lineEnd(text, 0);
  if (!/^---[ \t]*(?:\r\n|\r|\n)$/.test(text.slice(0, first))) return undefined;
  for (let pos = first; pos < text.length;) {
    const end = lineEnd(text, pos);
    if (/^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n)?$/.test(text.slice(pos, end))) return { bodyStart: end, yamlStart: first, yamlEnd: pos };
    pos = end;
  }
  return undefined;
}

/** Reads only the front matter, to decide whether a file without a plan name is a plan file. */
export function readFrontMatter(text: string): MarkdownHead {
  const bounds = frontMatterBounds(text);
  if (!bounds) return { frontFields: [], problems: [] };
  const base = bounds.yamlStart;
  const { doc, problems } = parseYamlAt(text.slice(base, bounds.yamlEnd), base);
  const frontSpan = { start: 0, end: bounds.bodyStart };
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
  const { blocks, tasks, tooDeep } = readMarkdownBlocks(text, cache, head.frontSpan?.end ?? 0);
  for (const span of tooDeep) problems.push(problem('parse-error', span, `Lists or quotes nested more than ${MAX_NESTING} levels deep: the rest of this line is read as text`));
  const items: Item[] = [fileItem(path, text, type, head, blocks)];
  const structure = new Extractor(text, type, items, problems);
  structure.walk(blocks, tasks);
  for (const item of items) interpretFields(item, problems);
  return { items, problems };
}

function fileItem(path: string, text: string, type: FileType, head: MarkdownHead, blocks: Block[]): Item {
  const firstLineEnd = text.search(/[\r\n]|$/);
  const idField = fieldOf(head.frontFields, 'id');
  const anchor = idField?.parts[0]?.span ?? (head.frontSpan ? { start: 0, end: 3 } : { start: 0, end: firstLineEnd });
  // The first H1 that is not an item itself (no kind keyword, no attribute block) titles the file.
  const h1 = blocks.find((b): b is HeadingBlock => b.type === 'heading' && b.depth === 1 && !KEYWORD.test(b.text)
    && scanAttributeBlock(text.slice(b.content.start, b.content.end), b.content.start).kind !== 'block');
  const written = fieldText(head.frontFields, 'id');
  const title = fieldText(head.frontFields, 'title') || h1?.text.trim() || written || fileStem(path);
  const item = newItem(type, title, anchor, { start: 0, end: text.length }, -1, head.frontFields);
  item.id = written || slugId(fileStem(path)) || 'untitled';
  item.idExplicit = Boolean(written);
  return item;
}

class Extractor {
  /** Open headings: their depth and the index of their item (-1 for a plain heading). */
  private stack: { depth: number; item: number }[] = [];
  private taskCursor = 0;
  /** Item index of each task entry taken so far, for subtasks' parents. */
  private readonly taskItems: number[] = [];

  constructor(private readonly text: string, private readonly type: FileType, private readonly items: Item[], private readonly problems: Problem[]) {}

  walk(blocks: Block[], tasks: TaskEntry[]): void {
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i];
      if (block.type === 'heading') {
        this.closeHeadings(block.depth, block.span.start);
        const index = this.headingItem(block);
        this.stack.push({ depth: block.depth, item: index });
        const list = index >= 0 ? firstBulletList(blocks, i + 1) : undefined;
        if (list) this.readFieldList(this.items[index], list);
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
    const kind: Kind = keyword ? HEADING_KEYWORDS.get(keyword[1].toLowerCase())! : this.type === 'roadmap' ? 'initiative' : 'milestone';
    const cut = scan.kind === 'block' ? scan.block.span.start : scan.kind === 'broken' ? scan.span.start : h.content.end;
    const titleStart = h.content.start + (keyword ? keyword[0].length : 0);
    const title = cleanTitle(h.text, Boolean(keyword), blockText(this.text, scan));
    const anchor = { start: h.content.start, end: trimEnd(this.text, h.content.end) };
    const fields = scan.kind === 'block' ? scan.block.fields : [];
    const item = newItem(kind, title, anchor, { start: h.span.start, end: this.text.length }, this.currentItem(), fields);
    const id = scan.kind === 'block' ? scan.block.id : undefined;
    item.id = id?.text ?? slugId(title || this.text.slice(titleStart, cut));
    item.idExplicit = Boolean(id);
    if (!item.id) item.id = `${this.items[0].id}-${this.items.length}`;
    for (const f of fields) if (f.key === 'id') this.readWrittenId(item, f);
    this.items.push(item);
    return this.items.length - 1;
  }

  /** Every leading `key: value` entry of the item's field list is a field (1.1); the run ends at the first other entry. */
  private readFieldList(item: Item, list: ListBlock): void {
    for (const entry of list.entries) {
      if (entry.checked !== null || !entry.para) return;
      const field = readFieldEntry(this.text, entry.para);
      if (!field) return;
      if (field.key === 'id') this.readWrittenId(item, field);
      item.fields.push(field);
    }
  }

  /** An `id:` entry or `id=` attribute is the item's id, unless another was written first (then said). */
  private readWrittenId(item: Item, field: Field): void {
    const written = field.isList ? undefined : field.parts[0]?.text;
    if (!written || !ID_PATTERN.test(written)) return;
    if (item.idExplicit && written !== item.id) {
      this.problems.push(problem('invalid-value', field.valueSpan, `${Label(item)} has two ids, '${item.id}' and '${written}'; '${item.id}' is used`, item));
      return;
    }
    item.id = written;
    item.idExplicit = true;
  }

  private takeTasks(tasks: TaskEntry[], before: number): void {
    while (this.taskCursor < tasks.length && tasks[this.taskCursor].span.start < before) {
      const task = tasks[this.taskCursor++];
      this.taskItems.push(this.addTask(task, task.parent >= 0 ? this.taskItems[task.parent] : this.currentItem()));
    }
  }

  private addTask(task: TaskEntry, parent: number): number {
    const raw = this.text.slice(task.para.start, task.para.end);
    const scan = scanAttributeBlock(raw, task.para.start);
    if (scan.kind === 'broken') this.problems.push(problem('parse-error', scan.span, `Broken attribute block in task: ${scan.reason}`));
    const emoji = emojiFields(raw, task.para.start);
    const title = stripEmojiFields(cleanTitle(task.text, false, blockText(this.text, scan)));
    const anchor = { start: task.para.start, end: trimEnd(this.text, task.para.end) };
    const item = newItem('task', title, anchor, task.span, parent, [...emoji, ...(scan.kind === 'block' ? scan.block.fields : [])]);
    item.status = TASK_STATUS.get(task.mark) ?? 'planned';
    const id = scan.kind === 'block' ? scan.block.id : undefined;
    item.id = id?.text ?? `${this.items[parent].id}/${slugId(title) || 'task'}`;
    item.idExplicit = Boolean(id);
    for (const f of item.fields) if (f.key === 'id') this.readWrittenId(item, f);
    this.items.push(item);
    return this.items.length - 1;
  }
}

const TASK_STATUS: ReadonlyMap<TaskMark, Status> = new Map([['open', 'planned'], ['done', 'done'], ['dropped', 'dropped'], ['doing', 'in-progress']]);

/** The first bullet list of an item's own content (prose may come first), before any heading. */
function firstBulletList(blocks: Block[], from: number): ListBlock | undefined {
  for (let j = from; j < blocks.length; j++) {
    const b = blocks[j];
    if (b.type === 'heading') return undefined;
    if (b.type === 'list' && !b.ordered) return b;
  }
  return undefined;
}

const KEY = "[A-Za-z%_][\\w%'’.-]*?(?:[ \\t]+[\\w%'’.-]+){0,3}?";
/** `**key**: value`, `**key:** value`, `__key__:`, `*key*:`, `` `key`: value `` (the mark must close as it opened). */
const MARKED_ENTRY = new RegExp(`^(\\*\\*|__|\\*|_|\`)(${KEY})[ \\t]*(?::\\1|\\1:)(?=[ \\t]|$)[ \\t]*`);
/**
 * `key: value`; a key is up to four words. The colon must be followed by a space or the end, so
 * `https://…` is not a field.
 */
const PLAIN_ENTRY = new RegExp(`^(${KEY})[ \\t]*:(?=[ \\t]|$)[ \\t]*`);

/** One field-list entry, or undefined when the entry is not `key: value`. */
export function readFieldEntry(text: string, para: Span): Field | undefined {
  const raw = text.slice(para.start, para.end);
  const marked = MARKED_ENTRY.exec(raw);
  const plain = marked ? undefined : PLAIN_ENTRY.exec(raw);
  const m = marked ?? plain;
  if (!m) return undefined;
  const key = marked ? marked[2] : plain![1];
  const open = marked ? marked[1] : '';
  const keyStart = para.start + open.length;
  const keySpan = { start: keyStart, end: keyStart + key.length };
  let valueStart = para.start + m[0].length;
  let value = trimValueEnd(raw.slice(m[0].length));
  // `**x**`, `*x*`, `` `x` `` around a whole value; not underscores, which ids and snake_case words use.
  const wrapped = /^(\*\*|\*|`)([^*`]+)\1$/.exec(value);
  if (wrapped) {
    valueStart += wrapped[1].length;
    value = wrapped[2];
  }
  const inner = isBracketList(value) ? value.slice(1, -1) : value;
  // Only `[a, b]` is a list here; comma lists of link and owner fields are split where they are read, as in YAML.
  const parts = inner !== value ? splitList(inner, valueStart + 1) : [{ text: value, span: { start: valueStart, end: valueStart + value.length } }];
  return { key: normalizeKey(key), keySpan, valueSpan: { start: valueStart, end: valueStart + value.length }, parts, isList: inner !== value };
}

/** `[a, b]` is a list; `[[a]]`, `[[a]], [[b]]` (wiki links) and `[text](#id)` (a Markdown link) are not. */
function isBracketList(value: string): boolean {
  if (!value.startsWith('[') || value.startsWith('[[') || !value.endsWith(']')) return false;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '[') depth++;
    else if (value[i] === ']' && --depth === 0) return i === value.length - 1;
  }
  return false;
}

function trimValueEnd(value: string): string {
  return value.replace(/\s+$/, '');
}

/** Obsidian Tasks' emoji fields (1.1): 📅 due, 🛫 and ⏳ start, ✅ done, ❌ dropped, each with a date. */
const EMOJI_FIELD = /(📅|🛫|⏳|✅|❌)\uFE0F?[ \t]*([^\s{}]+)/gu;
const EMOJI_KEY: ReadonlyMap<string, string> = new Map([['📅', 'due'], ['🛫', 'start'], ['⏳', 'start'], ['✅', 'done-on'], ['❌', 'dropped-on']]);

function emojiFields(raw: string, offset: number): Field[] {
  const fields: Field[] = [];
  for (const m of raw.matchAll(EMOJI_FIELD)) {
    const at = offset + m.index;
    const valueAt = at + m[0].length - m[2].length;
    const valueSpan = { start: valueAt, end: valueAt + m[2].length };
    fields.push({ key: EMOJI_KEY.get(m[1])!, keySpan: { start: at, end: at + m[1].length }, valueSpan, parts: [{ text: m[2], span: valueSpan }], isList: false });
  }
  return fields;
}

function stripEmojiFields(title: string): string {
  return title.replace(EMOJI_FIELD, '').replace(/\s+/g, ' ').trim();
}

/** The raw text of a heading's or task's attribute block (or of a broken one), if it has one. */
function blockText(text: string, scan: AttributeScan): string | undefined {
  if (scan.kind === 'block') return text.slice(scan.block.span.start, scan.block.span.end);
  if (scan.kind === 'broken') return text.slice(scan.span.start, scan.span.end);
  return undefined;
}

/**
 * The plain-text title: the rendered heading or task text without keyword and attribute block.
 * The block is cut where its own text starts (a quoted value may hold braces of its own).
 */
function cleanTitle(rendered: string, hasKeyword: boolean, block: string | undefined): string {
  let title = rendered;
  if (block !== undefined) {
    const at = title.lastIndexOf(block);
    title = at >= 0 ? title.slice(0, at) : title.replace(/\s*\{[^{]*$/, '');
  }
  if (hasKeyword) title = title.replace(KEYWORD, '');
  return title.replace(/\s+/g, ' ').trim();
}

function trimEnd(text: string, at: number): number {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
