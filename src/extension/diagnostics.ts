/**
 * Publishes each check's diagnostics into one collection: on the first check every file, then
 * only the files whose diagnostics changed (the engine says which), so a keystroke in one file
 * does not re-send the whole workspace's diagnostics to the editor.
 */
import * as vscode from 'vscode';
import type { Diagnostic } from '../core/check';
import type { IndexService, IndexSnapshot } from './index-service';
import { toDiagnostic, toRange } from './convert';

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('roadmark');
  /** Where each core path's diagnostics were published, so a file that went away can be cleared. */
  private readonly published = new Map<string, vscode.Uri>();
  private configUris: vscode.Uri[] = [];
  private first = true;

  constructor(private readonly index: IndexService) {}

  publish(snapshot: IndexSnapshot): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of snapshot.diagnostics) {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    const paths = this.first ? new Set([...byFile.keys(), ...this.published.keys()]) : new Set(snapshot.changed);
    this.first = false;
    const uriOf = (path: string) => this.index.uriOf(path);
    const entries: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const path of paths) {
      const uri = uriOf(path) ?? this.published.get(path);
      if (!uri) continue;
      const found = byFile.get(path);
      entries.push([uri, found?.map((d) => toDiagnostic(d, uriOf))]);
      if (found) this.published.set(path, uri);
      else this.published.delete(path);
    }
    this.collection.set(entries);
    this.publishConfigs(snapshot);
  }

  /** Config problems: few files, always re-sent. */
  private publishConfigs(snapshot: IndexSnapshot): void {
    for (const uri of this.configUris) this.collection.delete(uri);
    this.configUris = [];
    for (const { uri, result } of snapshot.configs) {
      if (result.problems.length === 0) continue;
      this.collection.set(uri, result.problems.map((p) => {
        const d = new vscode.Diagnostic(toRange(result.lineStarts, p.span), p.message, vscode.DiagnosticSeverity.Error);
        d.source = 'roadmark';
        d.code = 'config';
        return d;
      }));
      this.configUris.push(uri);
    }
  }

  dispose(): void {
    this.collection.dispose();
  }
}
