/** Wires the index service, diagnostics, views and commands together. */
import * as vscode from 'vscode';
import { itemAtCursor, registerCommands } from './commands';
import { DiagnosticsPublisher } from './diagnostics';
import { RoadmarkQuickFixes } from './quick-fixes';
import { registerMoveDeadline } from './move-deadline';
import { LinkNavigation } from './navigation';
import { registerLanguageFeatures } from './language-features';
import { IndexService, type IndexSnapshot } from './index-service';
import { StatusBar } from './status-bar';
import type { TreeElement } from './views/elements';
import type { ItemFilter } from './views/flags';
import { RoadmapTreeProvider } from './views/roadmap-view';
import { ScheduleTreeProvider } from './views/schedule-view';
import { registerTimeline } from './webview/register';
import { TimelinePanel } from './webview/timeline-panel';
import { ViewsUpdater } from './views/views-updater';
import { DriftController } from './drift/drift-controller';
import { pickBaseline } from './drift/pick-baseline';
import { YamlSupport } from './yaml-support';
import { looksLikePlan } from './plan-names';

/** What the extension returns from `activate`: used by the integration tests. */
export interface RoadmarkApi {
  index: IndexService;
  roadmap: RoadmapTreeProvider;
  schedule: ScheduleTreeProvider;
  whenIdle(): Promise<void>;
  activationMs: number;
  timeline(): TimelinePanel | undefined;
  views: { roadmap: vscode.TreeView<TreeElement>; schedule: vscode.TreeView<TreeElement> };
  drift: DriftController;
  yaml: YamlSupport;
}

/** The trees and the status bar follow the index at most this often while it keeps changing. */
const VIEWS_INTERVAL_MS = 500;
const VIEWS_SETTLE_MS = 200;

export function activate(context: vscode.ExtensionContext): RoadmarkApi {
  const started = Date.now();
  const log = vscode.window.createOutputChannel('Roadmark', { log: true });
  const index = new IndexService(log);
  const diagnostics = new DiagnosticsPublisher(index);
  const roadmap = new RoadmapTreeProvider();
  const schedule = new ScheduleTreeProvider();
  const roadmapView = vscode.window.createTreeView<TreeElement>('roadmark.roadmap', { treeDataProvider: roadmap, showCollapseAll: true });
  const scheduleView = vscode.window.createTreeView<TreeElement>('roadmark.schedule', { treeDataProvider: schedule });
  const statusBar = new StatusBar();
  const yaml = new YamlSupport(context, looksLikePlan);
  context.subscriptions.push(log, index, diagnostics, roadmapView, scheduleView, statusBar, yaml);

  const setFilter = (filter: ItemFilter) => {
    roadmap.setFilter(filter);
    const active = Object.values(filter).some((v) => v !== undefined);
    roadmapView.description = active ? [filter.owner !== undefined ? vscode.l10n.t('owner: {0}', filter.owner) : undefined, filter.status !== undefined ? vscode.l10n.t('status: {0}', filter.status) : undefined].filter(Boolean).join(', ') : undefined;
    void vscode.commands.executeCommand('setContext', 'roadmark.filtered', active);
  };

  const updateViews = (snapshot: IndexSnapshot) => {
    roadmap.update(snapshot);
    schedule.update(snapshot);
    const overdue = schedule.count('overdue');
    const atRisk = snapshot.diagnostics.filter((d) => d.rule === 'at-risk').length;
    roadmapView.badge = overdue ? { value: overdue, tooltip: vscode.l10n.t('{0} overdue', overdue) } : undefined;
    statusBar.update(snapshot.ws.files.length > 0, overdue, atRisk);
    void vscode.commands.executeCommand('setContext', 'roadmark.hasPlans', snapshot.ws.files.length > 0);
    void vscode.commands.executeCommand('setContext', 'roadmark.ready', true);
  };
  const views = new ViewsUpdater(updateViews, VIEWS_INTERVAL_MS);
  context.subscriptions.push(views);
  index.onDidUpdate((snapshot: IndexSnapshot) => {
    diagnostics.publish(snapshot);
    views.push(snapshot);
  }, null, context.subscriptions);
  // Someone waiting for the views (a command, a test) gets them now, not at the next interval.
  const whenIdle = async () => {
    await index.whenIdle();
    await views.flush();
  };

  registerCommands({
    context, index, roadmap, roadmapView, setFilter,
    whenIdle: async () => {
      await index.whenIdle();
      await views.settled(VIEWS_SETTLE_MS);
    },
    holdViews: (work) => views.hold(work),
  });
  const drift = new DriftController(index, log);
  context.subscriptions.push(drift, vscode.commands.registerCommand('roadmark.pickBaseline', () => pickBaseline(drift)));
  registerTimeline(context, index);
  registerLanguageFeatures(context, index);
  registerMoveDeadline(context, index);
  const planDocuments = [{ language: 'markdown' }, { language: 'yaml' }];
  const navigation = new LinkNavigation(index);
  context.subscriptions.push(vscode.languages.registerDefinitionProvider(planDocuments, navigation), vscode.languages.registerHoverProvider(planDocuments, navigation));
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }, { language: 'yaml' }], new RoadmarkQuickFixes(index), { providedCodeActionKinds: RoadmarkQuickFixes.kinds }));
  watchWorkspace(context, index);
  followCursor(context, index, roadmap, roadmapView);
  void index.rescan();
  return { index, roadmap, schedule, whenIdle, activationMs: Date.now() - started, timeline: () => TimelinePanel.instance, views: { roadmap: roadmapView, schedule: scheduleView }, drift, yaml };
}

function watchWorkspace(context: vscode.ExtensionContext, index: IndexService): void {
  const subs = context.subscriptions;
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yaml,yml}');
  subs.push(watcher);
  watcher.onDidCreate((uri) => index.queue(uri), null, subs);
  watcher.onDidChange((uri) => index.queue(uri), null, subs);
  // A deleted config (.roadmark.yaml or .yml) makes the engine scan again.
  watcher.onDidDelete((uri) => index.removeUri(uri), null, subs);
  // A deleted folder comes as one event for the folder, which the plan-file glob does not match.
  // A created folder may come as one event too, without events for the files written into it.
  const deletions = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  subs.push(deletions);
  deletions.onDidDelete((uri) => {
    if (!/\.(?:md|markdown|ya?ml)$/i.test(uri.path)) index.removeUri(uri);
  }, null, subs);
  deletions.onDidCreate((uri) => {
    if (/\.[^/]*$/.test(uri.path)) return;
    void vscode.workspace.fs.stat(uri).then((s) => s.type & vscode.FileType.Directory && index.queueFolder(uri), () => undefined);
  }, null, subs);
  vscode.workspace.onDidRenameFiles((e) => {
    for (const { oldUri, newUri } of e.files) {
      index.removeUri(oldUri);
      index.queue(newUri);
    }
    if (e.files.some((f) => !/\.[^/]+$/.test(f.newUri.path))) void index.rescan();
  }, null, subs);
  vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length) index.queue(e.document.uri);
  }, null, subs);
  vscode.workspace.onDidOpenTextDocument((doc) => index.queue(doc.uri), null, subs);
  vscode.workspace.onDidCloseTextDocument((doc) => index.closed(doc), null, subs);
  vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('roadmark') || e.affectsConfiguration('files.exclude')) void index.rescan();
  }, null, subs);
  vscode.workspace.onDidChangeWorkspaceFolders(() => void index.rescan(), null, subs);
}

/** Reveals the item under the cursor in the Roadmap view and sets the editor's context keys. */
function followCursor(context: vscode.ExtensionContext, index: IndexService, roadmap: RoadmapTreeProvider, view: vscode.TreeView<TreeElement>): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    const ref = itemAtCursor(index);
    const item = ref && index.plans.get(ref.path)?.items[ref.index];
    void vscode.commands.executeCommand('setContext', 'roadmark.cursorOnItem', !!item);
    void vscode.commands.executeCommand('setContext', 'roadmark.cursorOnOpenItem', !!item && item.status !== 'done' && item.status !== 'dropped');
    if (!ref || !view.visible || !vscode.workspace.getConfiguration('roadmark').get<boolean>('followCursor', true)) return;
    const element = roadmap.elementOf(ref.path, ref.index);
    if (element) void view.reveal(element, { select: true, focus: false, expand: true }).then(undefined, () => undefined);
  };
  vscode.window.onDidChangeTextEditorSelection(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, 120);
  }, null, context.subscriptions);
  context.subscriptions.push({ dispose: () => timer && clearTimeout(timer) });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
