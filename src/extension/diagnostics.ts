/** Publishes each check's diagnostics into one collection, per file, and clears what went away. */
import * as vscode from 'vscode';
import type { IndexService, IndexSnapshot } from './index-service';
import { toDiagnostic, toRange } from './convert';

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('roadmark');

  constructor(private readonly index: IndexService) {}

  publish(snapshot: IndexSnapshot): void {
    const byUri = new Map<string, { uri: vscode.Uri; items: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic) => {
      const key = uri.toString();
      if (!byUri.has(key)) byUri.set(key, { uri, items: [] });
      byUri.get(key)!.items.push(d);
    };
    const uriOf = (path: string) => this.index.uriOf(path);
    for (const d of snapshot.diagnostics) {
      const uri = uriOf(d.file);
      if (uri) add(uri, toDiagnostic(d, uriOf));
    }
    for (const { uri, result } of snapshot.configs) {
      for (const p of result.problems) {
        const d = new vscode.Diagnostic(toRange(result.lineStarts, p.span), p.message, vscode.DiagnosticSeverity.Error);
        d.source = 'roadmark';
        d.code = 'config';
        add(uri, d);
      }
    }
    const stale: [vscode.Uri, undefined][] = [];
    this.collection.forEach((uri) => {
      if (!byUri.has(uri.toString())) stale.push([uri, undefined]);
    });
    this.collection.set([...stale, ...[...byUri.values()].map((e): [vscode.Uri, vscode.Diagnostic[]] => [e.uri, e.items])]);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
