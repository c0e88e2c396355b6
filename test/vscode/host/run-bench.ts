/**
 * The in-editor benchmark (issue 11; `npm run bench`, never `npm test`): in the workspace the
 * runner opened, how long activation took to complete diagnostics, and how long an unsaved
 * edit of projects/bench-edit.project.md (a milestone's due date moved before its dependency's
 * and back, so a dependency-order warning comes and goes) takes to reach the Problems the
 * editor holds. Every edit is undone in the buffer; nothing is saved.
 */
import * as vscode from 'vscode';
import type { RoadmarkApi } from '../../../src/extension/extension';

export interface BenchReport {
  vscodeVersion: string;
  /** Roadmark's index start → its first complete check, as the extension measured it. */
  firstDiagnosticsMs: number;
  items: number;
  files: number;
  /** One per edit: the edit applied → the file's diagnostics updated. */
  editsMs: number[];
  /** Per edit: the engine's read and check, and the snapshot's listeners, inside the extension host. */
  checkMs: number[];
  publishMs: number[];
  error?: string;
}

const EDITS = Number(process.env.ROADMARK_BENCH_EDITS ?? 20);
const EARLY = 'due=2026-10-01';
const LATE = 'due=2026-12-01';

export async function runBench(): Promise<BenchReport> {
  const ext = vscode.extensions.getExtension<RoadmarkApi>('roadmark.roadmark')!;
  const api = await ext.activate();
  await api.whenIdle();
  const report: BenchReport = { vscodeVersion: vscode.version, firstDiagnosticsMs: api.index.firstCheckMs ?? -1, items: api.index.snapshot?.ws.nodes.length ?? 0, files: api.index.snapshot?.ws.files.length ?? 0, editsMs: [], checkMs: [], publishMs: [] };
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'projects/bench-edit.project.md'));
  await vscode.window.showTextDocument(doc);
  const line = doc.getText().split('\n').findIndex((l) => l.includes('{#bench-m3 '));
  if (line < 0) throw new Error('projects/bench-edit.project.md has no milestone bench-m3');
  await waitForWarning(doc.uri, line, false);
  for (let i = 0; i < EDITS; i++) {
    const early = i % 2 === 0;
    const [from, to] = early ? [LATE, EARLY] : [EARLY, LATE];
    const text = doc.lineAt(line).text;
    const at = text.indexOf(from);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(line, at, line, at + from.length), to);
    const started = performance.now();
    const seen = waitForWarning(doc.uri, line, early);
    await vscode.workspace.applyEdit(edit);
    await seen;
    report.editsMs.push(performance.now() - started);
    report.checkMs.push(api.index.lastUpdate?.checkMs ?? -1);
    report.publishMs.push(api.index.lastUpdate?.publishMs ?? -1);
    await new Promise((r) => setTimeout(r, 50));
  }
  return report;
}

/** Resolves when the file's diagnostics have (or have not) a dependency-order warning on `line`. */
function waitForWarning(uri: vscode.Uri, line: number, present: boolean): Promise<void> {
  const has = () => vscode.languages.getDiagnostics(uri).some((d) => d.range.start.line === line && String(typeof d.code === 'object' ? d.code.value : d.code) === 'dependency-order');
  return new Promise((resolve, reject) => {
    if (has() === present) return resolve();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no ${present ? '' : 'end of the '}dependency-order warning on line ${line + 1} after 60 s`));
    }, 60_000);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || has() !== present) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}
