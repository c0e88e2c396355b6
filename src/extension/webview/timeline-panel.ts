/**
 * The timeline webview: one panel, fed the timeline model after every check, talking over the
 * typed protocol. Everything the webview sends is validated before it is acted on.
 *
 * Async safety: each model goes out with the generation of the index it was built from; a drag
 * or click names the generation it was made on, and one made on an older model, or on text the
 * index has not read yet, is refused and answered with a fresh model.
 */
import * as vscode from 'vscode';
import { checkReschedule, isCurrentOpen, PNG_DATA_URL, parseWebviewMessage, type HostMessage, type WebviewMessage } from '../../protocol/messages';
import { rescheduleEdit } from '../../core/language/reschedule';
import { parsePlanFile } from '../../core/parse/index';
import type { ParsedFile } from '../../core/model/types';
import type { IndexService, IndexSnapshot } from '../index-service';
import { buildTimelineView } from '../../core/outline/timeline';
import { withBaseline } from '../../core/drift/index';
import { driftOf } from '../drift/drift-of';
import type { TimelineView } from '../../protocol/timeline';
import { timelinePage } from '../../render/page';
import { base64ToBytes, randomNonce } from '../web/platform';

export const TIMELINE_VIEW_TYPE = 'roadmark.timeline';
const LIVE_DEBOUNCE_MS = 40;

export class TimelinePanel implements vscode.Disposable {
  private static current: TimelinePanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private model: TimelineView | undefined;
  /** The index generation `model` was built from. */
  private modelGeneration: number | undefined;
  /** The generation of each snapshot, taken when the index announced it. */
  private readonly generations = new WeakMap<IndexSnapshot, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private disposed = false;
  private pendingReveal: string | undefined;
  /** A click made on a model the plans have since outgrown: carried out once the model catches up. */
  private pendingOpen: { file: string; title: string } | undefined;
  /** The last few models sent, by generation: a click names a row of the model the page was showing. */
  private readonly sentModels = new Map<number, TimelineView>();
  private includeTasks = false;
  /** Every message handled, newest last: the integration tests read it. */
  readonly received: WebviewMessage[] = [];
  /** Where the next export goes without asking (scripted use and tests); cleared once used. */
  nextExportTarget: vscode.Uri | undefined;

  static show(context: vscode.ExtensionContext, index: IndexService, revealRowId?: string): TimelinePanel {
    if (TimelinePanel.current) {
      TimelinePanel.current.panel.reveal(vscode.ViewColumn.Beside);
    } else {
      const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, vscode.l10n.t('Roadmark Timeline'), vscode.ViewColumn.Beside, webviewOptions(context));
      TimelinePanel.current = new TimelinePanel(panel, context, index);
    }
    if (revealRowId) TimelinePanel.current.reveal(revealRowId);
    return TimelinePanel.current;
  }

  static restore(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, index: IndexService): TimelinePanel {
    panel.webview.options = webviewOptions(context);
    TimelinePanel.current?.dispose();
    TimelinePanel.current = new TimelinePanel(panel, context, index);
    return TimelinePanel.current;
  }

  static get instance(): TimelinePanel | undefined {
    return TimelinePanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly context: vscode.ExtensionContext, private readonly index: IndexService) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'roadmark.svg');
    panel.webview.html = this.html();
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((raw) => void this.handleMessage(raw), null, this.disposables);
    index.onDidUpdate((snapshot) => {
      // The index fires right after building the snapshot, so its generation now is the snapshot's.
      this.generations.set(snapshot, this.index.plans.generation);
      this.schedule(snapshot);
    }, null, this.disposables);
    if (index.snapshot) this.scheduleWhenIdle();
  }

  /** A snapshot the panel did not see announced: its generation is known once the index is idle. */
  private scheduleWhenIdle(): void {
    void this.index.whenIdle().then(() => {
      const snapshot = this.index.snapshot;
      if (!snapshot || this.disposed) return;
      if (this.generationOf(snapshot) === undefined) this.generations.set(snapshot, this.index.plans.generation);
      this.schedule(snapshot);
    });
  }

  private generationOf(snapshot: IndexSnapshot): number | undefined {
    const own = (snapshot as IndexSnapshot & { generation?: unknown }).generation;
    return typeof own === 'number' ? own : this.generations.get(snapshot);
  }

  reveal(rowId: string): void {
    if (this.ready) void this.post({ type: 'reveal', rowId });
    else this.pendingReveal = rowId;
  }

  /** Asks the webview for the whole timeline as an image; it answers with an `export` message. */
  requestExport(format: 'svg' | 'png'): void {
    void this.post({ type: 'requestExport', format });
  }

  /** The model last sent to the webview. */
  get currentModel(): TimelineView | undefined {
    return this.model;
  }

  /** The index generation of the model last sent (what a message from the page echoes). */
  get currentGeneration(): number | undefined {
    return this.modelGeneration;
  }

  dispose(): void {
    this.disposed = true;
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private schedule(snapshot: IndexSnapshot): void {
    const generation = this.generationOf(snapshot);
    if (generation === undefined) return this.scheduleWhenIdle();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const view = buildTimelineView(snapshot.ws, { today: snapshot.today, diagnostics: snapshot.diagnostics, includeTasks: this.includeTasks });
      const drift = driftOf(snapshot);
      this.model = drift && snapshot.baseline ? withBaseline(view, snapshot.ws, snapshot.baseline.ws, drift.report, snapshot.baseline.label) : view;
      this.modelGeneration = generation;
      this.sentModels.set(generation, this.model);
      for (const old of [...this.sentModels.keys()].slice(0, -3)) this.sentModels.delete(old);
      this.sendModel();
      this.openPending();
    }, LIVE_DEBOUNCE_MS);
  }

  private sendModel(): void {
    if (this.ready && this.model && this.modelGeneration !== undefined) void this.post({ type: 'model', model: this.model, generation: this.modelGeneration });
  }

  /** A message made on an older model: send the freshest model there is (a newer one follows the index's next check). */
  private refreshStale(): void {
    const snapshot = this.index.snapshot;
    if (snapshot && this.generationOf(snapshot) !== this.modelGeneration) this.schedule(snapshot);
    else this.sendModel();
  }

  private post(message: HostMessage<TimelineView>): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  /** Acts on a message from the webview, once validated (public for the integration tests). */
  async handleMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    this.received.push(message);
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.sendModel();
        if (this.pendingReveal) await this.post({ type: 'reveal', rowId: this.pendingReveal });
        this.pendingReveal = undefined;
        return;
      case 'options':
        this.includeTasks = message.tasks;
        if (this.index.snapshot) this.schedule(this.index.snapshot);
        return;
      case 'open':
        if (!isCurrentOpen(message, this.modelGeneration, this.index.plans.generation)) {
          const shown = message.generation === undefined ? this.model : this.sentModels.get(message.generation);
          const row = shown?.rows.find((r) => r.id === message.rowId);
          this.pendingOpen = row?.source ? { file: row.source.file, title: row.title } : undefined;
          this.refreshStale();
          return this.openPending();
        }
        this.pendingOpen = undefined;
        return this.openRow(message.rowId);
      case 'reschedule':
        return this.reschedule(message);
      case 'export':
        return this.export(message.format, message.data);
    }
  }

  /** Opens the row a stale click meant, found again by file and title, once the model is current. */
  private openPending(): void {
    const wanted = this.pendingOpen;
    if (!wanted || this.modelGeneration !== this.index.plans.generation) return;
    this.pendingOpen = undefined;
    const row = this.model?.rows.find((r) => r.source?.file === wanted.file && r.title === wanted.title);
    if (row) void this.openRow(row.id);
  }

  private rowSource(rowId: string): { path: string; index: number } | undefined {
    const row = this.model?.rows.find((r) => r.id === rowId);
    return row?.source ? { path: row.source.file, index: row.source.index } : undefined;
  }

  /** Opens the item beside the timeline, never over it. */
  private async openRow(rowId: string): Promise<void> {
    const source = this.rowSource(rowId);
    const uri = source && this.index.uriOf(source.path);
    const item = source && this.index.plans.get(source.path)?.items[source.index];
    if (!source || !uri || !item) return;
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = doc.positionAt(item.anchor.start);
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Range(at, at), preserveFocus: false });
  }

  private async reschedule(message: Extract<WebviewMessage, { type: 'reschedule' }>): Promise<void> {
    const check = checkReschedule(message, this.model, this.modelGeneration, this.index.plans.generation);
    if (!check.ok) {
      if (check.stale) this.refreshStale();
      return;
    }
    const { row, field, day } = check;
    const uri = this.index.uriOf(row.source.file);
    const indexed = this.index.plans.get(row.source.file);
    const item = indexed?.items[row.source.index];
    if (!uri || !indexed || !item || item.kind !== row.kind || item.title !== row.title) return this.refreshStale();
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText();
    // The spans must be of this very text: the index may not have read the latest keystrokes yet.
    if (this.index.plans.generation !== this.modelGeneration) return this.refreshStale();
    if (!sameParse(indexed, parsePlanFile(indexed.path, text, { included: true }))) return this.refreshStale();
    const result = rescheduleEdit(indexed, row.source.index, field, day, text);
    if (!result.ok) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Roadmark: {0}', result.reason));
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(result.edit.span.start), doc.positionAt(result.edit.span.end)), result.edit.newText);
    await vscode.workspace.applyEdit(edit);
  }

  private async export(format: 'svg' | 'png', data: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const preset = this.nextExportTarget;
    this.nextExportTarget = undefined;
    const target = preset ?? await vscode.window.showSaveDialog({
      defaultUri: folder && vscode.Uri.joinPath(folder, `timeline.${format}`),
      filters: format === 'svg' ? { [vscode.l10n.t('SVG image')]: ['svg'] } : { [vscode.l10n.t('PNG image')]: ['png'] },
    });
    if (!target) return;
    // parseWebviewMessage checked the SVG document and the PNG's base64 and signature already.
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : base64ToBytes(data.slice(PNG_DATA_URL.length));
    await vscode.workspace.fs.writeFile(target, bytes);
    if (!preset) void vscode.window.showInformationMessage(vscode.l10n.t('Roadmark: timeline saved to {0}', vscode.workspace.asRelativePath(target)));
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = randomNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.js'));
    const csp = [
      "default-src 'none'",
      // The page script injects its stylesheet with this nonce; nothing else may style the page.
      `style-src ${webview.cspSource} 'nonce-${nonce}'`,
      `img-src ${webview.cspSource} data:`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return timelinePage({ csp, title: vscode.l10n.t('Roadmark Timeline'), host: 'vscode', scripts: `<script nonce="${nonce}" src="${script}"></script>` });
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media'), vscode.Uri.joinPath(context.extensionUri, 'dist')],
  };
}

/** Whether the text reads to the same items at the same places as the index's copy. */
function sameParse(indexed: ParsedFile, fresh: ParsedFile | undefined): boolean {
  return !!fresh && fresh.type === indexed.type && JSON.stringify(fresh.items) === JSON.stringify(indexed.items);
}
