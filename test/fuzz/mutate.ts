/**
 * Mutators over the real plan files of examples/ and test/fixtures/: byte flips, line
 * duplication, deletion and swaps, truncation, splices of two files, hostile snippets, line
 * ending and BOM changes. Each case is one mutated file (sometimes with one unmutated
 * neighbour, so cross-file links resolve), described by the mutations applied.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import type { Case, CaseFile } from './generate';
import { HOSTILE } from './pools';

const ROOT = join(__dirname, '..', '..');

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, out);
    else if (/\.(?:md|markdown|ya?ml)$/i.test(name)) out.push(abs);
  }
}

export interface CorpusFile {
  path: string;
  text: string;
}

let corpus: CorpusFile[] | undefined;

/** Every Markdown and YAML file of examples/ and test/fixtures/ (README.md and configs included: the CLI may be pointed at them). */
export function loadCorpus(): CorpusFile[] {
  if (corpus) return corpus;
  const files: string[] = [];
  walk(join(ROOT, 'examples'), files);
  walk(join(ROOT, 'test', 'fixtures'), files);
  corpus = files.sort().map((abs) => ({ path: relative(ROOT, abs).replace(/\\/g, '/'), text: readFileSync(abs, 'utf8') }));
  return corpus;
}

export type Mutation =
  | { op: 'flip'; at: number; char: string }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'dupLine'; line: number }
  | { op: 'delLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; other: number; at: number; from: number }
  | { op: 'hostile'; line: number; snippet: string }
  | { op: 'eol'; eol: string }
  | { op: 'bom' };

const SNIPPETS = [
  ...HOSTILE,
  '## Milestone: Injected {#m1 due=2027-01-31 depends="m1 SS+2d"}', '- [ ] injected task {due=tomorrow}', '- [/] doing 📅 2026-12-04', '- due: Dec 4, 2026',
  '---', '```', '~~~', '<div>', '<!--', '> quote', '    indented code', '- - - - - - - - - -', '* ' .repeat(120) + 'deep', '> '.repeat(150) + 'deep',
  'milestones:', '  - id: x', '    tasks: [a, b, {title: c, done: true}]', '  - &a {id: y}', '  - *a', 'tasks: *a', 'goal: [[[[', 'depends: {a: 1}', '? complex key',
  '{#id', 'due="unclosed', '\t- [x]\ttab task', '1. [ ] ordered task', '- [ ]', '-', '#', '######## too deep heading', '\u0000', '\r', '\r\n', '\n\n\n',
];

const mutation = (files: number): fc.Arbitrary<Mutation> => fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), char: fc.oneof(fc.constantFrom('\n', '\r', ' ', '\t', '{', '}', '[', ']', ':', '#', '-', '"', "'", '`', '*', '|', '>', '&', '!', '\u00a0', '\u2028', '\ufeff', '\ud800'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' })) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 8, unit: 'grapheme-ascii' }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('dupLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('delLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('splice' as const), other: fc.nat({ max: Math.max(0, files - 1) }), at: fc.nat(), from: fc.nat() }),
  fc.record({ op: fc.constant('hostile' as const), line: fc.nat(), snippet: fc.constantFrom(...SNIPPETS) }),
  fc.record({ op: fc.constant('eol' as const), eol: fc.constantFrom('\r\n', '\r', '\n') }),
  fc.constant({ op: 'bom' as const }),
);

function lines(text: string): string[] {
  return text.split(/(?<=\r\n|\r(?!\n)|\n)/);
}

export function applyMutation(text: string, m: Mutation, all: CorpusFile[]): string {
  const at = (n: number) => (text.length ? n % (text.length + 1) : 0);
  switch (m.op) {
    case 'flip': {
      const i = text.length ? m.at % text.length : 0;
      return text.slice(0, i) + m.char + text.slice(i + 1);
    }
    case 'insert': return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'delete': return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'truncate': return text.slice(0, at(m.at));
    case 'dupLine': case 'delLine': {
      const ls = lines(text);
      if (!ls.length) return text;
      const i = m.line % ls.length;
      if (m.op === 'dupLine') ls.splice(i, 0, ls[i]);
      else ls.splice(i, 1);
      return ls.join('');
    }
    case 'swapLines': {
      const ls = lines(text);
      if (ls.length < 2) return text;
      const a = m.a % ls.length;
      const b = m.b % ls.length;
      [ls[a], ls[b]] = [ls[b], ls[a]];
      return ls.join('');
    }
    case 'splice': {
      const other = all[m.other % all.length].text;
      return text.slice(0, at(m.at)) + other.slice(other.length ? m.from % other.length : 0);
    }
    case 'hostile': {
      const ls = lines(text);
      const i = ls.length ? m.line % (ls.length + 1) : 0;
      ls.splice(i, 0, m.snippet + '\n');
      return ls.join('');
    }
    case 'eol': return text.replace(/\r\n|\r|\n/g, m.eol);
    case 'bom': return '\uFEFF' + text;
  }
}

export function describeMutation(m: Mutation): string {
  return JSON.stringify(m, (_k, v) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v));
}

/** A corpus file with 1–4 mutations, sometimes beside an unmutated neighbour. */
export function mutatedCase(): fc.Arbitrary<Case> {
  const all = loadCorpus();
  return fc.record({
    file: fc.nat({ max: all.length - 1 }),
    mutations: fc.array(mutation(all.length), { minLength: 1, maxLength: 4 }),
    neighbour: fc.option(fc.nat({ max: all.length - 1 }), { freq: 4, nil: undefined }),
    explicit: fc.boolean(),
    editSeed: fc.nat(),
  }).map(({ file, mutations, neighbour, explicit, editSeed }) => {
    const base = all[file];
    let text = base.text;
    for (const m of mutations) text = applyMutation(text, m, all);
    const files: CaseFile[] = [{ path: base.path, text, explicit: explicit || undefined }];
    if (neighbour !== undefined && all[neighbour].path !== base.path) files.push({ path: all[neighbour].path, text: all[neighbour].text });
    return { campaign: 'mutated', files, expects: [], editSeed, note: `${base.path} ${mutations.map(describeMutation).join(' ')}` } satisfies Case;
  });
}
