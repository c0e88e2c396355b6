/** Completion of field names and values in plan files: delegates to the core language service. */
import * as vscode from 'vscode';
import { completions, type CompletionEntry, type CompletionKind } from '../../core/language/completion';
import type { IndexService } from '../index-service';
import { planDocument } from './plan-document';

const KIND: Record<CompletionKind, vscode.CompletionItemKind> = {
  field: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  id: vscode.CompletionItemKind.Reference,
  date: vscode.CompletionItemKind.Constant,
  dependency: vscode.CompletionItemKind.Operator,
  person: vscode.CompletionItemKind.User,
};

export const COMPLETION_TRIGGERS = ['=', ':', ',', ' ', '{', '"'];

export class PlanCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly index: IndexService) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    // The parse may be a keystroke behind: the core reads the context from the text itself.
    const plan = planDocument(this.index, doc, false);
    if (!plan) return undefined;
    const entries = completions({ ws: plan.snapshot.ws, path: plan.file.path, fileType: plan.file.type, text: plan.text, offset: doc.offsetAt(position), today: plan.snapshot.today });
    return entries.length ? entries.map((e) => toItem(doc, e)) : undefined;
  }
}

function toItem(doc: vscode.TextDocument, e: CompletionEntry): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: e.label, detail: e.detail ? ` ${e.detail}` : undefined, description: e.description }, KIND[e.kind]);
  item.insertText = e.insertText;
  item.range = new vscode.Range(doc.positionAt(e.span.start), doc.positionAt(e.span.end));
  item.sortText = e.sortText;
  item.filterText = e.label;
  if (e.documentation) item.documentation = new vscode.MarkdownString(e.documentation);
  if (e.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: vscode.l10n.t('Suggest values') };
  return item;
}
