/** Command-line parsing (node's util.parseArgs) into a typed request; bad input throws UsageError. */
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export const COMMANDS = ['check', 'list', 'timeline', 'export'] as const;
export type Command = (typeof COMMANDS)[number];
export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
export const EXPORT_FORMATS = ['ics', 'csv', 'mermaid', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Request {
  command: Command | 'help' | 'version';
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
} as const;

export function parseRequest(argv: string[], isTTY: boolean, env: NodeJS.ProcessEnv): Request {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/, ''));
  }
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  const command = values.help || first === 'help' ? 'help' : values.version ? 'version' : first;
  if (command === undefined) throw new UsageError('missing command: use check, list, timeline or export (see --help)');
  if (command !== 'help' && command !== 'version' && !(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command '${command}': use check, list, timeline or export`);
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
    jobs: values.jobs === undefined ? undefined : readCount(values.jobs, '--jobs', 0),
    out: values.out,
    tasks: values.tasks ?? false,
    cache: values.cache ?? values['cache-location'] !== undefined,
    cacheLocation: values['cache-location'],
    zoom: values.zoom as Request['zoom'],
  };
}

function readCount(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`${flag} needs a whole number, not '${text}'`);
  return Number(text);
}

export const HELP = `Usage: roadmark <command> [PATH...] [options]

Check roadmap and project plans written in Markdown and YAML.

Commands:
  check [PATH...]     index the plan files under each PATH (default .) and report diagnostics
  list [PATH...]      list the items, one per line (or --format json)
  timeline [PATH...]  the timeline as one self-contained HTML page (--out FILE.html, default
                      stdout) or one SVG of the whole plan (--out FILE.svg, --zoom LEVEL)
  export [PATH...]    --format ics (open deadlines as a calendar), csv (one row per item),
                      mermaid (a gantt block) or json (items and timeline model); --out FILE

Options:
  -f, --format FMT    check: text (default), json, sarif, github; list: text, json;
                      export: ics, csv, mermaid, json
      --today DATE    the date to check against (YYYY-MM-DD); default: config, else today
  -c, --config FILE   config file (default: the nearest .roadmark.yaml above the first PATH)
      --max-warnings N  exit 1 when there are more than N warnings
  -q, --quiet         report errors only
  -j, --jobs N        parse on N threads, the main one included (0 or 1: main thread only;
                      default: one per core, up to 4, for workspaces over 512 KB)
      --color, --no-color  force or disable colour (default: on a terminal)
  -o, --out FILE      timeline/export: write to FILE instead of stdout
      --cache         reuse parsed files whose text is unchanged since the last run
      --cache-location FILE  where the cache lives (default .roadmarkcache; implies --cache)
      --zoom LEVEL    timeline SVG: week, month (default), quarter or year
      --tasks         timeline: tasks as rows under their milestones
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 the command could not run.
Rules and their docs: https://github.com/roadmark/roadmark/tree/main/docs/rules
`;
