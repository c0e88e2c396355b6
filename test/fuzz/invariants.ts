/**
 * The invariants every fuzz case is checked against (see README.md for their exact wording):
 * a exception, b time, c spans, d determinism, e cache (editor) = chunked (CLI), f JSON/SARIF,
 * g edits, h the reading promise.
 */
import { isDeepStrictEqual } from 'node:util';
import { checkWorkspace, type Diagnostic } from '../../src/core/check';
import { dayFromParts, formatDay, type Day } from '../../src/core/dates';
import { markDoneEdit, type MarkDoneResult } from '../../src/core/language/mark-done';
import { DATE_FIELDS_OF, rescheduleEdit, type DateField } from '../../src/core/language/reschedule';
import { isFieldOf, synonymOf } from '../../src/core/model/fields';
import type { Field, Item, ParsedFile, Span } from '../../src/core/model/types';
import { parseStatus } from '../../src/core/model/values';
import { LINK_TARGETS, resolveFiles, type ResolvedWorkspace } from '../../src/core/model/workspace';
import { parsePlanFile, SectionCache } from '../../src/core/parse/index';
import { formatJson } from '../../src/cli/format/json';
import { formatListJson } from '../../src/cli/format/list';
import { formatSarif } from '../../src/cli/format/sarif';
import type { Case, CaseFile, Expect } from './generate';

export type Invariant = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h';

export const INVARIANTS: Record<Invariant, string> = {
  a: 'no exception',
  b: 'no case over 1 s',
  c: 'spans and positions inside the document',
  d: 'same output twice',
  e: 'CLI reading (chunked, no cache) = editor reading (SectionCache), before and after an edit',
  f: 'JSON and SARIF output parse',
  g: 'edits: mark-done closes / reschedule moves only that item',
  h: 'the reading promise',
};

export interface Violation {
  invariant: Invariant;
  /** Stable short tag: the kind of violation, for de-duplication and shrinking. */
  tag: string;
  message: string;
}

export interface CaseResult {
  violations: Violation[];
  /** Milliseconds of the CLI pipeline (parse, resolve, check, JSON/SARIF/list output). */
  pipelineMs: number;
  totalMs: number;
}

export const TODAY: Day = dayFromParts(2026, 11, 23);
export const SLOW_MS = 1000;
const EDIT_ITEMS = 2;

/** The editor's long-lived cache, shared by every case in the process (as one editor session would). */
const sharedCache = new SectionCache();

const bodyOf = (text: string) => text.replace(/^\uFEFF+/, ''); // the reader drops every leading BOM

function parseAll(files: CaseFile[], cache?: SectionCache): ParsedFile[] {
  const out: ParsedFile[] = [];
  for (const f of files) {
    const parsed = parsePlanFile(f.path, f.text, { explicit: f.explicit, cache });
    if (parsed) out.push(parsed);
  }
  return out;
}

interface Pipeline {
  parsed: ParsedFile[];
  ws: ResolvedWorkspace;
  diagnostics: Diagnostic[];
  json: string;
  sarif: string;
  list: string;
}

function pipeline(files: CaseFile[]): Pipeline {
  const parsed = parseAll(files);
  const ws = resolveFiles(parsed);
  const diagnostics = checkWorkspace(ws, { today: TODAY, config: { riskWindowDays: 14, rules: {} } });
  const report = { today: formatDay(TODAY), files: ws.files.length, items: ws.nodes.length, diagnostics };
  return { parsed, ws, diagnostics, json: formatJson(report), sarif: formatSarif(report, '/work/fuzz', '0.0.0'), list: formatListJson(ws, formatDay(TODAY)) };
}

export function runCase(c: Case): CaseResult {
  const violations: Violation[] = [];
  const add = (invariant: Invariant, tag: string, message: string) => {
    if (violations.length < 50) violations.push({ invariant, tag, message });
  };
  const t0 = performance.now();
  let p: Pipeline;
  let pipelineMs: number;
  try {
    p = pipeline(c.files);
    pipelineMs = performance.now() - t0;
    if (pipelineMs > SLOW_MS) {
      // Re-time once: a GC pause or a busy core is not the parser's fault.
      const t1 = performance.now();
      pipeline(c.files);
      pipelineMs = Math.min(pipelineMs, performance.now() - t1);
    }
  } catch (e) {
    add('a', `a:pipeline:${errorTag(e)}`, `pipeline threw: ${errorText(e)}`);
    return { violations, pipelineMs: performance.now() - t0, totalMs: performance.now() - t0 };
  }
  if (pipelineMs > SLOW_MS) add('b', 'b:slow', `the pipeline took ${pipelineMs.toFixed(0)} ms`);
  guard(add, 'c', () => checkSpans(c, p, add));
  guard(add, 'd', () => {
    const again = pipeline(c.files);
    for (const k of ['json', 'sarif', 'list'] as const) if (again[k] !== p[k]) add('d', `d:${k}`, `${k} output differs between two runs: ${firstDiff(p[k], again[k])}`);
    if (!isDeepStrictEqual(again.parsed, p.parsed)) add('d', 'd:parsed', `parsed files differ between two runs: ${diffPath(p.parsed, again.parsed)}`);
  });
  guard(add, 'f', () => {
    for (const k of ['json', 'sarif', 'list'] as const) {
      try {
        JSON.parse(p[k]);
      } catch (e) {
        add('f', `f:${k}`, `${k} output is not JSON: ${(e as Error).message}`);
      }
    }
  });
  const edits: { file: CaseFile; text: string }[] = [];
  guard(add, 'g', () => checkEdits(c, p, add, edits));
  guard(add, 'e', () => checkCache(c, add, edits));
  guard(add, 'h', () => checkPromise(c, p, add));
  return { violations, pipelineMs, totalMs: performance.now() - t0 };
}

type Add = (invariant: Invariant, tag: string, message: string) => void;

function guard(add: Add, inv: Invariant, run: () => void): void {
  try {
    run();
  } catch (e) {
    add('a', `a:${inv}:${errorTag(e)}`, `exception while checking (${inv}): ${errorText(e)}`);
  }
}

function errorText(e: unknown): string {
  const err = e as Error;
  return `${err?.name}: ${err?.message}\n${(err?.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
}

function errorTag(e: unknown): string {
  const err = e as Error;
  const frame = /\(([^)]*src\/[^)]*)\)/.exec(err?.stack ?? '')?.[1]?.replace(/.*src\//, 'src/').replace(/:\d+$/, '') ?? '';
  return `${err?.name}@${frame}`;
}

function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} vs ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}

/** The first path where two values differ, for messages. */
export function diffPath(a: unknown, b: unknown, path = '$'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${short(a)} vs ${short(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = diffPath((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
    if (d) return d;
  }
  return `${path}: differ`;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 160 ? s.slice(0, 160) + '…' : s;
}

// ---------------------------------------------------------------- (c) spans

function checkSpans(c: Case, p: Pipeline, add: Add): void {
  const lengths = new Map(c.files.map((f) => [f.path, bodyOf(f.text).length]));
  for (const file of p.parsed) {
    const len = lengths.get(file.path)!;
    const bad = (where: string, s: Span | undefined) => {
      if (!s) return;
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= len)) {
        add('c', `c:${where.replace(/\[\d+\]/g, '')}`, `${file.path}: ${where} span ${JSON.stringify(s)} outside 0..${len}`);
      }
    };
    file.items.forEach((it, i) => {
      const at = `item[${i}] ${it.kind}`;
      bad(`${at}.anchor`, it.anchor);
      bad(`${at}.extent`, it.extent);
      for (const f of it.fields) {
        bad(`${at}.field.keySpan`, f.keySpan);
        bad(`${at}.field.valueSpan`, f.valueSpan);
        for (const part of f.parts) bad(`${at}.field.part`, part.span);
      }
      for (const l of [...it.goal, ...it.delivers, ...it.depends]) {
        bad(`${at}.link.span`, l.span);
        bad(`${at}.link.idSpan`, l.idSpan);
      }
      for (const k of ['due', 'start', 'end', 'target', 'budget', 'spent', 'progress'] as const) bad(`${at}.${k}`, it[k]?.span);
    });
    file.problems.forEach((pr) => {
      bad(`problem ${pr.rule}`, pr.span);
      for (const fx of pr.fixes ?? []) bad(`problem ${pr.rule} fix`, fx.span);
      if (pr.relativeDate) bad(`problem ${pr.rule} relativeDate`, pr.relativeDate.fixSpan);
    });
    const expected = lineStartsOf(bodyOf(c.files.find((f) => f.path === file.path)!.text));
    if (!file.unread && !isDeepStrictEqual(file.lineStarts, expected)) add('c', 'c:lineStarts', `${file.path}: lineStarts differ from the text's lines`);
  }
  const byPath = new Map(c.files.map((f) => [f.path, bodyOf(f.text)]));
  const checkLoc = (what: string, d: { file: string; line: number; column: number; endLine: number; endColumn: number; span: Span }) => {
    const text = byPath.get(d.file);
    if (text === undefined) {
      add('c', 'c:diag-file', `${what} in unknown file ${d.file}`);
      return;
    }
    const starts = lineStartsOf(text);
    const lineLen = (line: number) => (line < starts.length ? starts[line] : text.length) - starts[line - 1];
    const ok = (l: number, col: number) => Number.isInteger(l) && Number.isInteger(col) && l >= 1 && l <= starts.length && col >= 1 && col <= lineLen(l) + 1;
    if (!ok(d.line, d.column) || !ok(d.endLine, d.endColumn) || d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) {
      add('c', `c:diag-position:${what}`, `${what} at ${d.file} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} outside the document (${starts.length} lines)`);
    }
    if (!(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length)) add('c', `c:diag-span:${what}`, `${what} span ${JSON.stringify(d.span)} outside 0..${text.length}`);
  };
  for (const d of p.diagnostics) {
    checkLoc(d.rule, d);
    for (const r of d.related ?? []) checkLoc(`${d.rule} related`, r);
    for (const fx of d.fixes ?? []) {
      const text = byPath.get(d.file) ?? '';
      if (!(fx.span.start >= 0 && fx.span.start <= fx.span.end && fx.span.end <= text.length)) add('c', `c:fix-span:${d.rule}`, `${d.rule} fix span ${JSON.stringify(fx.span)} outside 0..${text.length}`);
    }
  }
}

/** Line starts as editors count them: LF, CRLF and a lone CR each end a line. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

// ---------------------------------------------------------------- (e) cache

function checkCache(c: Case, add: Add, edits: { file: CaseFile; text: string }[]): void {
  const compare = (label: string, f: CaseFile, cache: SectionCache) => {
    const cli = parsePlanFile(f.path, f.text, { explicit: f.explicit });
    const editor = parsePlanFile(f.path, f.text, { explicit: f.explicit, cache });
    if (!isDeepStrictEqual(cli, editor)) add('e', `e:${label}`, `${f.path} (${label}): CLI and editor readings differ: ${diffPath(cli, editor)}`);
  };
  for (const f of c.files) {
    if (!/\.(?:md|markdown)$/i.test(f.path)) continue; // YAML has no section cache: the same code path either way
    const cache = sharedCache;
    compare('cache', f, cache);
    // A keystroke somewhere, through the same (warm) cache, then the first successful edit of (g).
    const text = bodyOf(f.text);
    const at = text.length ? c.editSeed % (text.length + 1) : 0;
    const keys = ['x', '\n', ' ', '#', '- ', '`', '{'];
    const typed = { ...f, text: text.slice(0, at) + keys[c.editSeed % keys.length] + text.slice(at) };
    compare('after-keystroke', typed, cache);
    const edited = edits.find((e) => e.file.path === f.path);
    if (edited) compare('after-edit', { ...f, text: edited.text }, cache);
  }
}

// ---------------------------------------------------------------- (g) edits

/** What an item means, without positions: what an edit must leave alone. */
function meaning(it: Item) {
  const date = (d?: { text: string; first: number; last: number }) => d && `${d.text}|${d.first}|${d.last}`;
  return {
    kind: it.kind, id: it.id, idExplicit: it.idExplicit, title: it.title, parent: it.parent, status: it.status, horizon: it.horizon,
    due: date(it.due), start: date(it.start), end: date(it.end), target: date(it.target),
    goal: it.goal.map((l) => [l.id, l.file, l.dep]), delivers: it.delivers.map((l) => [l.id, l.file, l.dep]), depends: it.depends.map((l) => [l.id, l.file, l.dep]),
    budget: it.budget && [it.budget.amount, it.budget.currency], spent: it.spent && [it.spent.amount, it.spent.currency], owners: it.owners, progress: it.progress?.value,
    fields: it.fields.map((f) => [f.key, f.parts.map((x) => x.text), f.isList, f.shape, f.scalarType]),
  };
}

/** The field a written key stands for: a synonym (`deadline`) is its field (`due`), as the reader and the edits treat it. */
function canonical(key: string): string {
  return synonymOf(key) ?? key;
}

function applyEdit(text: string, r: MarkDoneResult): string | undefined {
  if (!r.ok) return undefined;
  return text.slice(0, r.edit.span.start) + r.edit.newText + text.slice(r.edit.span.end);
}

const RESCHEDULE_DAYS: Day[] = [dayFromParts(2027, 5, 17), dayFromParts(2026, 12, 31), dayFromParts(2028, 2, 29)];

function checkEdits(c: Case, p: Pipeline, add: Add, edits: { file: CaseFile; text: string }[]): void {
  for (const f of c.files) {
    const file = p.parsed.find((x) => x.path === f.path);
    // A file that cannot be read whole (parse-error) has a partial model: edits on it are out of scope.
    if (!file || file.unread || !file.items.length || file.problems.some((pr) => pr.rule === 'parse-error')) continue;
    const n = file.items.length;
    const picks = [...new Set(Array.from({ length: Math.min(EDIT_ITEMS, n) }, (_, k) => (c.editSeed + k * 7919) % n))];
    for (const [k, index] of picks.entries()) {
      const item = file.items[index];
      const markDone = (c.editSeed + k) % 2 === 0;
      const done = markDone ? applyEdit(f.text, markDoneEdit(file, index, f.text)) : undefined;
      if (done !== undefined) {
        if (!edits.some((e) => e.file.path === f.path)) edits.push({ file: f, text: done });
        checkEdited(f, file, index, done, 'mark-done', add, (before, after) => {
          if (after.status !== 'done') return `status is '${after.status}', not done`;
          const b = meaning(before);
          const a = meaning(after);
          const keep = (m: ReturnType<typeof meaning>) => ({ ...m, status: '', fields: m.fields.filter((x) => !['status', 'done', 'title'].includes(canonical(x[0] as string))) });
          return isDeepStrictEqual(keep(b), keep(a)) ? undefined : `the item changed beyond its status: ${diffPath(keep(b), keep(a))}`;
        });
      }
      const fields = DATE_FIELDS_OF[item.kind];
      if (markDone || !fields.length) continue;
      const field: DateField = fields[(c.editSeed >> 3) % fields.length];
      const day = RESCHEDULE_DAYS[(c.editSeed + index) % RESCHEDULE_DAYS.length];
      const moved = applyEdit(f.text, rescheduleEdit(file, index, field, day, f.text));
      if (moved === undefined) continue;
      if (!edits.some((e) => e.file.path === f.path)) edits.push({ file: f, text: moved });
      checkEdited(f, file, index, moved, `reschedule ${field}`, add, (before, after) => {
        const value = after[field];
        if (!value || !(value.first <= day && day <= value.last)) return `${field} is ${value ? value.text : 'unset'}, not moved to ${formatDay(day)}`;
        const keep = (m: ReturnType<typeof meaning>) => ({ ...m, [field]: '', fields: m.fields.filter((x) => canonical(x[0] as string) !== field && x[0] !== 'title') });
        return isDeepStrictEqual(keep(meaning(before)), keep(meaning(after))) ? undefined : `the item changed beyond its ${field}: ${diffPath(keep(meaning(before)), keep(meaning(after)))}`;
      });
    }
  }
}

function checkEdited(f: CaseFile, before: ParsedFile, index: number, text: string, what: string, add: Add, own: (before: Item, after: Item) => string | undefined): void {
  const after = parsePlanFile(f.path, text, { explicit: f.explicit });
  const item = before.items[index];
  const label = `${what} of ${item.kind} '${item.id}' (item ${index})`;
  const tagOf = (k: string) => `g:${what.split(' ')[0]}:${k}:${item.kind}:${/\.ya?ml$/i.test(f.path) ? 'yaml' : 'md'}`;
  if (!after) return add('g', tagOf('unread'), `${label}: the edited file is no longer a plan file`);
  if (after.items.length !== before.items.length) return add('g', tagOf('items'), `${label}: ${before.items.length} items before, ${after.items.length} after`);
  const problem = own(item, after.items[index]);
  if (problem) add('g', tagOf('own'), `${label}: ${problem}`);
  for (let j = 0; j < before.items.length; j++) {
    if (j === index) continue;
    const a = meaning(before.items[j]);
    const b = meaning(after.items[j]);
    if (!isDeepStrictEqual(a, b)) {
      add('g', tagOf('other'), `${label}: item ${j} (${before.items[j].kind} '${before.items[j].id}') changed: ${diffPath(a, b)}`);
      break;
    }
  }
  const count = (ps: ParsedFile['problems']) => {
    const m = new Map<string, number>();
    for (const pr of ps) m.set(`${pr.rule}: ${pr.message}`, (m.get(`${pr.rule}: ${pr.message}`) ?? 0) + 1);
    return m;
  };
  const was = count(before.problems);
  for (const [k, v] of count(after.problems)) {
    if (v > (was.get(k) ?? 0)) {
      add('g', tagOf('new-problem'), `${label}: the edit added a problem: ${k}`);
      break;
    }
  }
}

// ---------------------------------------------------------------- (h) the reading promise

/**
 * Whether a field is READ: the item holding a Field whose key starts where the key was written
 * has the value on its typed property (status, horizon, dates, links, owners, money, progress,
 * task done state, id), or, for a key with no typed property (custom, unknown, descriptive:
 * metric, vision…), the Field itself is the reading (kept on the item, in item.fields).
 */
export function fieldRead(item: Item, field: Field): boolean {
  const key = isFieldOf(item.kind, field.key) || (item.kind === 'task' && ['done-on', 'dropped-on'].includes(field.key)) ? field.key : synonymOf(field.key);
  if (!key || !(isFieldOf(item.kind, key) || key === 'done-on' || key === 'dropped-on')) return true; // custom / unknown: the Field is the reading
  const text = field.parts.map((x) => x.text).join(', ');
  switch (key) {
    case 'status': return item.kind === 'task' && !item.fields.some((x) => x.key === 'status') ? true : item.status === parseStatus(text);
    case 'horizon': return item.horizon !== undefined;
    case 'due': case 'start': case 'end': return item[key] !== undefined && item[key]!.span.start === field.valueSpan.start;
    case 'target': return item.kind !== 'initiative' || (item.target !== undefined && item.target.span.start === field.valueSpan.start);
    case 'goal': case 'delivers': case 'depends': return item[key].length > 0;
    case 'budget': case 'spent': return item[key] !== undefined;
    case 'owner': return item.owners.length > 0;
    case 'progress': return item.progress !== undefined;
    case 'done': return field.scalarType === 'boolean' && item.status === (text === 'true' ? 'done' : item.status);
    case 'done-on': return item.status === 'done';
    case 'dropped-on': return item.status === 'dropped';
    case 'id': return item.id === text;
    default: return true;
  }
}

function checkPromise(c: Case, p: Pipeline, add: Add): void {
  if (!c.expects.length) return;
  for (const f of c.files) {
    const file = p.parsed.find((x) => x.path === f.path);
    const expects = c.expects.filter((e) => e.file === f.path);
    if (!expects.length) continue;
    const text = bodyOf(f.text);
    const starts = lineStartsOf(text);
    const diags = p.diagnostics.filter((d) => d.file === f.path);
    if (!file) {
      add('h', 'h:not-a-plan', `${f.path} was not read as a plan file, though it holds ${expects.length} generated entries`);
      continue;
    }
    // A file that could not be read at all (binary, too large) is covered by its parse-error.
    if (file.unread && diags.some((d) => d.rule === 'parse-error')) continue;
    const yamlBroken = yamlDocumentBroken(file, f.path, diags);
    /** Field lists (by heading) where an entry was already dropped: later ones are its consequence, tagged apart. */
    const listsDropped = new Set<number>();
    for (const e of expects) {
      const line = lineOf(starts, e.offset);
      const spanOfLine = (l: number) => ({ start: starts[l], end: l + 1 < starts.length ? starts[l + 1] : text.length });
      const lineSpan = spanOfLine(line);
      const lines = [lineSpan, ...(e.keyOffset !== undefined ? [spanOfLine(lineOf(starts, e.keyOffset))] : [])];
      const touches = (d: Diagnostic, ls: Span) => d.span.start < Math.max(ls.end, ls.start + 1) && Math.max(d.span.end, d.span.start) >= ls.start;
      const head = e.headOffset !== undefined ? spanOfLine(lineOf(starts, e.headOffset)) : undefined;
      const onLine = diags.filter((d) => lines.some((ls) => touches(d, ls)) || (head && d.rule === 'parse-error' && touches(d, head)));
      const inYaml = e.where === 'yaml' || e.where === 'front' || e.where === 'task-yaml';
      if (inYaml && yamlBroken) continue;
      const verdict = judge(file, e, p.ws);
      if (verdict === true) continue;
      const covering = onLine.filter((d) => verdict === 'misread-link' ? d.rule !== 'broken-link' || !linkTargetExists(p.ws, e) : true);
      if (covering.length) continue;
      const written = JSON.stringify(text.slice(lineSpan.start, Math.min(lineSpan.end, lineSpan.start + 160)));
      const after = e.where === 'list' && verdict === 'dropped' && e.headOffset !== undefined && listsDropped.has(e.headOffset);
      if (e.where === 'list' && verdict === 'dropped' && e.headOffset !== undefined) listsDropped.add(e.headOffset);
      const tag = after ? `h:${e.kind}:list:dropped-after-an-earlier-entry` : `h:${e.kind}:${e.where}:${verdict}${verdict === 'misread' ? `:${normalize(e.key ?? '')}` : e.style && e.style !== 'plain' ? `:${e.style}` : ''}`;
      add('h', tag, `${f.path}:${line + 1}: ${e.kind} ${e.key ? `'${e.key}' ` : ''}${e.value !== undefined ? `= ${short(e.value)} ` : ''}(${e.where}) was ${verdict} with no diagnostic on its line: ${written}`);
    }
  }
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Front matter or a YAML file with a parse-error: its keys are covered by that error (it cannot be read). */
function yamlDocumentBroken(file: ParsedFile, path: string, diags: Diagnostic[]): boolean {
  const yamlErrors = file.problems.filter((pr) => pr.rule === 'parse-error' && (/^YAML/.test(pr.message) || /Front matter|nested more than/.test(pr.message)));
  return yamlErrors.length > 0 && diags.some((d) => d.rule === 'parse-error' && d.file === path);
}

/** true when read; else the way it was not: 'dropped' (no trace on any item), 'misread' (found, value not applied), 'misread-link', 'wrong-status'. */
function judge(file: ParsedFile, e: Expect, ws: ResolvedWorkspace): true | string {
  if (e.kind === 'task') {
    const item = file.items.find((it) => it.kind === 'task' && it.extent.start === e.offset);
    if (!item) return 'dropped';
    if (e.mark !== undefined && !item.fields.some((f) => ['status', 'done-on', 'dropped-on'].includes(f.key))) {
      const want = { ' ': 'planned', x: 'done', X: 'done', '-': 'dropped', '/': 'in-progress' }[e.mark];
      if (want && item.status !== want) return 'wrong-status';
    }
    return true;
  }
  const keyAt = e.kind === 'field' ? e.offset : undefined;
  if (e.kind === 'field') {
    for (const item of file.items) {
      const field = item.fields.find((f) => f.keySpan.start === keyAt);
      if (field) return fieldRead(item, field) ? true : 'misread';
    }
    return 'dropped';
  }
  // A link: some item's link of that field whose id lies in the written part, read as the id meant.
  for (const item of file.items) {
    for (const key of ['goal', 'delivers', 'depends'] as const) {
      for (const l of item[key]) {
        const s = l.idSpan ?? l.span;
        if (s.start < e.offset || s.start >= e.offset + (e.value?.length ?? 0)) continue;
        if (e.id === undefined) return true;
        if (l.id !== e.id) return 'misread-link';
        if (e.dep && key === 'depends' && (l.dep?.type !== e.dep.type || l.dep?.lagDays !== e.dep.lagDays)) return 'misread-link';
        return true;
      }
    }
  }
  void ws;
  return 'dropped';
}

/** Whether the id a link means exists with a kind the link accepts (then broken-link is no excuse for misreading it). */
function linkTargetExists(ws: ResolvedWorkspace, e: Expect): boolean {
  if (!e.id) return false;
  const field = synonymOf((e.key ?? '').trim().toLowerCase().replace(/[_\s]+/g, '-')) ?? (e.key ?? '').trim().toLowerCase().replace(/[_\s]+/g, '-');
  const kinds = LINK_TARGETS[field as keyof typeof LINK_TARGETS];
  if (!kinds) return false;
  return (ws.definitions.get(e.id) ?? []).some((n) => kinds.includes(n.item.kind));
}

function normalize(key: string): string {
  return key.trim().toLowerCase().replace(/[_\s]+/g, '-');
}
