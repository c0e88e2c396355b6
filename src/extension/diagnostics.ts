/**
 * Publishes each check's diagnostics into one collection, re-sending only the files whose
 * diagnostics changed, so a keystroke in one file does not re-send (or even compare) the whole
 * workspace's diagnostics.
 */
import * as vscode from 'vscode';
import type { IndexService, IndexSnapshot } from './index-service';
import { toDiagnostic, toRange } from './convert';

export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('roadmark');
  /** Where each core path with diagnostics shown is (to clear them when its file goes). */
  private readonly published = new Map<string, vscode.Uri>();
  /** Changed paths that had no URI yet (a file seen before its folder was known): tried again next time. */
  private readonly unplaced = new Set<string>();
  private configUris: vscode.Uri[] = [];

  constructor(private readonly index: IndexService) {}

  /**
   * Re-sends only the files the snapshot says changed: the engine knows them (the incremental
   * check reports them; the index carries those of a result it never published into the next
   * snapshot), so a keystroke costs the files it touched, not a comparison of every file.
   */
  publish(snapshot: IndexSnapshot): void {
    const uriOf = (path: string) => this.index.uriOf(path);
    const entries: [vscode.Uri, vscode.Diagnostic[] | undefined][] = [];
    const paths = this.unplaced.size ? new Set([...this.unplaced, ...snapshot.changed]) : snapshot.changed;
    this.unplaced.clear();
    for (const path of paths) {
      const found = snapshot.byFile.get(path);
      const uri = uriOf(path) ?? this.published.get(path);
      if (!uri) {
        if (found?.length) this.unplaced.add(path);
        continue;
      }
      if (found?.length) {
        entries.push([uri, found.map((d) => toDiagnostic(d, uriOf))]);
        this.published.set(path, uri);
      } else if (this.published.delete(path)) {
        entries.push([uri, undefined]);
      }
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


