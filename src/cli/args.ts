/** Command-line parsing (node's util.parseArgs) into a typed request; bad input throws UsageError. */
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import { parseDateOrPeriod, type Day } from '../core/dates';
import type { Kind } from '../core/model/types';
import { parseStatus, STATUSES, type Status } from '../core/model/values';

export class UsageError extends Error {}

/** Most parse threads `--jobs` may ask for. */
export const MAX_JOBS = 64;

export const COMMANDS = ['check', 'list', 'drift', 'init', 'timeline', 'export'] as const;
export type Command = (typeof COMMANDS)[number];
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export const DRIFT_FORMATS = ['text', 'json', 'markdown'] as const;
export type DriftFormat = (typeof DRIFT_FORMATS)[number];
export const EXPORT_FORMATS = ['ics', 'csv', 'mermaid', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const KINDS: readonly Kind[] = ['roadmap', 'goal', 'initiative', 'project', 'milestone', 'task'];

/** `list`'s filters: an item is listed when it passes every filter given (any of the values within one). */
export interface ListFilter {
  /** Owner names without `@`, lower-cased: an item matches when any of its owners is one of them. */
  owners: string[];
  statuses: Status[];
  kinds: Kind[];
  /** Open items whose deadline is before today (what the `overdue` rule reports). */
  overdue: boolean;
  /** Items whose deadline ends before this day. */
  dueBefore?: Day;
}

export interface Request {
  command: Command | 'help' | 'version';
  /** help: the command whose usage to print (the overview when absent). */
  topic?: Command;
  paths: string[];
  format: CheckFormat | ExportFormat | DriftFormat;
  today?: string;
  config?: string;
  maxWarnings: number;
  quiet: boolean;
  color: boolean;
  jobs?: number;
  /** timeline/export: the file to write (stdout when absent). */
  out?: string;
  /** timeline: show tasks as rows. */
  tasks: boolean;
  /** Reuse parsed files from the cache file when their text is unchanged. */
  cache: boolean;
  cacheLocation?: string;
  /** timeline: zoom level of an SVG. */
  zoom?: 'week' | 'month' | 'quarter' | 'year';
  /** Do not fail when a PATH holds no plan file. */
  allowEmpty: boolean;
  /** check: check again on every change until interrupted. */
  watch: boolean;
  /** list: which items to show. */
  filter: ListFilter;
  /** drift, check, timeline: the baseline, a git ref or a day (1.1). */
  since?: string;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  today: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  out: { type: 'string', short: 'o' },
  zoom: { type: 'string' },
  cache: { type: 'boolean' },
  tasks: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'allow-empty': { type: 'boolean' },
  watch: { type: 'boolean', short: 'w' },
  owner: { type: 'string', multiple: true },
  status: { type: 'string', multiple: true },
  kind: { type: 'string', multiple: true },
  overdue: { type: 'boolean' },
  'due-before': { type: 'string' },
  since: { type: 'string' },
} as const;

/** Options that mean something to one command only: given to another, they are a usage error, not silently ignored. */
const ONLY: Record<string, Command> = { watch: 'check', owner: 'list', status: 'list', kind: 'list', overdue: 'list', 'due-before': 'list' };

/** The commands, as the error messages list them. */
const COMMAND_LIST = `${COMMANDS.slice(0, -1).join(', ')} or ${COMMANDS[COMMANDS.length - 1]}`;

export function parseRequest(argv: string[], isTTY: boolean, env: NodeJS.ProcessEnv): Request {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(describeParseError(e as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  const helpWith = values.help ? first : first === 'help' ? rest[0] : undefined;
  const command = values.help || first === 'help' ? 'help' : values.version ? 'version' : first;
  if (command === undefined) throw new MissingCommand();
  for (const word of command === 'help' ? [helpWith] : [command]) {
    if (word !== undefined && word !== 'help' && word !== 'version' && !(COMMANDS as readonly string[]).includes(word)) throw new UsageError(unknownCommand(word));
  }
  if (command === 'help') return { ...defaults(), command, topic: (COMMANDS as readonly string[]).includes(helpWith ?? '') ? (helpWith as Command) : undefined };
  for (const [option, only] of Object.entries(ONLY)) {
    if (values[option as keyof typeof values] !== undefined && command !== only) throw new UsageError(`--${option} applies to ${only} only (see roadmark ${only} --help)`);
  }
  if (values.since !== undefined && !['drift', 'check', 'timeline'].includes(command)) throw new UsageError(`--since applies to drift, check and timeline only (see roadmark ${command} --help)`);
  if (values.since !== undefined && values.since.trim() === '') throw new UsageError('--since needs a git ref (origin/main, a tag, a commit) or a date YYYY-MM-DD');
  if (command === 'drift' && values.format !== undefined && !(DRIFT_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`unknown format '${values.format}' for drift: use text, json or markdown`);
  }
  if (command === 'init' && rest.length > 1) throw new UsageError('init takes one folder: where to write the starter plan (default .)');
  if (command === 'timeline' && values.out === undefined && isTTY) {
    throw new UsageError('timeline writes a whole HTML page: give --out FILE.html (or FILE.svg), or redirect stdout to a file');
  }
  const format = values.format ?? 'text';
  if (command === 'check' && !(CHECK_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}' for check: use text, json, sarif or github`);
  }
  if (command === 'init' && values.format !== undefined) throw new UsageError('init writes files and takes no --format');
  if (command === 'list' && format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' for list: use text or json`);
  if (command === 'export' && !(EXPORT_FORMATS as readonly string[]).includes(values.format ?? '')) {
    throw new UsageError(values.format ? `unknown format '${format}' for export: use ics, csv, mermaid or json` : 'export needs --format ics, csv, mermaid or json');
  }
  if (command === 'timeline' && values.out !== undefined && !/\.(html?|svg)$/i.test(values.out)) {
    throw new UsageError(`timeline writes .html or .svg, not '${values.out}'`);
  }
  if (values.zoom !== undefined && !['week', 'month', 'quarter', 'year'].includes(values.zoom)) {
    throw new UsageError(`unknown zoom '${values.zoom}': use week, month, quarter or year`);
  }
  return {
    command: command as Request['command'],
    paths: rest.length ? rest : ['.'],
    format: format as Request['format'],
    today: values.today,
    config: values.config,
    maxWarnings: readCount(values['max-warnings'], '--max-warnings', -1),
    quiet: values.quiet ?? false,
    color: values['no-color'] ? false : values.color ?? (isTTY && !env.NO_COLOR && env.TERM !== 'dumb'),
    jobs: values.jobs === undefined ? undefined : readJobs(values.jobs),
    out: values.out,
    tasks: values.tasks ?? false,
    cache: values.cache ?? values['cache-location'] !== undefined,
    cacheLocation: values['cache-location'],
    zoom: values.zoom as Request['zoom'],
    allowEmpty: values['allow-empty'] ?? false,
    watch: values.watch ?? false,
    since: values.since?.trim(),
    filter: {
      owners: words(values.owner).map((o) => o.replace(/^@/, '').toLowerCase()).filter(Boolean),
      statuses: words(values.status).map(readStatus),
      kinds: words(values.kind).map(readKind),
      overdue: values.overdue ?? false,
      dueBefore: values['due-before'] === undefined ? undefined : readDay(values['due-before'], '--due-before'),
    },
  };
}

function defaults(): Omit<Request, 'command'> {
  return { paths: ['.'], format: 'text', maxWarnings: -1, quiet: false, color: false, tasks: false, cache: false, allowEmpty: false, watch: false, filter: { owners: [], statuses: [], kinds: [], overdue: false } };
}

/** A bare `roadmark`: a command is required; main prints the short help with it. */
export class MissingCommand extends UsageError {
  constructor() {
    super(`missing command: use ${COMMAND_LIST}`);
  }
}

/** Repeated options and comma-separated lists alike: `--status planned,blocked` = `--status planned --status blocked`. */
function words(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((w) => w.trim()).filter(Boolean);
}

/** A status or one of its aliases (`done`, `completed`, `wip`), as plan files accept them. */
function readStatus(word: string): Status {
  const status = parseStatus(word);
  if (status) return status;
  const near = nearest(word.toLowerCase(), STATUSES);
  throw new UsageError(`unknown status '${word}'${near ? `: did you mean '${near}'?` : `: use ${STATUSES.join(', ')}`}`);
}

function readKind(word: string): Kind {
  const kind = word.toLowerCase().replace(/s$/, '');
  if ((KINDS as readonly string[]).includes(kind)) return kind as Kind;
  const near = nearest(kind, KINDS);
  throw new UsageError(`unknown kind '${word}'${near ? `: did you mean '${near}'?` : `: use ${KINDS.join(', ')}`}`);
}

/** A date, or a period standing for its first day (`--due-before 2027-Q1`: before 1 January 2027). */
export function readDay(text: string, flag: string): Day {
  const parsed = parseDateOrPeriod(text);
  if (!parsed.ok) throw new UsageError(`${flag} needs a date YYYY-MM-DD (or a period such as 2027-Q1), not '${text}'`);
  return parsed.value.first;
}

function readJobs(text: string): number {
  const jobs = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!(jobs <= MAX_JOBS)) throw new UsageError(`--jobs needs a whole number from 0 to ${MAX_JOBS}, not '${text}'`);
  return jobs;
}

/** The word nearest to `word` among `known`, when it is a likely typo of it. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  const best = closest(word, known as string[]);
  return distance(word, best) <= Math.max(1, Math.min(2, Math.floor(best.length / 3))) ? best : undefined;
}

function unknownCommand(word: string): string {
  const near = nearest(word, COMMANDS);
  return `unknown command '${word}'${near ? `: did you mean '${near}'?` : `: use ${COMMAND_LIST}`}`;
}

/** parseArgs' first line, in the casing of every other message, with a did-you-mean for an unknown option. */
function describeParseError(e: Error & { code?: string }): string {
  const first = e.message.split('\n')[0].replace(/\. To specify a positional.*$/, '');
  const line = first.charAt(0).toLowerCase() + first.slice(1);
  const option = /^unknown option '--([^'=]+)'/.exec(line)?.[1];
  if (e.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || option === undefined) return line;
  const near = nearest(option, Object.keys(OPTIONS));
  return near ? `unknown option '--${option}': did you mean '--${near}'?` : line;
}

function readCount(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`${flag} needs a whole number, not '${text}'`);
  return Number(text);
}
