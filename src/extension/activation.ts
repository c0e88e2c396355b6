/**
 * The bundles' entry point (desktop `main` and web `browser`): a cheap check before the whole
 * extension starts. `onLanguage:markdown` activates Roadmark for every Markdown file, most of them
 * in repositories with no plans; there, building the index (a walk of the whole workspace), the
 * views and nine language providers for every Markdown and YAML document would be paid for nothing.
 *
 * The check: a plan- or config-named file anywhere (`findFiles`, limit 1), or an open Markdown/YAML
 * document that is one by its name or its `type:` line. With none, Roadmark stays dormant: empty
 * views (their welcome offers the New Roadmap/Project File commands), stand-in commands, and a few
 * listeners that start the whole extension (extension.ts) as soon as a plan shows up: a plan file
 * created, renamed to, opened or typed into, a workspace folder added, a Roadmark command run, or
 * the Roadmark view shown (so a plan recognised only by its `type:` line is found on demand).
 */
import * as vscode from 'vscode';
import { activate as start, type RoadmarkApi } from './extension';

/** Plan and config names, as the engine recognises them (over-approximate: waking is always safe). */
const PLAN_GLOB = '**/{*.roadmap.md,*.roadmap.markdown,*.roadmap.yaml,*.roadmap.yml,*.project.md,*.project.markdown,*.project.yaml,*.project.yml,.roadmark.yaml,.roadmark.yml}';
const PLAN_NAME = /(?:\.(?:roadmap|project)\.(?:md|markdown|ya?ml)|(?:^|\/)\.roadmark\.ya?ml)$/i;
const CANDIDATE = /\.(?:md|markdown|ya?ml)$/i;
/** A `type: roadmap` or `type: project` line near the top (front matter, or a YAML plan's key). */
const TYPE_LINE = /^type[ \t]*:[ \t]*["']?(?:roadmap|project)\b/im;
const SNIFF_CHARS = 4096;

/** What `activate` returns in a workspace without plans; `wake()` starts everything. */
export interface DormantApi {
  dormant: true;
  /** Milliseconds spent in `activate` (the cheap check and the dormant wiring). */
  activationMs: number;
  /** Starts the whole extension (as a plan appearing would) and returns its API. */
  wake(): Promise<RoadmarkApi>;
  /** The whole extension's API once something has started it. */
  started(): RoadmarkApi | undefined;
}

export type ActivationApi = (RoadmarkApi & { dormant?: false; checkMs: number }) | DormantApi;

/** Whether a document is (or may well be) a plan file: its name, or a `type:` line near its top. */
export function looksLikePlan(doc: Pick<vscode.TextDocument, 'uri' | 'getText'>): boolean {
  const path = doc.uri.path;
  if (PLAN_NAME.test(path)) return true;
  if (!CANDIDATE.test(path)) return false;
  return TYPE_LINE.test(doc.getText().slice(0, SNIFF_CHARS));
}

async function hasPlans(): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => !d.isClosed && looksLikePlan(d))) return true;
  if (!vscode.workspace.workspaceFolders?.length) return false;
  try {
    return (await vscode.workspace.findFiles(PLAN_GLOB, undefined, 1)).length > 0;
  } catch {
    // A file search the host cannot do: start as before rather than miss the plans.
    return true;
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<ActivationApi> {
  const started = Date.now();
  if (await hasPlans()) {
    const checkMs = Date.now() - started;
    const api = start(context);
    api.activationMs = Date.now() - started;
    return Object.assign(api, { checkMs });
  }
  return dormant(context, started);
}

function dormant(context: vscode.ExtensionContext, started: number): DormantApi {
  const subs: vscode.Disposable[] = [];
  let woken: RoadmarkApi | undefined;
  const wake = (): RoadmarkApi => {
    if (woken) return woken;
    // The stand-ins go first: the real commands, views and serializer take the same ids.
    for (const d of subs.splice(0)) d.dispose();
    woken = start(context);
    return woken;
  };

  // Stand-in commands: run one, and the real one runs once everything has started.
  const commands = ((context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? []).map((c) => c.command);
  for (const id of commands) {
    subs.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await wake().whenIdle();
      return vscode.commands.executeCommand(id, ...args);
    }));
  }
  // Empty views: their welcome says there are no plans yet; showing one looks for them in earnest.
  const empty: vscode.TreeDataProvider<never> = { getChildren: () => [], getTreeItem: (e) => e };
  for (const id of ['roadmark.roadmap', 'roadmark.schedule']) {
    const view = vscode.window.createTreeView<never>(id, { treeDataProvider: empty });
    subs.push(view, view.onDidChangeVisibility((e) => e.visible && wake()));
    if (view.visible) queueMicrotask(wake);
  }
  // A timeline panel restored into a workspace that has no plans any more: nothing to show.
  subs.push(vscode.window.registerWebviewPanelSerializer('roadmark.timeline', { deserializeWebviewPanel: async (panel) => panel.dispose() }));
  void vscode.commands.executeCommand('setContext', 'roadmark.ready', true);
  void vscode.commands.executeCommand('setContext', 'roadmark.hasPlans', false);

  const watcher = vscode.workspace.createFileSystemWatcher(PLAN_GLOB, false, true, true);
  subs.push(watcher, watcher.onDidCreate(() => wake()));
  const docs = (doc: vscode.TextDocument) => {
    if (looksLikePlan(doc)) wake();
  };
  subs.push(
    vscode.workspace.onDidOpenTextDocument(docs),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && docs(e.document)),
    vscode.workspace.onDidRenameFiles((e) => e.files.some((f) => PLAN_NAME.test(f.newUri.path)) && wake()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void hasPlans().then((yes) => yes && wake())),
  );
  context.subscriptions.push({ dispose: () => subs.splice(0).forEach((d) => d.dispose()) });
  return { dormant: true, activationMs: Date.now() - started, wake: async () => wake(), started: () => woken };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
