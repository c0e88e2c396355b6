/** Command-line parsing (node's util.parseArgs) into a typed request; bad input throws UsageError. */
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';

export class UsageError extends Error {}

/** Most parse threads `--jobs` may ask for. */
export const MAX_JOBS = 64;

export const COMMANDS = ['check', 'list', 'timeline', 'export'] as const;
export type Command = (typeof COMMANDS)[number];
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export const EXPORT_FORMATS = ['ics', 'csv', 'mermaid', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Request {
  command: Command | 'help' | 'version';
  /** help: the command whose usage to print (the overview when absent). */
  topic?: Command;
  paths: string[];
  format: CheckFormat | ExportFormat;
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
} as const;

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
  if (command === undefined) throw new UsageError('missing command: use check, list, timeline or export (see --help)');
  for (const word of command === 'help' ? [helpWith] : [command]) {
    if (word !== undefined && word !== 'help' && word !== 'version' && !(COMMANDS as readonly string[]).includes(word)) throw new UsageError(unknownCommand(word));
  }
  if (command === 'help') return { ...defaults(), command, topic: (COMMANDS as readonly string[]).includes(helpWith ?? '') ? (helpWith as Command) : undefined };
  if (command === 'timeline' && values.out === undefined && isTTY) {
    throw new UsageError('timeline writes a whole HTML page: give --out FILE.html (or FILE.svg), or redirect stdout to a file');
  }
  const format = values.format ?? 'text';
  if (command === 'check' && !(CHECK_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}' for check: use text, json, sarif or github`);
  }
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
  };
}

function defaults(): Omit<Request, 'command'> {
  return { paths: ['.'], format: 'text', maxWarnings: -1, quiet: false, color: false, tasks: false, cache: false, allowEmpty: false };
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
  return `unknown command '${word}'${near ? `: did you mean '${near}'?` : ': use check, list, timeline or export'}`;
}

/** parseArgs' first line, with a did-you-mean for an unknown option. */
function describeParseError(e: Error & { code?: string }): string {
  const line = e.message.split('\n')[0].replace(/\. To specify a positional.*$/, '');
  const option = /^Unknown option '--([^'=]+)'/.exec(line)?.[1];
  if (e.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || option === undefined) return line;
  const near = nearest(option, Object.keys(OPTIONS));
  return near ? `Unknown option '--${option}': did you mean '--${near}'?` : line;
}

function readCount(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`${flag} needs a whole number, not '${text}'`);
  return Number(text);
}
