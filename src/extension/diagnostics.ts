/**
 * Publishes each check's diagnostics into one collection, re-sending only the files whose
 * diagnostics differ from what is shown, so a keystroke in one file does not re-send the whole
 * workspace's diagnostics to the editor.
 */
import * as vscode from 'vscode';
import type { Diagnostic } from '../core/check';
import type { IndexService, IndexSnapshot } from './index-service';
import { toDiagnostic, toRange } from './convert';

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('roadmark');
  /** What each core path shows now: where, and a signature of its diagnostics to compare with the next check. */
  private readonly published = new Map<string, { uri: vscode.Uri; signature: string }>();
  private configUris: vscode.Uri[] = [];

  constructor(private readonly index: IndexService) {}

  /**
   * Compares with what is shown rather than trusting one snapshot's `changed` set: a snapshot
   * that a newer one overtook is never published, and its changes must not be lost with it.
   */
  publish(snapshot: IndexSnapshot): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of snapshot.diagnostics) {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    const uriOf = (path: string) => this.index.uriOf(path);
    const entries: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    for (const [path, found] of byFile) {
      const signature = signatureOf(found);
      if (this.published.get(path)?.signature === signature) continue;
      const uri = uriOf(path) ?? this.published.get(path)?.uri;
      if (!uri) continue;
      entries.push([uri, found.map((d) => toDiagnostic(d, uriOf))]);
      this.published.set(path, { uri, signature });
    }
    for (const [path, { uri }] of [...this.published]) {
      if (byFile.has(path)) continue;
      entries.push([uri, undefined]);
      this.published.delete(path);
    }
    if (entries.length) this.collection.set(entries);
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
    this.published.clear();
    this.collection.dispose();
  }
}

/** Diagnostics of one file compared by what the editor shows of them. */
function signatureOf(list: readonly Diagnostic[]): string {
  return list.map((d) => `${d.line}:${d.column}:${d.endLine}:${d.endColumn}:${d.rule}:${d.severity}:${d.message}:${d.related?.length ?? 0}:${d.related?.map((r) => `${r.file}:${r.line}:${r.column}:${r.message}`).join('|') ?? ''}`).join('\n');
}
