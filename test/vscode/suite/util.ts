/** Helpers for the suites that run inside a real VS Code extension host. */
import * as vscode from 'vscode';
import type { RoadmarkApi } from '../../../src/extension/extension';

/** Measurements the suites report; the runner prints them after the results. */
export const notes: string[] = [];

export function note(message: string): void {
  notes.push(message);
}

export async function roadmark(): Promise<RoadmarkApi> {
  const ext = vscode.extensions.getExtension<RoadmarkApi>('roadmark.roadmark');
  if (!ext) throw new Error('The Roadmark extension is not installed in this VS Code');
  const api = await ext.activate();
  await api.whenIdle();
  return api;
}

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The suites need the example workspace open');
  return folder.uri;
}

export function at(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), relative);
}

export function rel(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

export interface Seen {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** Every Roadmark diagnostic in the workspace, in the CLI's JSON shape and order. */
export function roadmarkDiagnostics(): (Seen & { diagnostic: vscode.Diagnostic; uri: vscode.Uri })[] {
  const out = vscode.languages.getDiagnostics().flatMap(([uri, diags]) => diags
    .filter((d) => d.source === 'roadmark')
    .map((d) => ({
      file: rel(uri), line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      rule: typeof d.code === 'object' ? String(d.code.value) : String(d.code), severity: SEVERITY[d.severity], diagnostic: d, uri,
    })));
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : 1));
}

/** Polls until `check` returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Replaces the first occurrence of `from` in an open document (an unsaved edit). */
export async function replaceInDocument(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const offset = doc.getText().indexOf(from);
  if (offset < 0) throw new Error(`'${from}' is not in ${rel(doc.uri)}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + from.length)), to);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('The edit was not applied');
}

/** Puts an open document back to the text on disk and saves it (the file ends up unchanged). */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
  // Under load the edit was seen not to apply (applyEdit resolved false), and the save then wrote
  // the test's text to disk for every later suite: retry, and never save a text other than disk's.
  for (let attempt = 1; doc.getText() !== disk; attempt++) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), disk);
    const applied = await vscode.workspace.applyEdit(edit);
    if (doc.getText() === disk) break;
    if (attempt === 3) throw new Error(`revert: ${rel(doc.uri)} is still not the text on disk after 3 edits (last applied: ${applied})`);
    note(`revert: the edit of ${rel(doc.uri)} did not take (applied: ${applied}), attempt ${attempt + 1}`);
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
  if (doc.isDirty) await doc.save();
  // In a web worker host `save()` resolves before the document reports itself clean.
  await waitFor('the document to be saved', () => !doc.isDirty, 5000);
}
