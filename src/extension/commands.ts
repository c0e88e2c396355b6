/** The Roadmark commands. Each returns what it did, so tests can assert on it. */
import * as vscode from 'vscode';
import { formatDay, localDay } from '../core/dates';
import { itemIndexAt } from '../core/language/item-at';
import { markDoneEdit } from '../core/language/mark-done';
import { slugId } from '../core/parse/item';
import { RULE_IDS, ruleDocsUrl } from '../core/rules/index';
import { toRange } from './convert';
import { exists } from './fs';
import type { IndexService } from './index-service';
import type { ItemElement, TreeElement } from './views/elements';
import type { ItemFilter } from './views/flags';
import type { RoadmapTreeProvider } from './views/roadmap-view';

/** An item as commands receive it: a tree element, or a path and index in the index. */
export interface ItemRef {
  path: string;
  index: number;
}

export interface CommandHost {
  context: vscode.ExtensionContext;
  index: IndexService;
  roadmap: RoadmapTreeProvider;
  roadmapView: vscode.TreeView<TreeElement>;
  setFilter(filter: ItemFilter): void;
  /** The index idle and the views rebuilt from its last snapshot (and VS Code given time to fetch them). */
  whenIdle(): Promise<void>;
  /** Runs `work` with the views' refreshes held back. */
  holdViews<T>(work: () => Promise<T>): Promise<T>;
}

export function registerCommands(host: CommandHost): void {
  const { context, index } = host;
  const register = (id: string, run: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register('roadmark.refresh', () => index.rescan());
  register('roadmark.newRoadmapFile', (target?: vscode.Uri) => newPlanFile(host, 'roadmap', target));
  register('roadmark.newProjectFile', (target?: vscode.Uri) => newPlanFile(host, 'project', target));
  register('roadmark.markDone', (arg?: ItemRef | ItemElement) => markDone(host, arg));
  register('roadmark.openItem', (path: string, i: number) => openItem(index, { path, index: i }));
  register('roadmark.revealInRoadmap', (arg?: ItemRef | ItemElement) => revealInRoadmap(host, arg));
  register('roadmark.openRuleDocs', (rule?: string) => openRuleDocs(context, rule));
  register('roadmark.showSchedule', () => vscode.commands.executeCommand('roadmark.schedule.focus'));
  register('roadmark.filter', (filter?: ItemFilter) => pickFilter(host, filter));
  register('roadmark.clearFilter', () => host.setFilter({}));
}

/** The item under the cursor of the active editor. */
export function itemAtCursor(index: IndexService, editor = vscode.window.activeTextEditor): ItemRef | undefined {
  if (!editor) return undefined;
  const path = index.pathOf(editor.document.uri);
  const file = index.plans.get(path);
  const at = file && itemIndexAt(file, editor.document.offsetAt(editor.selection.active));
  return file && at !== undefined ? { path, index: at } : undefined;
}

function refOf(index: IndexService, arg: ItemRef | ItemElement | undefined): ItemRef | undefined {
  if (arg && typeof arg.path === 'string' && typeof arg.index === 'number') return { path: arg.path, index: arg.index };
  return itemAtCursor(index);
}

async function openItem(index: IndexService, ref: ItemRef): Promise<vscode.TextEditor | undefined> {
  const uri = index.uriOf(ref.path);
  const file = index.plans.get(ref.path);
  const item = file?.items[ref.index];
  if (!uri || !file || !item) return undefined;
  const range = toRange(file.lineStarts, item.anchor);
  return vscode.window.showTextDocument(uri, { selection: new vscode.Range(range.start, range.start), preview: true });
}

async function markDone(host: CommandHost, arg?: ItemRef | ItemElement): Promise<boolean> {
  await host.index.whenIdle();
  const ref = refOf(host.index, arg);
  const uri = ref && host.index.uriOf(ref.path);
  const file = ref && host.index.plans.get(ref.path);
  if (!ref || !uri || !file) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Roadmark: put the cursor in a plan item, or pick one in the Roadmap view, to mark it done.'));
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const result = markDoneEdit(file, ref.index, doc.getText());
  if (!result.ok) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Roadmark: {0}', result.reason));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(result.edit.span.start), doc.positionAt(result.edit.span.end)), result.edit.newText);
  return vscode.workspace.applyEdit(edit);
}

async function revealInRoadmap(host: CommandHost, arg?: ItemRef | ItemElement): Promise<boolean> {
  // A check that lands between finding the element and revealing it rebuilds the tree under it
  // ("no tree item with id"): find it again in the new tree and retry, a few times.
  for (let attempt = 0; attempt < 4; attempt++) {
    await host.whenIdle();
    const found = await host.holdViews(async () => {
      const ref = refOf(host.index, arg);
      const element = ref && host.roadmap.elementOf(ref.path, ref.index);
      if (!element) return undefined;
      try {
        await host.roadmapView.reveal(element, { select: true, focus: true, expand: true });
      } catch {
        // handled below: the selection tells whether it worked
      }
      return selectedSoon(host.roadmapView, element.id, 250 * (attempt + 1));
    });
    if (found === undefined) return false;
    if (found) return true;
  }
  return false;
}

/** VS Code logs "no tree item with id" instead of rejecting when a refresh raced the reveal: watch the selection. */
async function selectedSoon(view: vscode.TreeView<TreeElement>, id: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (view.selection.some((e) => e.id === id)) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return view.selection.some((e) => e.id === id);
}

/** Opens the rule's page bundled with the extension (works offline), else its page on the web. */
async function openRuleDocs(context: vscode.ExtensionContext, rule?: string): Promise<vscode.Uri | undefined> {
  const id = rule ?? ruleUnderCursor() ?? (await vscode.window.showQuickPick([...RULE_IDS], { placeHolder: vscode.l10n.t('Which rule?') }));
  if (!id || !RULE_IDS.includes(id)) return undefined;
  const bundled = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
  const web = vscode.Uri.parse(ruleDocsUrl(id));
  if (!(await exists(bundled))) {
    await vscode.env.openExternal(web);
    return web;
  }
  // Not awaited: the preview resolves when it has rendered, which a hidden window may delay.
  void vscode.commands.executeCommand('markdown.showPreview', bundled).then(undefined, () => vscode.env.openExternal(web));
  return bundled;
}

function ruleUnderCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const here = vscode.languages.getDiagnostics(editor.document.uri)
    .find((d) => d.source === 'roadmark' && d.range.contains(editor.selection.active));
  const code = here?.code;
  return typeof code === 'object' ? String(code.value) : undefined;
}

async function pickFilter(host: CommandHost, preset?: ItemFilter): Promise<ItemFilter | undefined> {
  if (preset) {
    host.setFilter(preset);
    return preset;
  }
  const nodes = host.index.snapshot?.ws.nodes ?? [];
  const owners = [...new Set(nodes.flatMap((n) => n.item.owners))].sort();
  const statuses = [...new Set(nodes.map((n) => n.item.status))].sort();
  const picks = [
    ...owners.map((owner) => ({ label: `$(person) ${owner}`, description: vscode.l10n.t('owner'), filter: { owner } as ItemFilter })),
    ...statuses.map((status) => ({ label: `$(circle-outline) ${status}`, description: vscode.l10n.t('status'), filter: { status } as ItemFilter })),
  ];
  const choice = await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Show only items with this owner or status') });
  if (choice) host.setFilter(choice.filter);
  return choice?.filter;
}

async function newPlanFile(host: CommandHost, kind: 'roadmap' | 'project', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  let uri = target;
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.length === 1 ? vscode.workspace.workspaceFolders[0] : await vscode.window.showWorkspaceFolderPick();
    if (!folder) return undefined;
    const name = await vscode.window.showInputBox({ prompt: kind === 'roadmap' ? vscode.l10n.t('Name of the new roadmap') : vscode.l10n.t('Name of the new project'), value: kind === 'roadmap' ? vscode.l10n.t('Product') : vscode.l10n.t('New project'), validateInput: (v) => (slugId(v) ? undefined : vscode.l10n.t('Use at least one letter or digit')) });
    if (!name) return undefined;
    uri = vscode.Uri.joinPath(folder.uri, `${slugId(name)}.${kind}.md`);
    if (await exists(uri)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Roadmark: {0} already exists', vscode.workspace.asRelativePath(uri)));
      return undefined;
    }
  }
  const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(host.context.extensionUri, 'media', 'templates', `${kind}.md`)));
  const title = titleFromFile(uri);
  const initiative = host.index.snapshot?.ws.nodes.find((n) => n.item.kind === 'initiative')?.item.id;
  // Link the new project to the roadmap when there is one; otherwise leave the line to fill in.
  const delivers = initiative ? `delivers: ${initiative}` : '# delivers: <initiative id from your roadmap>';
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(fillTemplate(template, title, { delivers })));
  await vscode.window.showTextDocument(uri);
  host.index.queue(uri);
  return uri;
}

function titleFromFile(uri: vscode.Uri): string {
  const stem = uri.path.split('/').pop()!.replace(/\.(roadmap|project)\.(md|markdown)$/i, '').replace(/\.md$/i, '');
  return stem.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase()) || 'Untitled';
}

function fillTemplate(template: string, title: string, extra: Record<string, string> = {}): string {
  const today = localDay(new Date());
  const quarterEnd = (() => {
    const d = new Date();
    const month = Math.floor(d.getMonth() / 3) * 3 + 6;
    return formatDay(localDay(new Date(d.getFullYear(), month, 0)));
  })();
  const halfEnd = formatDay(localDay(new Date(new Date().getFullYear() + (new Date().getMonth() >= 6 ? 1 : 0), new Date().getMonth() >= 6 ? 6 : 12, 0)));
  const values: Record<string, string> = {
    ...extra, id: slugId(title), title, owner: 'you', today: formatDay(today), inTwoWeeks: formatDay(today + 14), nextQuarter: quarterEnd, nextHalf: halfEnd,
  };
  return template.replace(/\$\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}
