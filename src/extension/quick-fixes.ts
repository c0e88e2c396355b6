/** Quick fixes for diagnostics that carry a suggested edit (a near-miss field name or id). */
import * as vscode from 'vscode';
import type { IndexService } from './index-service';

export class RoadmarkQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly index: IndexService) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const snapshot = this.index.snapshot;
    if (!snapshot) return [];
    const path = this.index.pathOf(doc.uri);
    const actions: vscode.CodeAction[] = [];
    for (const shown of context.diagnostics) {
      if (shown.source !== 'roadmark') continue;
      const rule = typeof shown.code === 'object' ? String(shown.code.value) : undefined;
      const core = snapshot.diagnostics.find((d) => d.file === path && d.rule === rule && d.fixes
        && d.line - 1 === shown.range.start.line && d.column - 1 === shown.range.start.character);
      for (const [i, fix] of (core?.fixes ?? []).entries()) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [shown];
        action.isPreferred = i === 0 && core!.fixes!.length === 1;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, new vscode.Range(doc.positionAt(fix.span.start), doc.positionAt(fix.span.end)), fix.text);
        actions.push(action);
      }
    }
    return actions;
  }
}
