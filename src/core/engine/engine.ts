/**
 * One workspace engine behind a small host interface: discovery, include/exclude, config
 * lookup, the per-file guard, and generations. Hosts (the CLI, the editor, a browser later)
 * give it files; it gives back diagnostics, and on each update only the files whose
 * diagnostics changed. Operations run one at a time, in the order they were asked for.
 */
import { checkWorkspace, compareDiagnostics, type Diagnostic } from '../check';
import { IncrementalCheck } from '../incremental/index';
import { defaultConfig, parseConfig, type ConfigResult, type RoadmarkConfig } from '../config/config';
import type { Day } from '../dates';
import type { ParsedFile } from '../model/types';
import { PlanWorkspace, type ResolvedWorkspace } from '../model/workspace';
import { SectionCache } from '../parse/index';
import { classify, discover, findConfig, isConfigName, runAsync, type Candidate, type DiscoverOptions } from './discover';
import { createPathFilter } from './globs';
import { guardedParse, type ParseFn, type ParseJob } from './guard';
import type { EngineHost } from './host';
import { parentPath, relativeTo } from './paths';
import { readPlan, type ReadResult } from './read';
import type { RuleBaseline } from '../drift/rule-baseline';

export interface EngineRoot {
  /** Host path of the folder: globs are relative to it, and its config is looked up there. */
  path: string;
  /** What to scan (default: the folder itself). A file named here is explicit: read as a plan whatever its name. */
  targets?: string[];
  /** Host path of the config file; `null`: none; undefined: `.roadmark.yaml` then `.roadmark.yml` in `path`. */
  config?: string | null;
  /** The effective config from the file's (the editor puts its settings on top). */
  settings?: (fileConfig: RoadmarkConfig | undefined) => RoadmarkConfig;
  /** The host's own exclusions (the editor's `files.exclude`), on paths relative to `path`. */
  hostExcluded?: (rel: string) => boolean;
}

export interface EngineOptions {
  /** The path the core (and the user) sees for a host path; default: the host path. */
  display?: (path: string) => string;
  /** Overrides the configs' `today` (the CLI's `--today`). */
  today?: Day;
  /** Today when neither `today` nor a config gives it. */
  clock: () => Day;
  /** The parser, guarded per file; tests inject one that throws. */
  parse?: ParseFn;
  /** Parses a batch (the CLI: on worker threads, through its cache); each job must go through `guardedParse`. */
  parseBatch?: (jobs: ParseJob[]) => Promise<(ParsedFile | undefined)[]>;
  /** Files read at once. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Keep the resolved workspace and the rules' findings between checks and recompute only what
   * an update can change (the editor: a keystroke costs the same at 50,000 items as at 50).
   * Single-root workspaces; several roots with their own configs are checked in full.
   */
  incremental?: boolean;
}

/** A config file as read: its problems become diagnostics on it (editor) or exit 2 (CLI). */
export interface ConfigState {
  root: string;
  path: string;
  result?: ConfigResult;
  /** Why it could not be read. */
  unreadable?: string;
}

/** What one check gives the host. Everything handed on carries the generation it was computed from. */
export interface EngineResult {
  generation: number;
  ws: ResolvedWorkspace;
  /** Sorted by file, line, column, rule. */
  diagnostics: Diagnostic[];
  byFile: ReadonlyMap<string, Diagnostic[]>;
  /** Display paths whose diagnostics differ from the previous result's (files that lost all of theirs too). */
  changed: ReadonlySet<string>;
  configs: ConfigState[];
  /** The first root's today and risk window (what views show). */
  today: Day;
  riskWindowDays: number;
  /** What the last scan found, with the targets each came from (the CLI requires each PATH to hold a plan). */
  candidates: Candidate[];
}

interface RootState {
  spec: EngineRoot;
  config: RoadmarkConfig;
  configState?: ConfigState;
  discover: DiscoverOptions;
}

interface Entry {
  display: string;
  included: boolean;
  explicit: boolean;
  root?: RootState;
}

export class PlanEngine {
  /** The parsed files; its generation is bumped with every result. */
  readonly plans = new PlanWorkspace();
  private roots: RootState[] = [];
  private configured = false;
  private baseline: RuleBaseline | undefined;
  private baselineVersion = 0;
  /** `configure` just read the configs: the next scan uses them. */
  private freshConfigs = false;
  private readonly entries = new Map<string, Entry>();
  private readonly hostPathOf = new Map<string, string>();
  private readonly sections = new SectionCache();
  private signatures = new Map<string, string>();
  private candidates: Candidate[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private latest: EngineResult | undefined;
  /** The incremental check, keyed by the today and config it was built for, and what changed since it last ran. */
  private inc: { key: string; check: IncrementalCheck } | undefined;
  private pending = new Map<string, ParsedFile | null>();

  constructor(private readonly host: EngineHost, private readonly options: EngineOptions, roots: EngineRoot[] = []) {
    this.setRoots(roots);
  }

  /** The result of the last check. */
  get result(): EngineResult | undefined {
    return this.latest;
  }

  /**
   * Sets (or clears) the drift baseline the `slipped` rule compares with, and checks again
   * without reading anything.
   */
  setBaseline(baseline: RuleBaseline | undefined): Promise<EngineResult> {
    return this.serial(async () => {
      this.baseline = baseline;
      this.baselineVersion++;
      return this.check();
    });
  }

  /** Replaces the roots (workspace folders changed); the next `scan` reads their configs again. */
  setRoots(roots: EngineRoot[]): void {
    this.roots = roots.map((spec) => ({ spec, config: defaultConfig(), discover: { root: spec.path, filter: createPathFilter([], []), hostExcluded: spec.hostExcluded } }));
    this.configured = false;
  }

  /** Reads every root's config (`.roadmark.yaml` or `.yml`). Problems are reported, never thrown. */
  configure(): Promise<ConfigState[]> {
    return this.serial(() => {
      this.configured = false;
      this.freshConfigs = true;
      return this.readConfigs();
    });
  }

  /** Reads every config and every plan file again, then checks. */
  scan(): Promise<EngineResult> {
    return this.serial(async () => {
      if (!this.freshConfigs) this.configured = false;
      this.freshConfigs = false;
      await this.readConfigs();
      const found: Candidate[] = [];
      for (const root of this.roots) found.push(...(await runAsync(discover(root.spec.targets ?? [root.spec.path], root.discover), this.host)));
      this.candidates = found;
      const keep = new Set(found.map((c) => c.path));
      const loose = [...this.entries].filter(([, e]) => !e.root).map(([path, e]): Candidate => ({ path, included: false, explicit: e.explicit, from: [] }));
      await this.load([...found, ...loose], () => {
        for (const [path, entry] of [...this.entries]) if (!keep.has(path) && entry.root) this.forget(path);
      });
      return this.check();
    });
  }

  /**
   * Re-reads changed paths (files, or folders created or renamed) and forgets removed ones (and
   * what was under them), then checks. A config file among them means a whole scan.
   */
  update(changed: readonly string[], removed: readonly string[] = []): Promise<EngineResult> {
    if ([...changed, ...removed].some((p) => this.isRootConfig(p))) return this.scan();
    return this.serial(async () => {
      const todo: Candidate[] = [];
      const gone = new Set(removed);
      const folders: string[] = [];
      for (const path of changed) {
        const type = (await runAsync(statOnly(path), this.host)) as string | undefined;
        const root = this.rootOf(path);
        const c = type !== 'file' ? undefined : root ? classify(path, false, root.discover) : isConfigName(path) ? undefined : { included: false };
        if (type === 'directory' && root) {
          folders.push(path);
          todo.push(...(await runAsync(discover([path], root.discover), this.host)).map((f) => ({ ...f, explicit: false })));
        } else if (c) todo.push({ path, included: c.included, explicit: false, from: [] });
        else gone.add(path);
      }
      const found = new Set(todo.map((c) => c.path));
      // Every change to the index happens after the last read: no one sees a file missing mid-update.
      await this.load(todo, () => {
        this.forgetUnder(gone);
        for (const folder of folders) for (const p of [...this.entries.keys()]) if (p.startsWith(folder + '/') && !found.has(p)) this.forget(p);
      });
      return this.check();
    });
  }

  /** The host path of a display path. */
  hostPath(display: string): string | undefined {
    return this.hostPathOf.get(display);
  }

  /** Whether `path` is (or would be) the config of a root. */
  isRootConfig(path: string): boolean {
    return isConfigName(path) && this.roots.some((r) => r.configState?.path === path || (r.spec.config === undefined && parentPath(path) === r.spec.path));
  }

  private display(path: string): string {
    return this.options.display ? this.options.display(path) : path;
  }

  private rootOf(path: string): RootState | undefined {
    let best: RootState | undefined;
    for (const r of this.roots) if (relativeTo(r.spec.path, path) !== undefined && (!best || r.spec.path.length > best.spec.path.length)) best = r;
    return best;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readConfigs(): Promise<ConfigState[]> {
    if (this.configured) return this.roots.flatMap((r) => (r.configState ? [r.configState] : []));
    for (const root of this.roots) {
      const { spec } = root;
      const path = spec.config === null ? undefined : spec.config ?? (await runAsync(findConfig(spec.path, false), this.host));
      root.configState = path === undefined ? undefined : await this.readConfig(spec.path, path);
      const fileConfig = root.configState?.result?.config;
      root.config = spec.settings ? spec.settings(fileConfig) : fileConfig ?? defaultConfig();
      root.discover = { root: spec.path, filter: createPathFilter(root.config.include, root.config.exclude), hostExcluded: spec.hostExcluded };
    }
    this.configured = true;
    return this.roots.flatMap((r) => (r.configState ? [r.configState] : []));
  }

  private async readConfig(root: string, path: string): Promise<ConfigState> {
    const read = await readPlan(this.host, path);
    if ('error' in read) return { root, path, unreadable: read.error.replace(/^Cannot read this file: /, '') };
    return { root, path, result: parseConfig(read.text) };
  }

  /** Reads and parses candidates: reads a few at a time, parses in one batch. */
  private async load(candidates: Candidate[], beforeApply?: () => void): Promise<void> {
    const reads: ReadResult[] = new Array(candidates.length);
    const step = Math.max(1, this.options.concurrency ?? 32);
    for (let i = 0; i < candidates.length; i += step) {
      const slice = candidates.slice(i, i + step);
      const done = await Promise.all(slice.map((c) => readPlan(this.host, c.path)));
      done.forEach((r, j) => (reads[i + j] = r));
      this.options.onProgress?.(Math.min(i + step, candidates.length), candidates.length);
    }
    const jobs = candidates.map((c, i): ParseJob => ({ path: this.display(c.path), read: reads[i], included: c.included, explicit: c.explicit }));
    const parse = this.options.parse;
    const parsed = this.options.parseBatch
      ? await this.options.parseBatch(jobs)
      : jobs.map((job) => guardedParse(job, parse, { cache: this.sections }));
    beforeApply?.();
    candidates.forEach((c, i) => {
      const file = parsed[i];
      if (!file) return this.forget(c.path);
      this.entries.set(c.path, { display: jobs[i].path, included: c.included, explicit: c.explicit, root: this.rootOf(c.path) });
      this.hostPathOf.set(jobs[i].path, c.path);
      this.plans.set(file);
      this.pending.set(file.path, file);
    });
  }

  private forget(path: string): void {
    const entry = this.entries.get(path);
    const display = entry?.display ?? this.display(path);
    this.entries.delete(path);
    this.hostPathOf.delete(display);
    if (this.plans.delete(display)) this.pending.set(display, null);
  }

  /** Forgets these paths and everything under them: one pass over the entries, whatever the number of paths. */
  private forgetUnder(paths: ReadonlySet<string>): void {
    if (!paths.size) return;
    for (const p of [...this.entries.keys()]) {
      for (let at = p; ; at = parentPath(at)) {
        if (paths.has(at)) {
          this.forget(p);
          break;
        }
        if (parentPath(at) === at || at === '') break;
      }
    }
    for (const p of paths) if (!this.entries.has(p)) this.forget(p);
  }

  /** Resolves, runs the rules (per root with its config, or incrementally), and works out which files' diagnostics changed. */
  private check(): EngineResult {
    const clock = this.options.clock();
    const groups = new Map<RootState | undefined, Set<string>>();
    for (const path of this.plans.paths()) {
      const root = this.entries.get(this.hostPathOf.get(path) ?? path)?.root;
      if (!groups.has(root)) groups.set(root, new Set());
      groups.get(root)!.add(path);
    }
    const primary = this.roots[0]?.config ?? defaultConfig();
    const { ws, diagnostics, changedFiles } = this.options.incremental && groups.size <= 1
      ? this.checkIncrementally([...groups.keys()][0]?.config ?? primary, clock)
      : this.checkInFull(groups, primary, clock);
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    // The incremental check knows which files changed: signing every file's list again would
    // cost more than the edit at 50,000 items. A full check compares signatures.
    const changed = changedFiles ? this.signChanged(changedFiles, byFile) : this.signAll(byFile);
    this.plans.generation++;
    this.latest = {
      generation: this.plans.generation, ws, diagnostics, byFile, changed,
      configs: this.roots.flatMap((r) => (r.configState ? [r.configState] : [])),
      today: this.options.today ?? primary.today ?? clock, riskWindowDays: primary.riskWindowDays, candidates: this.candidates,
    };
    return this.latest;
  }

  private signAll(byFile: ReadonlyMap<string, Diagnostic[]>): Set<string> {
    const signatures = new Map<string, string>();
    for (const [file, list] of byFile) signatures.set(file, JSON.stringify(list));
    const changed = new Set<string>();
    for (const [file, sig] of signatures) if (this.signatures.get(file) !== sig) changed.add(file);
    for (const file of this.signatures.keys()) if (!signatures.has(file)) changed.add(file);
    this.signatures = signatures;
    return changed;
  }

  /** Keeps the signatures of the files the incremental check reported, for the next full check to compare with. */
  private signChanged(files: ReadonlySet<string>, byFile: ReadonlyMap<string, Diagnostic[]>): Set<string> {
    const changed = new Set<string>();
    for (const file of files) {
      const list = byFile.get(file);
      const sig = list && JSON.stringify(list);
      if (sig === this.signatures.get(file)) continue;
      changed.add(file);
      if (sig === undefined) this.signatures.delete(file);
      else this.signatures.set(file, sig);
    }
    return changed;
  }

  private checkInFull(groups: Map<RootState | undefined, Set<string>>, primary: RoadmarkConfig, clock: Day): { ws: ResolvedWorkspace; diagnostics: Diagnostic[]; changedFiles?: undefined } {
    this.inc = undefined;
    this.pending.clear();
    const ws = this.plans.resolve();
    const diagnostics: Diagnostic[] = [];
    for (const [root, files] of groups) {
      const config = root?.config ?? primary;
      const today = this.options.today ?? config.today ?? clock;
      diagnostics.push(...checkWorkspace(ws, { today, config, files: groups.size === 1 ? undefined : files, baseline: this.baseline }));
    }
    if (groups.size > 1) diagnostics.sort(compareDiagnostics);
    return { ws, diagnostics };
  }

  /** Feeds what changed since the last check to the incremental check; a new today or config starts it afresh. */
  private checkIncrementally(config: RoadmarkConfig, clock: Day): { ws: ResolvedWorkspace; diagnostics: Diagnostic[]; changedFiles?: ReadonlySet<string> } {
    const today = this.options.today ?? config.today ?? clock;
    const key = `${today}|${this.baselineVersion}|${JSON.stringify(config)}`;
    const fresh = this.inc?.key !== key;
    if (fresh) {
      this.inc = { key, check: new IncrementalCheck({ today, config, baseline: this.baseline }) };
      this.pending = new Map(this.plans.paths().map((p) => [p, this.plans.get(p)!]));
    }
    const changed = [...this.pending.values()].filter((f): f is ParsedFile => f !== null);
    const removed = [...this.pending].filter(([, f]) => f === null).map(([p]) => p);
    this.pending.clear();
    const { changedFiles } = this.inc!.check.update(changed, removed);
    return { ws: this.inc!.check.resolved(), diagnostics: this.inc!.check.diagnostics(), changedFiles: fresh ? undefined : changedFiles };
  }
}

function* statOnly(path: string) {
  return ((yield { op: 'stat' as const, path }) as { type: string } | undefined)?.type;
}

