/**
 * The editor's host of the core engine: workspace.fs and the open documents' text behind the
 * engine's host interface (unsaved text wins over the disk), changes debounced and handed to
 * `engine.update`. Discovery, globs, config lookup and the per-file guard are the engine's,
 * the same as the CLI's. Every snapshot carries the generation it was computed from.
 */
import * as vscode from 'vscode';
import type { Diagnostic } from '../core/check';
import { defaultConfig, type ConfigResult, type RoadmarkConfig } from '../core/config/config';
import { baselineLabel, ruleBaseline, type BaselineInfo } from '../core/drift/index';
import { localDay, type Day } from '../core/dates';
import { isConfigName, PlanEngine, type EngineHost, type EngineResult, type EngineRoot, type ParseFn } from '../core/engine/index';
import type { ParsedFile } from '../core/model/types';
import type { PlanWorkspace, ResolvedWorkspace } from '../core/model/workspace';
import { isCandidatePath, parsePlanFile } from '../core/parse/index';
import { createFilesExclude } from './file-filter';
import { entryType } from './fs';
import { effectiveConfig } from './settings';

const DEBOUNCE_MS = 150;

/** What the views and diagnostics read after each check. */
export interface IndexSnapshot {
  /** The engine generation this snapshot was computed from; anything built from it carries it on. */
  generation: number;
  ws: ResolvedWorkspace;
  diagnostics: Diagnostic[];
  /** The same diagnostics by core path. */
  byFile: ReadonlyMap<string, Diagnostic[]>;
  /** Files (core paths) whose diagnostics changed since the previous snapshot (a result never published included). */
  changed: ReadonlySet<string>;
  today: Day;
  riskWindowDays: number;
  configs: { uri: vscode.Uri; result: ConfigResult }[];
  /** The drift baseline the snapshot was checked against (1.1), when one is set. */
  baseline?: SnapshotBaseline;
}

export interface SnapshotBaseline {
  info: BaselineInfo;
  /** "origin/main (3f2a9c1, 2026-10-01)". */
  label: string;
  ws: ResolvedWorkspace;
}

export class IndexService implements vscode.Disposable {
  private readonly engine: PlanEngine;
  /** Files opened from outside every workspace folder, by their path. */
  private readonly loose = new Map<string, vscode.Uri>();
  private readonly pendingChanged = new Map<string, vscode.Uri>();
  private readonly pendingRemoved = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = 0;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;
  private readonly changed = new vscode.EventEmitter<IndexSnapshot>();
  readonly onDidUpdate = this.changed.event;
  snapshot: IndexSnapshot | undefined;
  /** The last update after an edit: the engine's read and check, then the listeners of the new snapshot (for the in-editor benchmark). */
  lastUpdate: { checkMs: number; publishMs: number } | undefined;
  /** Milliseconds from construction to the first completed check, for the output log and tests. */
  firstCheckMs: number | undefined;
  private readonly born = Date.now();
  /** The version of each open document the engine last read (absent: read from disk). */
  private readonly readVersions = new Map<string, number>();
  private progress: ((done: number, total: number) => void) | undefined;
  private baseline: SnapshotBaseline | undefined;
  /** Changes of results that were not published, carried into the next snapshot. */
  private readonly carried = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.engine = new PlanEngine(this.host(), {
      clock: () => localDay(new Date()),
      incremental: true,
      parse: testSeamParser(),
      onProgress: (done, total) => this.progress?.(done, total),
    });
  }

  /** The parsed files (the engine's); its generation is the last snapshot's. */
  get plans(): PlanWorkspace {
    return this.engine.plans;
  }

  /** Path of a document as the core sees it: workspace-relative, as in CLI output. */
  pathOf(uri: vscode.Uri): string {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  uriOf(path: string): vscode.Uri | undefined {
    const loose = this.loose.get(path);
    if (loose) return loose;
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length > 1) {
      const slash = path.indexOf('/');
      const folder = folders.find((f) => f.name === (slash < 0 ? path : path.slice(0, slash)));
      return folder && (slash < 0 ? folder.uri : vscode.Uri.joinPath(folder.uri, path.slice(slash + 1)));
    }
    return folders[0] && (path === '' ? folders[0].uri : vscode.Uri.joinPath(folders[0].uri, path));
  }

  fileOf(uri: vscode.Uri): ParsedFile | undefined {
    return this.plans.get(this.pathOf(uri));
  }

  /** Resolves once no scan, read or check is pending. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Whether the latest snapshot was computed from this version of the document: no check is
   * running (one may have read it and not yet published), and the last read of the file was this
   * version. A re-read still waiting for its debounce (a watcher's event after a save, say) would
   * read the same open document again, so it does not make the snapshot stale for it. Edits
   * computed from the snapshot's spans are safe only when this holds.
   */
  isCurrent(doc: vscode.TextDocument): boolean {
    return this.busy === 0 && this.readVersions.get(this.pathOf(doc.uri)) === doc.version;
  }

  /** Waits for the pending check (at most `ms`) and says whether the snapshot is then current for the document. */
  async currentFor(doc: vscode.TextDocument, ms = 3000): Promise<boolean> {
    if (!this.isCurrent(doc)) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([this.whenIdle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
      clearTimeout(timer);
    }
    return this.isCurrent(doc);
  }

  /** Reads the config of every folder and every plan file again. */
  rescan(): Promise<void> {
    return this.track(async () => {
      this.engine.setRoots((vscode.workspace.workspaceFolders ?? []).map((f) => this.rootOf(f)));
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Roadmark: indexing plan files') }, (progress) => {
        this.progress = (done, total) => progress.report({ message: vscode.l10n.t('{0} of {1} files', done, total) });
        return this.engine.scan().finally(() => (this.progress = undefined));
      });
      this.publish(result);
    });
  }

  /** Sets (or clears) the drift baseline: the slipped rule runs against it and views read it from the snapshot. */
  setBaseline(baseline: { info: BaselineInfo; ws: ResolvedWorkspace } | undefined): Promise<void> {
    return this.track(async () => {
      this.baseline = baseline && { ...baseline, label: baselineLabel(baseline.info) };
      const result = await this.engine.setBaseline(baseline && ruleBaseline(baseline.info.ref, baseline.ws.nodes));
      if (this.snapshot) this.publish(result);
      else for (const path of result.changed) this.carried.add(path);
    });
  }

  /** The config of the first folder as the engine read it (for reading the baseline alike). */
  get config(): RoadmarkConfig {
    return this.engine.result?.configs[0]?.result?.config ?? defaultConfig();
  }

  /** Queues a document or file for re-reading after the debounce. */
  queue(uri: vscode.Uri): void {
    if (!isCandidatePath(uri.path) && !isConfigName(uri.path)) return;
    if (!this.accepts(uri)) return;
    const path = this.pathOf(uri);
    if (!vscode.workspace.getWorkspaceFolder(uri)) this.loose.set(path, uri);
    this.pendingRemoved.delete(path);
    this.pendingChanged.set(path, uri);
    this.scheduleFlush();
  }

  /** Queues a created folder: the engine reads what is under it (watchers may report only the folder). */
  queueFolder(uri: vscode.Uri): void {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return;
    const path = this.pathOf(uri);
    this.pendingRemoved.delete(path);
    this.pendingChanged.set(path, uri);
    this.scheduleFlush();
  }

  /** Forgets a deleted file, or everything under a deleted folder. */
  removeUri(uri: vscode.Uri): void {
    const path = this.pathOf(uri);
    this.pendingChanged.delete(path);
    this.pendingRemoved.set(path, uri);
    this.scheduleFlush();
  }

  /** Removes a document that is not part of any workspace folder once it is closed. */
  closed(doc: vscode.TextDocument): void {
    if (!vscode.workspace.getWorkspaceFolder(doc.uri)) this.removeUri(doc.uri);
    else this.queue(doc.uri);
  }

  isConfigUri(uri: vscode.Uri): boolean {
    return isConfigName(uri.path) && !!vscode.workspace.getWorkspaceFolder(uri);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }

  /**
   * Documents of the workspace (any scheme, so virtual workspaces work) and local files opened
   * from elsewhere; not the other views of a file that editors open (git diffs, previews).
   */
  private accepts(uri: vscode.Uri): boolean {
    return !!vscode.workspace.getWorkspaceFolder(uri) || uri.scheme === 'file';
  }

  private rootOf(folder: vscode.WorkspaceFolder): EngineRoot {
    const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude') ?? {};
    return { path: multi ? folder.name : '', settings: (fileConfig) => effectiveConfig(fileConfig, folder), hostExcluded: createFilesExclude(filesExclude) };
  }

  /** workspace.fs and the open documents, as the engine's host. */
  private host(): EngineHost {
    const uri = (path: string) => {
      const found = this.uriOf(path);
      if (!found) throw Object.assign(new Error(`no workspace folder holds ${path}`), { code: 'FileNotFound' });
      return found;
    };
    return {
      stat: async (path) => ({ type: entryType((await vscode.workspace.fs.stat(uri(path))).type) }),
      readDirectory: async (path) => (await vscode.workspace.fs.readDirectory(uri(path))).map(([name, type]) => [name, entryType(type)]),
      readFile: async (path) => {
        const target = uri(path).toString();
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target && !d.isClosed);
        // Which version of an open document the model was read from: edits computed from it check it (habit 16).
        if (open) this.readVersions.set(path, open.version);
        else this.readVersions.delete(path);
        return open ? open.getText() : vscode.workspace.fs.readFile(uri(path));
      },
    };
  }

  private scheduleFlush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  private flush(): Promise<void> {
    this.timer = undefined;
    const changed = [...this.pendingChanged.keys()];
    const removed = [...this.pendingRemoved.keys()];
    this.pendingChanged.clear();
    this.pendingRemoved.clear();
    return this.track(async () => {
      const started = performance.now();
      const result = await this.engine.update(changed, removed);
      const checked = performance.now();
      for (const path of removed) this.loose.delete(path);
      this.publish(result);
      this.lastUpdate = { checkMs: checked - started, publishMs: performance.now() - checked };
    });
  }

  private publish(result: EngineResult): void {
    if (this.disposed) return;
    // A newer result already went out (operations queue in the engine, so this is a safeguard).
    if (this.snapshot && result.generation < this.snapshot.generation) {
      for (const path of result.changed) this.carried.add(path);
      return;
    }
    let changed = result.changed;
    if (this.carried.size) {
      changed = new Set([...this.carried, ...result.changed]);
      this.carried.clear();
    }
    const configs = result.configs.flatMap((c) => {
      const u = c.result && this.uriOf(c.path);
      return u ? [{ uri: u, result: c.result! }] : [];
    });
    this.snapshot = { generation: result.generation, ws: result.ws, diagnostics: result.diagnostics, byFile: result.byFile, changed, today: result.today, riskWindowDays: result.riskWindowDays, configs, baseline: this.baseline };
    if (this.firstCheckMs === undefined) {
      this.firstCheckMs = Date.now() - this.born;
      this.log.info(`Indexed ${result.ws.files.length} plan files, ${result.ws.nodes.length} items; first diagnostics ${this.firstCheckMs} ms after start`);
    }
    this.log.trace(`Generation ${result.generation}: ${result.diagnostics.length} diagnostics, ${result.changed.size} files changed`);
    this.changed.fire(this.snapshot);
  }

  private isIdle(): boolean {
    return this.busy === 0 && this.timer === undefined && this.pendingChanged.size === 0 && this.pendingRemoved.size === 0;
  }

  private async track(work: () => Promise<void>): Promise<void> {
    this.busy++;
    try {
      await work();
    } catch (err) {
      this.log.error(`Roadmark: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    } finally {
      this.busy--;
      if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}

/** The marker that makes the parser throw, in test runs only. */
export const TEST_THROW_MARKER = '<!-- roadmark-test: throw -->';

/**
 * Test seam, off in production: only when the integration runners start VS Code (they set
 * ROADMARK_TEST_REPORT for the test extension) does a file holding TEST_THROW_MARKER make the
 * parser throw, to prove the engine's per-file guard inside the real editor.
 */
function testSeamParser(): ParseFn | undefined {
  if (typeof process === 'undefined' || !process.env.ROADMARK_TEST_REPORT) return undefined;
  return (path, text, options) => {
    if (text.includes(TEST_THROW_MARKER)) throw new Error('test seam: the parser throws on this file');
    return parsePlanFile(path, text, options);
  };
}
