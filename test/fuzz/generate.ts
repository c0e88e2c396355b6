/**
 * Generators of whole plan files, Markdown and YAML, that record where every `key: value`,
 * attribute, task and link value was written (offsets into the text without its BOM, the
 * offsets the parser's spans use). The arbitraries produce a plain description; render*()
 * writes it out and records the expectations, so fast-check shrinks the description.
 */
import fc from 'fast-check';
import {
  HOSTILE, HOSTILE_ONE_LINE, IDS, KNOWN_KEYS, NEAR_MISS_KEYS, SYNONYM_KEYS, UNKNOWN_KEYS, WORDS,
  isLinkKey, linkForm, valuesFor, type LinkForm,
} from './pools';

export interface CaseFile {
  path: string;
  text: string;
  /** Named on the command line (ParseOptions.explicit). */
  explicit?: boolean;
}

export type Where = 'front' | 'list' | 'attr' | 'yaml' | 'emoji' | 'task-md' | 'task-yaml';

/** Something written where the format reads data: the reading promise applies to it. */
export interface Expect {
  kind: 'field' | 'task' | 'link';
  file: string;
  where: Where;
  /** field/link: the key as written (emoji: the canonical key). */
  key?: string;
  /** field: the value as written; link: the part as written. */
  value?: string;
  /** field: the key's offset; task: the entry's offset (the bullet in Markdown, the node in YAML); link: the part's offset. */
  offset: number;
  /** task-md: the box as written. */
  mark?: string;
  /** link: the id it is meant to be read as (undefined: malformed on purpose). */
  id?: string;
  dep?: { type: string; lagDays: number };
  /** link: where its key was written (a diagnostic about the key, a duplicate or unknown key, covers its parts). */
  keyOffset?: number;
  /** list: the heading that owns the field list (a parse-error there, a broken heading, covers its list). */
  headOffset?: number;
  /** list: how the key was written (plain, bold, boldColon, code, underBold). */
  style?: string;
}

export interface Case {
  campaign: 'generated' | 'mutated';
  files: CaseFile[];
  expects: Expect[];
  /** Drives which items are edited and the keystroke edit of invariant (e). */
  editSeed: number;
  /** Human summary of how the case was made (mutations applied). */
  note?: string;
}

/** Appends text and knows the offset of everything written. */
class Writer {
  private parts: string[] = [];
  length = 0;
  constructor(readonly eol: string) {}
  write(s: string): number {
    const at = this.length;
    this.parts.push(s);
    this.length += s.length;
    return at;
  }
  line(s = ''): number {
    const at = this.write(s);
    this.write(this.eol);
    return at;
  }
  text(): string {
    return this.parts.join('');
  }
}

// ---------------------------------------------------------------- descriptions

export interface FieldSpec {
  key: string;
  value: string;
  links?: LinkForm[];
  /** Markdown key style. */
  style: 'plain' | 'bold' | 'boldColon' | 'code' | 'underBold';
  /** YAML: list form for links/owners; `raw` writes the value unquoted whatever it holds. */
  yamlForm: 'auto' | 'flow' | 'block' | 'raw' | 'anchor' | 'alias';
}

const sanitizeLine = (s: string) => s.replace(/[\r\n\u2028\u2029\u0085]/g, ' ');

function keyArb(kind: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...KNOWN_KEYS[kind]) },
    { weight: 2, arbitrary: fc.constantFrom(...SYNONYM_KEYS) },
    { weight: 1, arbitrary: fc.constantFrom(...NEAR_MISS_KEYS) },
    { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_KEYS) },
    { weight: 1, arbitrary: fc.constantFrom('due', 'start', 'end', 'target', 'goal', 'delivers', 'depends', 'status', 'owner', 'horizon', 'budget') },
  );
}

function fieldArb(kind: string): fc.Arbitrary<FieldSpec> {
  return keyArb(kind).chain((key) => fc.record({
    key: fc.constant(key),
    value: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...valuesFor(key)) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) }),
    links: isLinkKey(key) ? fc.array(linkForm, { minLength: 1, maxLength: 3 }) : fc.constant(undefined),
    style: fc.constantFrom('plain', 'plain', 'plain', 'bold', 'boldColon', 'code', 'underBold'),
    yamlForm: fc.constantFrom('auto', 'auto', 'auto', 'auto', 'flow', 'block', 'raw', 'anchor', 'alias'),
  })).map((f) => (f.links ? { ...f, value: f.links.map((l) => l.text).join(', ') } : f)) as fc.Arbitrary<FieldSpec>;
}

export interface TaskSpec {
  mark: ' ' | 'x' | 'X' | '-' | '/';
  title: string;
  emoji: { sign: string; value: string }[];
  attrs: FieldSpec[];
  id?: string;
  subtasks: TaskSpec[];
  bullet: '-' | '*' | '+';
}

const taskTitle = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_ONE_LINE) });
const emojiValue = fc.constantFrom('2026-12-04', '2027-Q1', '2027-01-31', '2026/12/04', 'tomorrow', 'soon', '2027-02-30');

function taskAt(depth: number): fc.Arbitrary<TaskSpec> {
  return fc.record({
    mark: fc.constantFrom(' ', 'x', 'X', '-', '/'),
    title: taskTitle,
    emoji: fc.array(fc.record({ sign: fc.constantFrom('📅', '🛫', '⏳', '✅', '❌'), value: emojiValue }), { maxLength: 2 }),
    attrs: fc.array(fieldArb('task'), { maxLength: 2 }),
    id: fc.option(fc.constantFrom(...IDS), { nil: undefined }),
    subtasks: depth > 0 ? fc.array(taskAt(depth - 1), { maxLength: 2 }) : fc.constant([]),
    bullet: fc.constantFrom('-', '-', '*', '+'),
  }) as fc.Arbitrary<TaskSpec>;
}
const taskArb = taskAt(2);

export interface MdItemSpec {
  depth: number;
  keyword: string | undefined;
  kind: string;
  title: string;
  attr?: { id?: string; fields: FieldSpec[] };
  prose: boolean;
  list?: { bullet: '-' | '*' | '+'; fields: FieldSpec[]; terminator: 'task' | 'sentence' | 'none'; after: FieldSpec[] };
  tasks: TaskSpec[];
}

const KEYWORDS: Record<string, [string, string][]> = {
  roadmap: [['Goal: ', 'goal'], ['Initiative: ', 'initiative'], ['Feature: ', 'initiative'], ['epic:', 'initiative'], ['Project: ', 'project']],
  project: [['Milestone: ', 'milestone'], ['MILESTONE : ', 'milestone'], ['Project: ', 'project']],
};

function mdItemArb(type: 'roadmap' | 'project'): fc.Arbitrary<MdItemSpec> {
  const defaultKind = type === 'roadmap' ? 'initiative' : 'milestone';
  return fc.tuple(fc.option(fc.constantFrom(...KEYWORDS[type]), { nil: undefined }), fc.boolean()).chain(([kw, hasAttr]) => {
    const kind = kw ? kw[1] : defaultKind;
    const needsAttr = !kw || hasAttr;
    return fc.record({
      depth: fc.integer({ min: 2, max: 4 }),
      keyword: fc.constant(kw?.[0]),
      kind: fc.constant(kind),
      title: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_ONE_LINE) }),
      attr: needsAttr ? fc.record({ id: fc.option(fc.constantFrom(...IDS), { nil: undefined }), fields: fc.array(fieldArb(kind), { maxLength: 3 }) }) : fc.constant(undefined),
      prose: fc.boolean(),
      list: fc.option(fc.record({
        bullet: fc.constantFrom('-', '*', '+'),
        fields: fc.array(fieldArb(kind), { minLength: 1, maxLength: 5 }),
        terminator: fc.constantFrom('task', 'sentence', 'none'),
        after: fc.array(fieldArb(kind), { maxLength: 2 }),
      }), { nil: undefined }),
      tasks: fc.array(taskArb, { maxLength: 2 }),
    }) as fc.Arbitrary<MdItemSpec>;
  });
}

export interface MdSpec {
  format: 'md';
  type: 'roadmap' | 'project';
  named: boolean;
  eol: string;
  bom: boolean;
  front?: { fields: FieldSpec[]; typeLine: boolean; id?: string; flow: boolean };
  h1?: string;
  items: MdItemSpec[];
  trailingEol: boolean;
}

export const markdownSpec: fc.Arbitrary<MdSpec> = fc.constantFrom<'roadmap' | 'project'>('roadmap', 'project').chain((type) => fc.record({
  format: fc.constant<'md'>('md'),
  type: fc.constant(type),
  named: fc.boolean(),
  eol: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
  bom: fc.boolean(),
  front: fc.option(fc.record({ fields: fc.array(fieldArb(type), { maxLength: 5 }), typeLine: fc.boolean(), id: fc.option(fc.constantFrom('glow', 'rollout', 'constructor'), { nil: undefined }), flow: fc.boolean() }), { freq: 4, nil: undefined }),
  h1: fc.option(fc.constantFrom('Clinic rollout', 'Glow', '# hash', '[link](#x)'), { nil: undefined }),
  items: fc.array(mdItemArb(type), { maxLength: 3 }),
  trailingEol: fc.boolean(),
}));

// ---------------------------------------------------------------- Markdown rendering

function attrValue(value: string): { text: string; inner: number } {
  const v = sanitizeLine(value);
  if (/^[^\s{}"']*$/.test(v) && v !== '') return { text: v, inner: 0 };
  if (!v.includes('"')) return { text: `"${v}"`, inner: 1 };
  if (!v.includes("'")) return { text: `'${v}'`, inner: 1 };
  return { text: v, inner: 0 }; // broken on purpose: a parse-error covers the line
}

function attrKey(key: string): string {
  return key.trim().replace(/\s+/g, '_');
}

/** Writes `{#id k=v …}` and records its fields and links. */
function writeAttrBlock(w: Writer, file: string, id: string | undefined, fields: FieldSpec[], out: Expect[]): void {
  w.write('{');
  let first = true;
  const sep = () => (first ? ((first = false), '') : ' ');
  if (id) w.write(`${sep()}#${id}`);
  for (const f of fields) {
    w.write(sep());
    const key = attrKey(f.key);
    const at = w.write(key);
    w.write('=');
    const v = attrValue(f.value);
    const valueAt = w.write(v.text) + v.inner;
    out.push({ kind: 'field', file, where: 'attr', key: f.key, value: f.value, offset: at });
    if (f.links) linkExpects(file, 'attr', f, valueAt, v.text.slice(v.inner, v.text.length - v.inner) === sanitizeLine(f.value), out, at);
  }
  w.write('}');
}

/** What a link part is meant as: a dependency type only means something under `depends` (elsewhere `id FS` is one odd id). */
function meant(key: string, l: LinkForm): { id?: string; dep?: LinkForm['dep'] } {
  const depends = ['depends', 'depends-on', 'blocked-by', 'dependss'].includes(key.trim().toLowerCase().replace(/[_\s]+/g, '-'));
  if (l.dep && !depends) return {};
  return { id: l.id, dep: l.dep };
}

/** Records each link part of a comma-joined link value written at `valueAt` (exact: written as is). */
function linkExpects(file: string, where: Where, f: FieldSpec, valueAt: number, exact: boolean, out: Expect[], keyOffset?: number): void {
  if (!f.links || !exact) return;
  let pos = 0;
  for (const l of f.links) {
    out.push({ kind: 'link', file, where, key: f.key, value: l.text, offset: valueAt + pos, ...meant(f.key, l), keyOffset });
    pos += l.text.length + 2;
  }
}

function mdKey(f: FieldSpec): { before: string; after: string } {
  switch (f.style) {
    case 'bold': return { before: '**', after: '**:' };
    case 'boldColon': return { before: '**', after: ':**' };
    case 'code': return { before: '`', after: '`:' };
    case 'underBold': return { before: '__', after: '__:' };
    default: return { before: '', after: ':' };
  }
}

/** `- key: value` at the current line; the key must be one the format sees as a key. */
function writeListField(w: Writer, file: string, bullet: string, f: FieldSpec, out: Expect[] | undefined, headOffset?: number): void {
  w.write(`${bullet} `);
  const { before, after } = mdKey(f);
  w.write(before);
  const at = w.write(f.key);
  w.write(after);
  const value = f.value;
  let valueAt = w.length;
  if (value !== '') valueAt = w.write(' ' + value) + 1;
  w.line();
  if (!out) return;
  out.push({ kind: 'field', file, where: 'list', key: f.key, value, offset: at, headOffset, style: f.style });
  const first = out.length;
  linkExpects(file, 'list', f, valueAt, true, out, at);
  for (let i = first; i < out.length; i++) Object.assign(out[i], { headOffset, style: f.style });
}

function writeTask(w: Writer, file: string, t: TaskSpec, indent: string, out: Expect[]): void {
  const at = w.write(indent);
  const bulletAt = at + indent.length;
  w.write(`${t.bullet} [${t.mark}] ${sanitizeLine(t.title)}`);
  out.push({ kind: 'task', file, where: 'task-md', offset: bulletAt, mark: t.mark });
  for (const e of t.emoji) {
    w.write(' ');
    const eAt = w.write(e.sign);
    w.write(` ${e.value}`);
    const key = { '📅': 'due', '🛫': 'start', '⏳': 'start', '✅': 'done-on', '❌': 'dropped-on' }[e.sign]!;
    out.push({ kind: 'field', file, where: 'emoji', key, value: e.value, offset: eAt });
  }
  if (t.attrs.length || t.id) {
    w.write(' ');
    writeAttrBlock(w, file, t.id, t.attrs, out);
  }
  w.line();
  for (const s of t.subtasks) writeTask(w, file, s, indent + ' '.repeat(t.bullet.length + 1), out);
}

function yamlScalar(value: string, form: FieldSpec['yamlForm'] = 'auto', flow = false): { text: string; inner: number; exact: boolean } {
  if (form === 'raw') return { text: value, inner: 0, exact: true };
  const plainSafe = !(flow && /[,[\]{}]/.test(value)) && /^[A-Za-z0-9€$_(][^\r\n\u2028\u2029\u0085#]*$/.test(value) && !/:(\s|$)|\s$|,\s*$/.test(value) && !/^(?:null|~|true|false|yes|no|on|off)$/i.test(value);
  if (plainSafe) return { text: value, inner: 0, exact: true };
  const quoted = JSON.stringify(value);
  return { text: quoted, inner: 1, exact: quoted === `"${value}"` };
}

function writeFrontMatter(w: Writer, file: string, spec: MdSpec, out: Expect[]): void {
  const front = spec.front!;
  w.line('---');
  const entries: { key: string; value: string; f?: FieldSpec }[] = [];
  if (front.typeLine || !spec.named) entries.push({ key: 'type', value: spec.type });
  if (front.id) entries.push({ key: 'id', value: front.id });
  for (const f of front.fields) entries.push({ key: f.key, value: f.value, f });
  if (front.flow && entries.length) {
    w.write('{');
    entries.forEach((e, i) => {
      if (i) w.write(', ');
      const at = w.write(yamlKey(e.key));
      w.write(': ');
      const v = yamlScalar(e.value, e.f?.yamlForm === 'raw' ? 'raw' : 'auto', true);
      const valueAt = w.write(v.text) + v.inner;
      out.push({ kind: 'field', file, where: 'front', key: e.key, value: e.value, offset: at });
      if (e.f) linkExpects(file, 'front', e.f, valueAt, v.exact, out, at);
    });
    w.line('}');
  } else {
    for (const e of entries) writeYamlField(w, file, 'front', '', e.key, e.value, e.f, out);
  }
  w.line('---');
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][\w -]*$/.test(key) && !/\s$/.test(key) ? key : JSON.stringify(key);
}

let anchorCount = 0;

/** `key: value` in block YAML at `indent` (the key's column already written when `inline`). */
function writeYamlField(w: Writer, file: string, where: Where, indent: string, key: string, value: string, f: FieldSpec | undefined, out: Expect[], inline = false): void {
  if (!inline) w.write(indent);
  const at = w.write(yamlKey(key));
  out.push({ kind: 'field', file, where, key, value, offset: at });
  w.write(':');
  const form = f?.yamlForm ?? 'auto';
  if (f?.links && (form === 'flow' || form === 'block')) {
    if (form === 'flow') {
      w.write(' [');
      f.links.forEach((l, i) => {
        if (i) w.write(', ');
        const v = yamlScalar(l.text, 'auto', true);
        const vAt = w.write(v.text) + v.inner;
        if (v.exact) out.push({ kind: 'link', file, where, key, value: l.text, offset: vAt, ...meant(key, l), keyOffset: at });
      });
      w.line(']');
    } else {
      w.line();
      for (const l of f.links) {
        w.write(`${indent}  - `);
        const v = yamlScalar(l.text);
        const vAt = w.write(v.text) + v.inner;
        if (v.exact) out.push({ kind: 'link', file, where, key, value: l.text, offset: vAt, ...meant(key, l), keyOffset: at });
        w.line();
      }
    }
    return;
  }
  if (form === 'anchor' || form === 'alias') {
    const name = form === 'anchor' ? `a${anchorCount++ % 3}` : `a${anchorCount % 4}`;
    if (form === 'alias') {
      w.line(` *${name}`);
      return;
    }
    const v = yamlScalar(value);
    w.line(` &${name} ${v.text}`);
    return;
  }
  if (value === '' && form !== 'raw') {
    w.line();
    return;
  }
  const v = yamlScalar(value, form);
  const valueAt = w.write(' ' + v.text) + 1 + v.inner;
  w.line();
  if (f) linkExpects(file, where, f, valueAt, v.exact, out, at);
}

export function renderMarkdown(spec: MdSpec): { file: CaseFile; expects: Expect[] } {
  const path = spec.named ? `plan.${spec.type}.md` : 'notes.md';
  const w = new Writer(spec.eol);
  const out: Expect[] = [];
  anchorCount = 0;
  if (spec.front) writeFrontMatter(w, path, spec, out);
  else if (!spec.named) w.line(`---${spec.eol}type: ${spec.type}${spec.eol}---`);
  if (spec.h1) {
    w.line(`# ${spec.h1}`);
    w.line();
  }
  for (const item of spec.items) {
    const headOffset = w.write(`${'#'.repeat(item.depth)} ${item.keyword ?? ''}${sanitizeLine(item.title)}`);
    if (item.attr) {
      w.write(' ');
      writeAttrBlock(w, path, item.attr.id, item.attr.fields, out);
    }
    w.line();
    w.line();
    if (item.prose) {
      w.line('Some words about this item, with a colon: and all.');
      w.line();
    }
    if (item.list) {
      const b = item.list.bullet;
      for (const f of item.list.fields) writeListField(w, path, b, f, out, headOffset);
      if (item.list.terminator !== 'none') {
        if (item.list.terminator === 'task') {
          const at = w.write(`${b} [ ] A task ends the fields`);
          out.push({ kind: 'task', file: path, where: 'task-md', offset: at, mark: ' ' });
          w.line();
        } else w.line(`${b} A sentence without a colon ends the fields`);
        // After the run: ordinary content, not fields.
        for (const f of item.list.after) writeListField(w, path, b, f, undefined);
      }
      w.line();
    }
    for (const t of item.tasks) writeTask(w, path, t, '', out);
    if (item.tasks.length) w.line();
  }
  let text = w.text();
  if (!spec.trailingEol && text.endsWith(spec.eol)) text = text.slice(0, -spec.eol.length);
  return { file: { path, text: (spec.bom ? '\uFEFF' : '') + text }, expects: out };
}

// ---------------------------------------------------------------- YAML

export interface YamlItemSpec {
  kind: string;
  flow: boolean;
  id?: string;
  title?: string;
  fields: FieldSpec[];
  tasks: YamlTaskSpec[];
}

export interface YamlTaskSpec {
  form: 'block' | 'flow' | 'scalar';
  title: string;
  done?: string;
  fields: FieldSpec[];
  tasks: YamlTaskSpec[];
}

function yamlTaskAt(depth: number): fc.Arbitrary<YamlTaskSpec> {
  return fc.record({
    form: fc.constantFrom('block', 'block', 'flow', 'scalar'),
    title: taskTitle,
    done: fc.option(fc.constantFrom('true', 'false', 'yes', '', 'done'), { nil: undefined }),
    fields: fc.array(fieldArb('task'), { maxLength: 2 }),
    tasks: depth > 0 ? fc.array(yamlTaskAt(depth - 1), { maxLength: 2 }) : fc.constant([]),
  }) as fc.Arbitrary<YamlTaskSpec>;
}
const yamlTaskArb = yamlTaskAt(2);

function yamlItemArb(kind: string): fc.Arbitrary<YamlItemSpec> {
  return fc.record({
    kind: fc.constant(kind),
    flow: fc.boolean(),
    id: fc.option(fc.constantFrom(...IDS), { freq: 3, nil: undefined }),
    title: fc.option(taskTitle, { nil: undefined }),
    fields: fc.array(fieldArb(kind), { maxLength: 4 }),
    tasks: kind === 'goal' ? fc.constant([]) : fc.array(yamlTaskArb, { maxLength: 3 }),
  });
}

export interface YamlSpec {
  format: 'yaml';
  type: 'roadmap' | 'project';
  named: boolean;
  ext: 'yaml' | 'yml';
  eol: string;
  bom: boolean;
  typeLine: boolean;
  id?: string;
  fields: FieldSpec[];
  lists: { key: string; kind: string; items: YamlItemSpec[] }[];
}

export const yamlSpec: fc.Arbitrary<YamlSpec> = fc.constantFrom<'roadmap' | 'project'>('roadmap', 'project').chain((type) => fc.record({
  format: fc.constant<'yaml'>('yaml'),
  type: fc.constant(type),
  named: fc.boolean(),
  ext: fc.constantFrom('yaml', 'yml'),
  eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
  bom: fc.boolean(),
  typeLine: fc.boolean(),
  id: fc.option(fc.constantFrom('glow', 'rollout', 'constructor'), { nil: undefined }),
  fields: fc.array(fieldArb(type), { maxLength: 5 }),
  lists: type === 'roadmap'
    ? fc.tuple(fc.array(yamlItemArb('goal'), { maxLength: 2 }), fc.array(yamlItemArb('initiative'), { maxLength: 3 })).map(([g, i]) => [{ key: 'goals', kind: 'goal', items: g }, { key: 'initiatives', kind: 'initiative', items: i }])
    : fc.tuple(fc.array(yamlItemArb('milestone'), { maxLength: 3 }), fc.array(yamlTaskArb, { maxLength: 2 })).map(([m, t]) => [
      { key: 'milestones', kind: 'milestone', items: m },
      ...(t.length ? [{ key: 'tasks', kind: 'task-list', items: [{ kind: 'task-holder', flow: false, fields: [], tasks: t }] }] : []),
    ]),
}));

function writeYamlTasks(w: Writer, file: string, indent: string, tasks: YamlTaskSpec[], out: Expect[]): void {
  for (const t of tasks) {
    w.write(`${indent}- `);
    if (t.form === 'scalar') {
      const v = yamlScalar(t.title);
      const at = w.write(v.text);
      out.push({ kind: 'task', file, where: 'task-yaml', offset: at });
      w.line();
      continue;
    }
    if (t.form === 'flow') {
      const at = w.write('{');
      out.push({ kind: 'task', file, where: 'task-yaml', offset: at });
      const entries: [string, string, FieldSpec | undefined][] = [['title', t.title, undefined]];
      if (t.done !== undefined) entries.push(['done', t.done, undefined]);
      for (const f of t.fields) entries.push([f.key, f.value, f]);
      entries.forEach(([k, v], i) => {
        if (i) w.write(', ');
        const kAt = w.write(yamlKey(k));
        w.write(': ');
        const s = yamlScalar(v, 'auto', true);
        w.write(s.text);
        out.push({ kind: 'field', file, where: 'yaml', key: k, value: v, offset: kAt });
      });
      w.line('}');
      continue;
    }
    const inner = indent + '  ';
    const taskAt = w.length;
    out.push({ kind: 'task', file, where: 'task-yaml', offset: taskAt });
    writeYamlField(w, file, 'yaml', inner, 'title', t.title, undefined, out, true);
    if (t.done !== undefined) writeYamlField(w, file, 'yaml', inner, 'done', t.done, undefined, out);
    for (const f of t.fields) writeYamlField(w, file, 'yaml', inner, f.key, f.value, f, out);
    if (t.tasks.length) {
      w.line(`${inner}tasks:`);
      writeYamlTasks(w, file, inner + '  ', t.tasks, out);
    }
  }
}

export function renderYaml(spec: YamlSpec): { file: CaseFile; expects: Expect[] } {
  const path = spec.named ? `plan.${spec.type}.${spec.ext}` : `data.${spec.ext}`;
  const w = new Writer(spec.eol);
  const out: Expect[] = [];
  anchorCount = 0;
  if (spec.typeLine || !spec.named) writeYamlField(w, path, 'yaml', '', 'type', spec.type, undefined, out);
  if (spec.id) writeYamlField(w, path, 'yaml', '', 'id', spec.id, undefined, out);
  for (const f of spec.fields) writeYamlField(w, path, 'yaml', '', f.key, f.value, f, out);
  for (const list of spec.lists) {
    if (list.kind === 'task-list') {
      w.line('tasks:');
      writeYamlTasks(w, path, '  ', list.items[0].tasks, out);
      continue;
    }
    if (!list.items.length) continue;
    w.line(`${list.key}:`);
    for (const item of list.items) {
      if (item.flow && item.tasks.length === 0) {
        w.write('  - {');
        const entries: [string, string, FieldSpec | undefined][] = [];
        if (item.id) entries.push(['id', item.id, undefined]);
        if (item.title !== undefined) entries.push(['title', item.title, undefined]);
        for (const f of item.fields) entries.push([f.key, f.value, f]);
        if (!entries.length) entries.push(['title', 'Untitled', undefined]);
        entries.forEach(([k, v, f], i) => {
          if (i) w.write(', ');
          const kAt = w.write(yamlKey(k));
          w.write(': ');
          const s = yamlScalar(v, 'auto', true);
          const vAt = w.write(s.text) + s.inner;
          out.push({ kind: 'field', file: path, where: 'yaml', key: k, value: v, offset: kAt });
          if (f) linkExpects(path, 'yaml', f, vAt, s.exact, out, kAt);
        });
        w.line('}');
        continue;
      }
      w.write('  - ');
      let inline = true;
      const put = (k: string, v: string, f?: FieldSpec) => {
        writeYamlField(w, path, 'yaml', '    ', k, v, f, out, inline);
        inline = false;
      };
      if (item.id) put('id', item.id);
      if (item.title !== undefined || (!item.id && !item.fields.length)) put('title', item.title ?? 'Untitled');
      for (const f of item.fields) put(f.key, f.value, f);
      if (item.tasks.length) {
        w.line('    tasks:');
        writeYamlTasks(w, path, '      ', item.tasks, out);
      }
    }
  }
  return { file: { path, text: (spec.bom ? '\uFEFF' : '') + w.text() }, expects: out };
}

// ---------------------------------------------------------------- cases

export const generatedCase: fc.Arbitrary<Case> = fc.tuple(fc.oneof(markdownSpec, yamlSpec), fc.nat(), fc.boolean()).map(([spec, editSeed, explicit]) => {
  const { file, expects } = spec.format === 'md' ? renderMarkdown(spec) : renderYaml(spec);
  return { campaign: 'generated', files: [{ ...file, explicit: explicit && !spec.named ? true : undefined }], expects, editSeed };
});
