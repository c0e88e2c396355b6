/** Every conversion between the core's offsets and the editor's types lives here. */
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, RelatedLocation } from '../core/check';
import { positionAt } from '../core/lines';
import type { Severity, Span } from '../core/model/types';
import { ruleDocsUrl } from '../core/rules/index';

export function toPosition(lineStarts: readonly number[], offset: number): vscode.Position {
  const p = positionAt(lineStarts, offset);
  return new vscode.Position(p.line - 1, p.column - 1);
}

export function toRange(lineStarts: readonly number[], span: Span): vscode.Range {
  return new vscode.Range(toPosition(lineStarts, span.start), toPosition(lineStarts, Math.max(span.start, span.end)));
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function rangeOf(d: { line: number; column: number; endLine: number; endColumn: number }): vscode.Range {
  return new vscode.Range(d.line - 1, d.column - 1, d.endLine - 1, d.endColumn - 1);
}

/** `uriOf` maps a core path back to the document it came from. */
export function toDiagnostic(d: CoreDiagnostic, uriOf: (path: string) => vscode.Uri | undefined): vscode.Diagnostic {
  const out = new vscode.Diagnostic(rangeOf(d), d.message, SEVERITY[d.severity]);
  out.source = 'roadmark';
  out.code = d.rule === 'config' ? 'config' : { value: d.rule, target: vscode.Uri.parse(ruleDocsUrl(d.rule)) };
  out.relatedInformation = (d.related ?? []).flatMap((r: RelatedLocation) => {
    const uri = uriOf(r.file);
    return uri ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, rangeOf(r)), r.message)] : [];
  });
  return out;
}
