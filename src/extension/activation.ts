/**
 * The bundles' entry point (desktop `main` and web `browser`): a cheap check before the whole
 * extension starts. `onLanguage:markdown` activates Roadmark for every Markdown file, most of them
 * in repositories with no plans; there, building the index (a walk of the whole workspace), the
 * views and nine language providers for every Markdown and YAML document would be paid for nothing.
 *
 * The check: an open Markdown/YAML document that is a plan by its name or its `type:` line, else a
 * plan- or config-named file anywhere (`findFiles`, limit 1, answered in the background: `activate`
 * returns at once). With none, Roadmark stays dormant: empty
 * views (their welcome offers the New Roadmap/Project File commands), stand-in commands, and a few
 * listeners that start the whole extension (extension.ts) as soon as a plan shows up: a plan file
 * created (or a folder holding one), renamed to, opened or typed into, a workspace folder added,
 * a Roadmark command run, or the Roadmark view shown (so a plan recognised only by its `type:`
 * line is found on demand).
 */
import * as vscode from 'vscode';
import { activate as start, type RoadmarkApi } from './extension';
import type { MarkdownItLike } from '../core/preview/index';
import { looksLikePlan, PLAN_GLOB, PLAN_NAME } from './plan-names';
import { extendMarkdownIt } from './preview';
import { TIMELINE_VIEW_TYPE, TimelinePanel } from './webview/timeline-panel';

/**
 * What `activate` returns: the whole extension's API (used by the integration tests), whose
 * members are those of the started extension; `whenIdle()` first waits for the check.
 */
export interface ActivationApi extends RoadmarkApi {
  /** `checking` until the file search answers; `dormant` with no plans; `started` once everything runs. */
  readonly state: 'checking' | 'dormant' | 'started';
  /** Milliseconds from activation to the check's answer (0 when an open document decided). */
  readonly checkMs: number | undefined;
  /** Starts the whole extension (as a plan appearing would) and returns its API. */
  wake(): RoadmarkApi;
  /** The whole extension's API once something has started it. */
  started(): RoadmarkApi | undefined;
  /** The Markdown preview plugin (`markdown.markdownItPlugins`): plan files show their fields as chips. */
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T;
}

const openPlan = () => vscode.workspace.textDocuments.some((d) => !d.isClosed && looksLikePlan(d));

/** Whether a plan- or config-named file is in the workspace; true when the host cannot search. */
async function planFileExists(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  try {
    return (await vscode.workspace.findFiles(PLAN_GLOB, undefined, 1)).length > 0;
  } catch {
    return true;
  }
}

/**
 * Returns at once: an open plan document starts everything now; otherwise a file search (limit 1,
 * done by the workbench's search, not in this extension host) decides in the background, while
 * stand-in commands make every Roadmark command work meanwhile.
 */
export function activate(context: vscode.ExtensionContext): ActivationApi {
  const activated = Date.now();
  let full: RoadmarkApi | undefined;
  let state: ActivationApi['state'] = 'checking';
  let checkMs: number | undefined;
  let decide: () => void = () => undefined;
  const decided = new Promise<void>((resolve) => (decide = resolve));
  const standIns: vscode.Disposable[] = [];
  context.subscriptions.push({ dispose: () => standIns.splice(0).forEach((d) => d.dispose()) });

  const wake = (): RoadmarkApi => {
    if (full) return full;
    // The stand-ins go first: the real commands, views and serializer take the same ids.
    for (const d of standIns.splice(0)) d.dispose();
    full = start(context);
    state = 'started';
    decide();
    return full;
  };
  const need = (): RoadmarkApi => {
    if (!full) throw new Error(`Roadmark is ${state}: no plan file seen yet`); // for the tests' API only
    return full;
  };
  const api: ActivationApi = {
    get state() { return state; },
    get checkMs() { return checkMs; },
    get index() { return need().index; },
    get roadmap() { return need().roadmap; },
    get schedule() { return need().schedule; },
    get views() { return need().views; },
    get drift() { return need().drift; },
    get yaml() { return need().yaml; },
    timeline: () => full?.timeline(),
    whenIdle: async () => {
      await decided;
      await full?.whenIdle();
    },
    activationMs: 0,
    wake,
    started: () => full,
    // Dormant or not: the preview reads the file itself, and uses the index once there is one.
    extendMarkdownIt: (md) => extendMarkdownIt(md, () => full?.index),
  };

  if (openPlan()) {
    checkMs = 0;
    wake();
  } else {
    standInCommands(context, standIns, wake);
    // A timeline panel VS Code restores while the check runs: shown once the extension starts.
    standIns.push(vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        await decided;
        if (full) TimelinePanel.restore(panel, context, full.index);
        else panel.dispose();
      },
    }));
    void planFileExists().then((found) => {
      checkMs = Date.now() - activated;
      if (full) return;
      if (found || openPlan()) {
        wake();
        return;
      }
      state = 'dormant';
      dormant(standIns, wake);
      decide();
    });
  }
  api.activationMs = Date.now() - activated;
  return api;
}

/** Every contributed command, standing in until the extension starts: running one starts it. */
function standInCommands(context: vscode.ExtensionContext, subs: vscode.Disposable[], wake: () => RoadmarkApi): void {
  const commands = ((context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? []).map((c) => c.command);
  for (const id of commands) {
    subs.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await wake().whenIdle();
      return vscode.commands.executeCommand(id, ...args);
    }));
  }
}

/** No plans: empty views, and the listeners that start everything once a plan shows up. */
function dormant(subs: vscode.Disposable[], wake: () => RoadmarkApi): void {
  // Empty views: their welcome says there are no plans yet; showing one looks for them in earnest.
  const empty: vscode.TreeDataProvider<never> = { getChildren: () => [], getTreeItem: (e) => e };
  for (const id of ['roadmark.roadmap', 'roadmark.schedule']) {
    const view = vscode.window.createTreeView<never>(id, { treeDataProvider: empty });
    subs.push(view, view.onDidChangeVisibility((e) => e.visible && wake()));
    if (view.visible) queueMicrotask(wake);
  }
  void vscode.commands.executeCommand('setContext', 'roadmark.ready', true);
  void vscode.commands.executeCommand('setContext', 'roadmark.hasPlans', false);

  const watcher = vscode.workspace.createFileSystemWatcher(PLAN_GLOB, false, true, true);
  subs.push(watcher, watcher.onDidCreate(() => wake()));
  // A folder created with plans already in it may come as one event for the folder alone (the
  // Node host's watcher, seen in code-server): search again, limit 1, for a name-less path.
  // Searches are spaced out (a build creating many folders costs one search every half second).
  const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
  let pending: ReturnType<typeof setTimeout> | undefined;
  subs.push(folders, { dispose: () => pending && clearTimeout(pending) }, folders.onDidCreate((uri) => {
    if (pending || /\.[^/]*$/.test(uri.path)) return;
    pending = setTimeout(() => {
      pending = undefined;
      void planFileExists().then((yes) => yes && wake());
    }, 500);
  }));
  const docs = (doc: vscode.TextDocument) => {
    if (looksLikePlan(doc)) wake();
  };
  subs.push(
    vscode.workspace.onDidOpenTextDocument(docs),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && docs(e.document)),
    vscode.workspace.onDidRenameFiles((e) => e.files.some((f) => PLAN_NAME.test(f.newUri.path)) && wake()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void planFileExists().then((yes) => yes && wake())),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
