/** `check` and `list`: load config and files, run the core, format the result. */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkWorkspace } from '../core/check';
import { defaultConfig, parseConfig, type RoadmarkConfig } from '../core/config/config';
import { formatDay, localDay, parseDateOrPeriod, type Day } from '../core/dates';
import { positionAt } from '../core/lines';
import { resolveFiles, type ResolvedWorkspace } from '../core/model/workspace';
import type { Request } from './args';
import { UsageError } from './args';
import type { ParsedFile } from '../core/model/types';
import { CliError, describeFsError, findCandidates, findConfig, toSlash, type Candidate } from './files';
import { PLAN_FILE_RULE } from './help';
import { parseCandidates, parseCandidatesCached } from './load';
import { ParseCache } from './cache';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { formatListJson, formatListText } from './format/list';
import type { CheckReport } from './format/report';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { dirname } from 'node:path';

type Write = (s: string) => void;

export interface Loaded {
  ws: ResolvedWorkspace;
  config: RoadmarkConfig;
  today: Day;
}

export async function runCheck(request: Request, cwd: string, write: Write): Promise<number> {
  const { ws, config, today } = await load(request, cwd);
  let diagnostics = checkWorkspace(ws, { today, config });
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (request.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
  const report: CheckReport = { today: formatDay(today), files: ws.files.length, items: ws.nodes.length, diagnostics };
  switch (request.format) {
    case 'json': write(formatJson(report)); break;
    case 'sarif': write(formatSarif(report, cwd)); break;
    case 'github': write(formatGithub(report)); break;
    default: write(formatText(report, request.color));
  }
  const errors = diagnostics.some((d) => d.severity === 'error');
  return errors || (request.maxWarnings >= 0 && warnings > request.maxWarnings) ? 1 : 0;
}

export async function runList(request: Request, cwd: string, write: Write): Promise<number> {
  const { ws, today } = await load(request, cwd);
  write(request.format === 'json' ? formatListJson(ws, formatDay(today)) : formatListText(ws));
  return 0;
}

export async function load(request: Request, cwd: string): Promise<Loaded> {
  const configPath = request.config ?? findConfig(request.paths[0], cwd);
  const config = configPath ? readConfig(configPath, cwd) : defaultConfig();
  const today = request.today !== undefined ? parseToday(request.today) : config.today ?? localDay(new Date());
  const root = configPath ? dirname(configPath) : cwd;
  const candidates = findCandidates(request.paths, { root, include: config.include, exclude: config.exclude, cwd });
  const files = request.cache
    ? await parseCandidatesCached(candidates, ParseCache.open(resolve(cwd, request.cacheLocation ?? '.roadmarkcache')), request.jobs)
    : await parseCandidates(candidates, request.jobs);
  if (!request.allowEmpty) requirePlans(request.paths, candidates, files);
  return { ws: resolveFiles(files), config, today };
}

/** Each PATH must hold a plan file: a mistyped or emptied path must not pass CI quietly. */
function requirePlans(paths: string[], candidates: Candidate[], files: ParsedFile[]): void {
  const parsed = new Set(files.map((f) => f.path));
  const found = new Set(candidates.filter((c) => parsed.has(c.shown)).flatMap((c) => c.from));
  const empty = paths.findIndex((_, i) => !found.has(i));
  if (empty >= 0) throw new CliError(`no plan files under ${paths[empty]} (${PLAN_FILE_RULE}); use --allow-empty if that is expected`);
}

function readConfig(path: string, cwd: string): RoadmarkConfig {
  const shown = toSlash(relative(cwd, path)) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read config '${shown}': ${describeFsError(e)}`);
  }
  const { config, problems, lineStarts } = parseConfig(text);
  if (problems.length) {
    const first = problems[0];
    const pos = positionAt(lineStarts, first.span.start);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new CliError(`${shown}:${pos.line}:${pos.column}: ${first.message}${more}`);
  }
  return config;
}

function parseToday(text: string): Day {
  const parsed = parseDateOrPeriod(text);
  if (!parsed.ok || parsed.value.isPeriod) throw new UsageError(`--today needs a date YYYY-MM-DD, not '${text}'`);
  return parsed.value.first;
}
