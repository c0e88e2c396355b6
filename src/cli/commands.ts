/** `check` and `list`: a thin host of the core engine; load config and files, run the core, format the result. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '../core/check';
import { defaultConfig, type RoadmarkConfig } from '../core/config/config';
import { formatDay, localDay, parseDateOrPeriod, type Day } from '../core/dates';
import { findConfig, parentPath, PlanEngine, runAsync, type Candidate, type ConfigState } from '../core/engine/index';
import { positionAt } from '../core/lines';
import type { ResolvedWorkspace } from '../core/model/workspace';
import type { Request } from './args';
import { UsageError } from './args';
import { checkPaths, CliError, hostPath, nodeHost, shownPath } from './files';
import { PLAN_FILE_RULE } from './help';
import { cliParser } from './load';
import { baselineWorkspace, ruleBaseline, type BaselineInfo, type BaselineRoot } from '../core/drift/index';
import { readGitBaseline } from './git';
import { ParseCache } from './cache';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { formatListJson, formatListText, listItems } from './format/list';
import type { CheckReport } from './format/report';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';

type Write = (s: string) => void;

export interface LoadedBaseline {
  info: BaselineInfo;
  ws: ResolvedWorkspace;
}

/** The plan at `since`, read out of git and through the same engine, roots and config as the plan now. */
async function loadBaseline(since: string, cwd: string, roots: BaselineRoot[], config: RoadmarkConfig, today: Day): Promise<LoadedBaseline> {
  const git = readGitBaseline(since, cwd);
  return { info: git.info, ws: await baselineWorkspace(git.files, roots, { config, today, display: (path) => shownPath(cwd, path) }) };
}

export interface Loaded {
  ws: ResolvedWorkspace;
  config: RoadmarkConfig;
  today: Day;
  /** Every rule's diagnostics, sorted (the engine's check). */
  diagnostics: Diagnostic[];
  /** The engine that made them (`check --watch` goes on updating it). */
  engine: PlanEngine;
  /** `--since`: the plan at the baseline (the slipped rule has run against it). */
  baseline?: LoadedBaseline;
}

export async function runCheck(request: Request, cwd: string, write: Write): Promise<number> {
  const { ws, today, diagnostics } = await load(request, cwd);
  const { output, code } = checkReport(request, ws, diagnostics, today, cwd);
  write(output);
  return code;
}

/** One check's report in the format asked for, and the exit code it makes (`check` and `check --watch`). */
export function checkReport(request: Request, ws: ResolvedWorkspace, all: Diagnostic[], today: Day, cwd: string): { output: string; code: number } {
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const diagnostics = request.quiet ? all.filter((d) => d.severity === 'error') : all;
  const report: CheckReport = { today: formatDay(today), files: ws.files.length, items: ws.nodes.length, diagnostics };
  let output: string;
  switch (request.format) {
    case 'json': output = formatJson(report); break;
    case 'sarif': output = formatSarif(report, cwd); break;
    case 'github': output = formatGithub(report); break;
    default: output = formatText(report, request.color);
  }
  const errors = diagnostics.some((d) => d.severity === 'error');
  return { output, code: errors || (request.maxWarnings >= 0 && warnings > request.maxWarnings) ? 1 : 0 };
}

export async function runList(request: Request, cwd: string, write: Write): Promise<number> {
  const { ws, today } = await load(request, cwd);
  const items = listItems(ws, request.filter, today);
  write(request.format === 'json' ? formatListJson(ws, formatDay(today), items) : formatListText(items));
  return 0;
}

/** Runs the core engine over node's file system: the config, the plan files under each PATH, the checks. */
/** `sinceOf`: the drift baseline, given the config (default `--since`); none, no baseline is read. */
export async function load(request: Request, cwd: string, sinceOf: (config: RoadmarkConfig) => string | undefined = () => request.since): Promise<Loaded> {
  const { engine, config, today, roots } = await openEngine(request, cwd);
  const since = sinceOf(config);
  const baseline = since === undefined ? undefined : await loadBaseline(since, cwd, roots, config, today);
  if (baseline) await engine.setBaseline(ruleBaseline(since!, baseline.ws.nodes));
  const result = await engine.scan();
  if (!request.allowEmpty) requirePlans(request.paths, result.candidates, new Set(result.ws.files.map((f) => f.path)), cwd);
  return { ws: result.ws, config, today, diagnostics: result.diagnostics, engine, baseline };
}

/** The engine with the CLI's host, config (found above the first PATH, or `--config`) and parse strategy. */
export async function openEngine(request: Request, cwd: string): Promise<{ engine: PlanEngine; config: RoadmarkConfig; today: Day; roots: BaselineRoot[] }> {
  const configPath = request.config !== undefined ? hostPath(cwd, request.config) : await runAsync(findConfig(parentIfFile(hostPath(cwd, request.paths[0])), true), nodeHost);
  const root = configPath ? parentPath(configPath) : hostPath(cwd, '.');
  const today = request.today !== undefined ? parseToday(request.today) : undefined;
  const cache = request.cache ? ParseCache.open(resolve(cwd, request.cacheLocation ?? '.roadmarkcache')) : undefined;
  const engine = new PlanEngine(nodeHost, {
    display: (path) => shownPath(cwd, path),
    today,
    clock: () => localDay(new Date()),
    parseBatch: cliParser({ cache, jobs: request.jobs }),
  }, [{ path: root, config: configPath ?? null, targets: request.paths.map((p) => hostPath(cwd, p)) }]);
  const roots = [{ path: root, targets: request.paths.map((p) => hostPath(cwd, p)) }];
  const [state] = await engine.configure();
  const config = state ? configOf(state, cwd) : defaultConfig();
  checkPaths(request.paths, cwd);
  return { engine, config, today: today ?? config.today ?? localDay(new Date()), roots };
}

function parentIfFile(path: string): string {
  try {
    return statSync(path).isDirectory() ? path : parentPath(path);
  } catch {
    return path;
  }
}

/** Each PATH must hold a plan file: a mistyped or emptied path must not pass CI quietly. */
function requirePlans(paths: string[], candidates: Candidate[], parsed: Set<string>, cwd: string): void {
  const found = new Set(candidates.filter((c) => parsed.has(shownPath(cwd, c.path))).flatMap((c) => c.from));
  const empty = paths.findIndex((_, i) => !found.has(i));
  if (empty >= 0) throw new CliError(`no plan files under ${paths[empty]} (${PLAN_FILE_RULE}); use --allow-empty if that is expected`);
}

/** A config with a problem, or one that cannot be read, stops the command (exit 2) with the first reason. */
export function configOf(state: ConfigState, cwd: string): RoadmarkConfig {
  const shown = shownPath(cwd, state.path);
  if (!state.result) throw new CliError(`cannot read config '${shown}': ${state.unreadable}`);
  const { config, problems, lineStarts } = state.result;
  if (problems.length) {
    const first = problems[0];
    const pos = positionAt(lineStarts, first.span.start);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new CliError(`${shown}:${pos.line}:${pos.column}: ${first.message}${more}`);
  }
  return config;
}

export function parseToday(text: string): Day {
  const parsed = parseDateOrPeriod(text);
  if (!parsed.ok || parsed.value.isPeriod) throw new UsageError(`--today needs a date YYYY-MM-DD, not '${text}'`);
  return parsed.value.first;
}
