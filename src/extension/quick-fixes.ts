/**
 * Quick fixes and fix-all for Roadmark diagnostics: a thin adapter over core/language/fixes.
 * Fixes are offered only while the snapshot was computed from the document's current version
 * (habit 16): spans of an older text would land on the wrong characters.
 */
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../core/check';
import { bomLength } from '../core/language/edits';
import { fixAllInFile, fixesFor, FIX_ALL_RULES, nodeAt, type FixContext, type PlanFix } from '../core/language/fixes/index';
import { referencesOf } from '../core/language/references';
import { toRange } from './convert';
import type { IndexService, IndexSnapshot } from './index-service';
import { readTexts } from './providers/plan-document';

/** The command a "Move due date…" fix runs: it asks for the date, then edits. */
export const MOVE_DEADLINE_COMMAND = 'roadmark.moveDeadline';

export class RoadmarkQuickFixes implements vscode.CodeActionProvider {
  static readonly fixAllKind = vscode.CodeActionKind.SourceFixAll.append('roadmark');
  static readonly kinds = [vscode.CodeActionKind.QuickFix, RoadmarkQuickFixes.fixAllKind];

  constructor(private readonly index: IndexService) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const wantsFixAll = !!context.only && (RoadmarkQuickFixes.fixAllKind.contains(context.only) || context.only.contains(RoadmarkQuickFixes.fixAllKind));
    const shown = context.diagnostics.filter((d) => d.source === 'roadmark');
    if (!wantsFixAll && !shown.length) return [];
    // Fix on save of a file that is no plan (README.md): answer at once, never wait for the index.
    if (!shown.length && !this.index.plans.get(this.index.pathOf(doc.uri))) return [];
    if (!(await this.index.currentFor(doc)) || token.isCancellationRequested) return [];
    const snapshot = this.index.snapshot;
    if (!snapshot) return [];
    const path = this.index.pathOf(doc.uri);
    const mine = snapshot.diagnostics.filter((d) => d.file === path);
    const ctx = await this.context(snapshot, doc, path, shown, mine);
    if (token.isCancellationRequested || this.index.snapshot !== snapshot || !this.index.isCurrent(doc)) return [];
    if (wantsFixAll) return this.fixAll(doc, ctx, path, mine);
    return [...shown.flatMap((d) => this.quickFixes(doc, ctx, d, mine)), ...this.fixAllPerRule(doc, ctx, path, shown, mine)];
  }

  /** The texts the fixes read: this document's, and for a duplicate id the files whose links reach it. */
  private async context(snapshot: IndexSnapshot, doc: vscode.TextDocument, path: string, shown: vscode.Diagnostic[], mine: CoreDiagnostic[]): Promise<FixContext> {
    const others = shown.flatMap((d) => {
      const core = matching(mine, d);
      const node = core?.rule === 'duplicate-id' ? nodeAt(snapshot.ws, path, core.span) : undefined;
      return node ? referencesOf(snapshot.ws, node).map((r) => r.path).filter((p) => p !== path) : [];
    });
    const texts = others.length ? await readTexts(this.index, others) : new Map<string, string>();
    texts.set(path, doc.getText());
    return { ws: snapshot.ws, today: snapshot.today, textOf: (p) => texts.get(p) };
  }

  private quickFixes(doc: vscode.TextDocument, ctx: FixContext, shown: vscode.Diagnostic, mine: CoreDiagnostic[]): vscode.CodeAction[] {
    const core = matching(mine, shown);
    if (!core) return [];
    return fixesFor(ctx, core).map((fix) => {
      const action = this.action(fix, vscode.CodeActionKind.QuickFix, doc);
      action.diagnostics = [shown];
      return action;
    });
  }

  /** "Fix all <rule> in this file", where at least two diagnostics of the rule have a safe fix. */
  private fixAllPerRule(doc: vscode.TextDocument, ctx: FixContext, path: string, shown: vscode.Diagnostic[], mine: CoreDiagnostic[]): vscode.CodeAction[] {
    const rules = new Set(shown.map(ruleOf).filter((r): r is string => !!r && FIX_ALL_RULES.includes(r)));
    return [...rules].flatMap((rule) => {
      const all = fixAllInFile(ctx, path, mine, rule);
      if (!all || all.count < 2) return [];
      const action = this.action(all.fix, vscode.CodeActionKind.QuickFix, doc);
      action.diagnostics = shown.filter((d) => ruleOf(d) === rule);
      return [action];
    });
  }

  private fixAll(doc: vscode.TextDocument, ctx: FixContext, path: string, mine: CoreDiagnostic[]): vscode.CodeAction[] {
    const all = fixAllInFile(ctx, path, mine);
    return all ? [this.action(all.fix, RoadmarkQuickFixes.fixAllKind, doc)] : [];
  }

  private action(fix: PlanFix, kind: vscode.CodeActionKind, doc: vscode.TextDocument): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, kind);
    action.isPreferred = fix.preferred;
    if (fix.ask) action.command = { command: MOVE_DEADLINE_COMMAND, title: fix.title, arguments: [fix.ask, { uri: doc.uri.toString(), version: doc.version }] };
    if (fix.edits) action.edit = this.workspaceEdit(fix.edits, doc);
    return action;
  }

  /** Core spans count after a BOM; an open document has none, a file read from disk may. */
  private workspaceEdit(edits: NonNullable<PlanFix['edits']>, doc: vscode.TextDocument): vscode.WorkspaceEdit {
    const out = new vscode.WorkspaceEdit();
    for (const [path, list] of edits) {
      const uri = this.index.uriOf(path);
      if (!uri) continue;
      const open = uri.toString() === doc.uri.toString() ? doc : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      for (const e of list) {
        if (open) {
          const shift = bomLength(open.getText());
          out.replace(uri, new vscode.Range(open.positionAt(e.span.start + shift), open.positionAt(e.span.end + shift)), e.newText);
        } else out.replace(uri, toRange(this.index.plans.get(path)?.lineStarts ?? [0], e.span), e.newText);
      }
    }
    return out;
  }
}

function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : undefined;
}

/** The core diagnostic a shown one stands for: same rule, start and message (an item with two unmet dependencies has two at one place). */
function matching(mine: CoreDiagnostic[], shown: vscode.Diagnostic): CoreDiagnostic | undefined {
  const rule = ruleOf(shown);
  return mine.find((d) => d.rule === rule && d.line - 1 === shown.range.start.line && d.column - 1 === shown.range.start.character && d.message === shown.message);
}
