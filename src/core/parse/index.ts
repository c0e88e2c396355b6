/** Entry point of parsing: which files are plan files, and one file → its items and problems. */
import { compactStrings } from './compact';
import { distance } from 'fastest-levenshtein';
import type { FileType, Item, ParsedFile, Problem } from '../model/types';
import { fieldOf, fileStem, newItem, slugId } from './item';
import { parseMarkdownPlan, readFrontMatter } from './markdown';
import type { SectionCache } from './markdown-blocks';
import { parseYamlPlan, readYamlType } from './yaml';
import { problem } from './interpret';
import { computeLineStarts } from '../lines';

export { SectionCache } from './markdown-blocks';

/** Files larger than this are reported rather than parsed (a plan this big is almost surely generated or wrong). */
export const MAX_FILE_CHARS = 4 * 1024 * 1024;

export interface ParseOptions {
  cache?: SectionCache;
  /** The file matched an `include` glob of the config: a plan file even without a plan name or `type:`. */
  included?: boolean;
  /**
   * The file was named on the command line (1.1): read as a plan whatever its name, like a linter
   * reads a file you name; one holding no plan item gets an info problem saying how to make it one.
   */
  explicit?: boolean;
}

const PLAN_NAME = /\.(roadmap|project)\.(?:md|markdown|ya?ml)$/i;
const MARKDOWN = /\.(?:md|markdown)$/i;
const YAML = /\.ya?ml$/i;

/** Whether a path could hold a plan (by its extension), before reading it. */
export function isCandidatePath(path: string): boolean {
  return MARKDOWN.test(path) || YAML.test(path);
}

/** The type a plan file's name gives it, if any. */
export function typeFromName(path: string): FileType | undefined {
  return PLAN_NAME.exec(path)?.[1].toLowerCase() as FileType | undefined;
}

/**
 * Parses one file. Returns undefined when the file is not a plan file (no plan name, no
 * `type: roadmap|project`, not included by the config).
 */
export function parsePlanFile(path: string, input: string, options: ParseOptions = {}): ParsedFile | undefined {
  if (!isCandidatePath(path)) return undefined;
  // Every leading BOM, as the CLI's decoder does: a doubled BOM must not shift the reading (offsets count after them).
  const text = input.charCodeAt(0) === 0xfeff ? input.replace(/^\uFEFF+/, '') : input;
  const named = typeFromName(path);
  const reportAs = named ?? (options.explicit ? 'project' : undefined);
  if (looksBinary(text)) {
    return reportAs && failedFile(path, reportAs, 'This file is binary, not text: a plan file must be UTF-8 Markdown or YAML');
  }
  if (text.length > MAX_FILE_CHARS) {
    const mb = (text.length / 1048576).toFixed(1);
    return reportAs && failedFile(path, reportAs, `This file is ${mb} MB, over the ${MAX_FILE_CHARS / 1048576} MB limit for a plan file; it was not read`);
  }
  const parsed = MARKDOWN.test(path) ? parseMarkdownFile(path, text, named, options) : parseYamlFile(path, text, named, options);
  if (parsed || !options.explicit) return parsed && compactStrings(parsed);
  const asProject = compactStrings((MARKDOWN.test(path) ? parseMarkdownFile : parseYamlFile)(path, text, 'project', options)!);
  if (asProject.items.length > 1) return asProject;
  // Only its stand-in item: no rule but not-a-plan speaks of it (no "delivers no initiative" for meeting notes).
  return { ...asProject, problems: [...asProject.problems, notAPlanProblem(path)], unread: true };
}

/** NUL, or many control characters other than tab, line breaks and form feed near the start: not a text file. */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const head = text.slice(0, 8192);
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f || c === 0xfffd) controls++;
  }
  return head.length > 0 && controls / head.length > 0.1;
}

function notAPlanProblem(path: string): Problem {
  const how = MARKDOWN.test(path)
    ? 'add `type: project` (or `type: roadmap`) to its front matter, or headings such as `## Milestone: Beta`'
    : 'add `type: project` (or `type: roadmap`) and `milestones:` (or `goals:`, `initiatives:`)';
  return problem('not-a-plan', { start: 0, end: 0 }, `This file holds no plan item: to make it a plan, name it *.project.md or *.roadmap.md, or ${how}`);
}

function parseMarkdownFile(path: string, text: string, named: FileType | undefined, options: ParseOptions): ParsedFile | undefined {
  const head = readFrontMatter(text);
  const problems: Problem[] = [];
  // Front matter that does not parse still says what the file is meant to be in a `type:` line.
  const written = head.declaredType === undefined && head.problems.length && head.frontSpan ? writtenType(text.slice(0, head.frontSpan.end)) : undefined;
  const type = decideType(head.declaredType ?? written, named, options.included || options.explicit ? inferMarkdownType(text) : undefined, fieldOf(head.frontFields, 'type')?.valueSpan, problems);
  if (!type) return undefined;
  const result = parseMarkdownPlan(path, text, type, head, options.cache);
  return { path, type, lineStarts: computeLineStarts(text), items: result.items, problems: [...problems, ...result.problems] };
}

function parseYamlFile(path: string, text: string, named: FileType | undefined, options: ParseOptions): ParsedFile | undefined {
  const { declaredType, doc } = readYamlType(text);
  const problems: Problem[] = [];
  const typeSpan = (() => {
    const range = (doc.doc.contents as { get?: (k: string, keep: boolean) => { range?: number[] } | undefined } | null)?.get?.('type', true)?.range;
    return range ? { start: range[0], end: range[1] } : undefined;
  })();
  // A top-level `type: project` line in YAML that does not parse still says what the file is meant to be.
  const written = declaredType === undefined && doc.problems.length ? writtenType(text) : undefined;
  const inferred = options.included || options.explicit ? inferYamlType(text) : undefined;
  const type = decideType(declaredType ?? written, named, inferred, typeSpan, problems);
  if (!type) return undefined;
  const result = parseYamlPlan(path, text, type, doc);
  return { path, type, lineStarts: computeLineStarts(text), items: result.items, problems: [...problems, ...result.problems] };
}

/** A top-level `type: roadmap|project` line (or first flow-mapping entry), read without YAML (for text the YAML parser refused). */
function writtenType(text: string): string | undefined {
  return /^[{ \t]*type[ \t]*:[ \t]*["']?(roadmap|project)["']?[ \t]*(?:[#,}].*)?$/m.exec(text)?.[1];
}

/** `type:` wins over the name; a near miss of roadmap/project (`type: projet`) is read as meant and reported. */
function decideType(declared: string | undefined, named: FileType | undefined, inferred: FileType | undefined, span: Problem['span'] | undefined, problems: Problem[]): FileType | undefined {
  if (declared === undefined) return named ?? inferred;
  const word = declared.trim().toLowerCase();
  if (word === 'roadmap' || word === 'project') return word;
  const near = (['roadmap', 'project'] as const).find((t) => distance(word, t) <= 2);
  const fallback = near ?? named ?? inferred;
  if (fallback && span) {
    const hint = near ? `: did you mean '${near}'?` : `; read as a ${fallback} from the file name`;
    problems.push(problem('invalid-value', span, `Unknown file type '${declared}' (use roadmap or project)${hint}`));
  }
  return fallback;
}

function inferMarkdownType(text: string): FileType | undefined {
  if (/^#{1,6}[ \t]+(?:project|milestone)[ \t]*:/im.test(text)) return 'project';
  if (/^#{1,6}[ \t]+(?:goal|initiative|feature|epic)[ \t]*:/im.test(text)) return 'roadmap';
  return undefined;
}

function inferYamlType(text: string): FileType | undefined {
  if (/^milestones[ \t]*:/m.test(text)) return 'project';
  if (/^(?:goals|initiatives)[ \t]*:/m.test(text)) return 'roadmap';
  return undefined;
}

/** A plan file that could not be read: its file-level item (so links to it resolve) and a parse-error at its start. */
export function failedFile(path: string, type: FileType, message: string): ParsedFile {
  const item: Item = newItem(type, fileStem(path), { start: 0, end: 0 }, { start: 0, end: 0 }, -1, []);
  item.id = slugId(fileStem(path)) || 'untitled';
  return { path, type, lineStarts: [0], items: [item], problems: [problem('parse-error', { start: 0, end: 0 }, message)], unread: true };
}
