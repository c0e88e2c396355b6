/**
 * Keeps the core's workspace index in step with the editor: a first scan of every plan file,
 * then one file at a time as documents are edited (unsaved text wins over the disk), created,
 * renamed or deleted. Changes are debounced; reads that a newer change overtook are dropped.
 */
import * as vscode from 'vscode';
import { checkWorkspace, type Diagnostic } from '../core/check';
import { parseConfig, type ConfigResult, type RoadmarkConfig } from '../core/config/config';
import { localDay, type Day } from '../core/dates';
import type { ParsedFile } from '../core/model/types';
import { PlanWorkspace, type ResolvedWorkspace } from '../core/model/workspace';
import { failedFile, isCandidatePath, parsePlanFile, SectionCache, typeFromName } from '../core/parse/index';
import { createFileFilter, type FileFilter } from './file-filter';
import { effectiveConfig } from './settings';
import { exists } from './fs';

export const CONFIG_FILE = '.roadmark.yaml';
const DEBOUNCE_MS = 150;
const READ_BATCH = 32;

interface FolderState {
  folder: vscode.WorkspaceFolder;
  configUri: vscode.Uri;
  fileConfig?: ConfigResult;
  config: RoadmarkConfig;
  filter: FileFilter;
}

/** What the views and diagnostics read after each check. */
export interface IndexSnapshot {
  ws: ResolvedWorkspace;
  diagnostics: Diagnostic[];
  today: Day;
  riskWindowDays: number;
  configs: { uri: vscode.Uri; result: ConfigResult }[];
}

export class IndexService implements vscode.Disposable {
  readonly plans = new PlanWorkspace();
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly sections = new SectionCache();
  private folders: FolderState[] = [];
  private readonly pending = new Map<string, vscode.Uri>();
  private readonly versions = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = 0;
  private idleWaiters: (() => void)[] = [];
  private scanGeneration = 0;
  private readonly changed = new vscode.EventEmitter<IndexSnapshot>();
  readonly onDidUpdate = this.changed.event;
  snapshot: IndexSnapshot | undefined;
  /** Milliseconds from construction to the first completed check, for the output log and tests. */
  firstCheckMs: number | undefined;
  private readonly born = Date.now();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Path of a document as the core sees it: workspace-relative, as in CLI output. */
  pathOf(uri: vscode.Uri): string {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  uriOf(path: string): vscode.Uri | undefined {
    return this.uris.get(path) ?? this.folders.find((f) => this.pathOf(f.configUri) === path)?.configUri;
  }

  fileOf(uri: vscode.Uri): ParsedFile | undefined {
    return this.plans.get(this.pathOf(uri));
  }

  /** Resolves once no scan, read or check is pending. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Reads the config of every folder and every plan file again. */
  async rescan(): Promise<void> {
    const generation = ++this.scanGeneration;
    await this.track(async () => {
      this.folders = await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.loadFolder(f)));
      const found = await Promise.all(this.folders.map((f) => this.findPlanCandidates(f)));
      if (generation !== this.scanGeneration) return;
      const uris = found.flat();
      const keep = new Set(uris.map((u) => this.pathOf(u)));
      for (const path of this.plans.paths()) {
        const uri = this.uris.get(path);
        if (!keep.has(path) && !(uri && this.isOpenOutsideFolders(uri))) this.remove(path);
      }
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Roadmark: indexing plan files' }, async (progress) => {
        for (let i = 0; i < uris.length && generation === this.scanGeneration; i += READ_BATCH) {
          const batch = uris.slice(i, i + READ_BATCH);
          await Promise.all(batch.map((uri) => this.refreshFile(uri)));
          progress.report({ message: `${Math.min(i + READ_BATCH, uris.length)} of ${uris.length} files` });
        }
      });
      if (generation === this.scanGeneration) this.recheck();
    });
  }

  /** Queues a document or file for re-reading after the debounce. */
  queue(uri: vscode.Uri): void {
    if (!isCandidatePath(uri.path) && !uri.path.endsWith(CONFIG_FILE)) return;
    if (!this.accepts(uri)) return;
    const key = uri.toString();
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    this.pending.set(key, uri);
    this.scheduleRecheck();
  }

  /** Forgets a deleted file, or everything under a deleted folder. */
  removeUri(uri: vscode.Uri): void {
    const prefix = uri.toString() + '/';
    for (const [path, u] of [...this.uris]) if (u.toString() === uri.toString() || u.toString().startsWith(prefix)) this.remove(path);
    this.scheduleRecheck();
  }

  /** Removes a document that is not part of any workspace folder once it is closed. */
  closed(doc: vscode.TextDocument): void {
    if (this.isOpenOutsideFolders(doc.uri, true)) this.removeUri(doc.uri);
    else this.queue(doc.uri);
  }

  /**
   * Documents of the workspace (any scheme, so virtual workspaces work) and local files opened
   * from elsewhere; not the other views of a file that editors open (git diffs, previews).
   */
  private accepts(uri: vscode.Uri): boolean {
    return !!vscode.workspace.getWorkspaceFolder(uri) || uri.scheme === 'file';
  }

  isConfigUri(uri: vscode.Uri): boolean {
    return uri.path.endsWith('/' + CONFIG_FILE);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.scanGeneration++;
    this.changed.dispose();
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending.clear();
    if (batch.some((u) => this.isConfigUri(u))) return this.rescan();
    await this.track(async () => {
      await Promise.all(batch.map((uri) => this.refreshFile(uri)));
      this.recheck();
    });
  }

  /** (Re)starts the debounce; the flush re-reads what is pending and checks again. */
  private scheduleRecheck(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  /** Reads one file (the open document's text when there is one) and updates the index. */
  private async refreshFile(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const version = this.versions.get(key);
    const folder = this.folderOf(uri);
    const rel = folder ? vscode.workspace.asRelativePath(uri, false) : undefined;
    const path = this.pathOf(uri);
    if (!isCandidatePath(uri.path) || (folder && rel !== undefined && folder.filter.excluded(rel))) {
      this.remove(path);
      return;
    }
    const text = await this.readText(uri);
    if (this.versions.get(key) !== version) return;
    if (text === undefined) {
      const type = typeFromName(uri.path);
      if (type && (await exists(uri))) this.put(path, uri, failedFile(path, type, 'This file could not be read'));
      else this.remove(path);
      return;
    }
    const parsed = parsePlanFile(path, text, { cache: this.sections, included: !!(folder && rel !== undefined && folder.filter.included(rel)) });
    if (parsed) this.put(path, uri, parsed);
    else this.remove(path);
  }

  private async readText(uri: vscode.Uri): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
    if (open) return open.getText();
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  private put(path: string, uri: vscode.Uri, file: ParsedFile): void {
    this.uris.set(path, uri);
    this.plans.set(file);
  }

  private remove(path: string): void {
    this.plans.delete(path);
    this.uris.delete(path);
  }

  private recheck(): void {
    const started = Date.now();
    const ws = this.plans.resolve();
    const clockToday = localDay(new Date());
    const primary = this.folders[0]?.config ?? effectiveConfig(undefined, undefined);
    const diagnostics: Diagnostic[] = [];
    const groups = this.pathsByFolder(ws);
    for (const [folder, files] of groups) {
      const config = folder?.config ?? primary;
      diagnostics.push(...checkWorkspace(ws, { today: config.today ?? clockToday, config, files }));
    }
    const configs = this.folders.filter((f) => f.fileConfig).map((f) => ({ uri: f.configUri, result: f.fileConfig! }));
    this.snapshot = { ws, diagnostics, today: primary.today ?? clockToday, riskWindowDays: primary.riskWindowDays, configs };
    if (this.firstCheckMs === undefined) {
      this.firstCheckMs = Date.now() - this.born;
      this.log.info(`Indexed ${ws.files.length} plan files, ${ws.nodes.length} items; first diagnostics ${this.firstCheckMs} ms after start`);
    }
    this.log.trace(`Checked ${ws.nodes.length} items in ${Date.now() - started} ms: ${diagnostics.length} diagnostics`);
    this.changed.fire(this.snapshot);
  }

  private pathsByFolder(ws: ResolvedWorkspace): Map<FolderState | undefined, Set<string>> {
    const groups = new Map<FolderState | undefined, Set<string>>();
    for (const file of ws.files) {
      const uri = this.uris.get(file.path);
      const folder = uri && this.folderOf(uri);
      if (!groups.has(folder)) groups.set(folder, new Set());
      groups.get(folder)!.add(file.path);
    }
    return groups;
  }

  private folderOf(uri: vscode.Uri): FolderState | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && this.folders.find((f) => f.folder.uri.toString() === folder.uri.toString());
  }

  private async loadFolder(folder: vscode.WorkspaceFolder): Promise<FolderState> {
    const configUri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
    const text = await this.readText(configUri);
    const fileConfig = text === undefined ? undefined : parseConfig(text);
    const config = effectiveConfig(fileConfig?.config, folder);
    const filesExclude = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude') ?? {};
    return { folder, configUri, fileConfig, config, filter: createFileFilter(filesExclude, config.exclude, config.include) };
  }

  private async findPlanCandidates(state: FolderState): Promise<vscode.Uri[]> {
    const pattern = new vscode.RelativePattern(state.folder, '**/*.{md,markdown,yaml,yml}');
    const uris = await vscode.workspace.findFiles(pattern, '{**/node_modules/**,**/.git/**}');
    return uris
      .filter((u) => !state.filter.excluded(vscode.workspace.asRelativePath(u, false)) && !this.isConfigUri(u))
      .sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
  }

  /** A document open in an editor that belongs to no workspace folder (indexed only while open). */
  private isOpenOutsideFolders(uri: vscode.Uri, ignoreOpenState = false): boolean {
    if (vscode.workspace.getWorkspaceFolder(uri)) return false;
    return ignoreOpenState || vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  }

  private isIdle(): boolean {
    return this.busy === 0 && this.timer === undefined && this.pending.size === 0;
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
