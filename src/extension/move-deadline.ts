/**
 * "Move due date…": asks for the new deadline (prefilled, checked as it is typed) and writes
 * only the date. The question crosses an await, so the document's version is checked again
 * before the edit (habit 16): a file that changed meanwhile is not edited.
 */
import * as vscode from 'vscode';
import { withoutBom } from '../core/language/edits';
import { checkDeadline, moveDateEdit, type DateQuestion } from '../core/language/fixes/index';
import type { IndexService } from './index-service';
import { MOVE_DEADLINE_COMMAND } from './quick-fixes';

interface Asked {
  uri: string;
  version: number;
}

/** The deadline's name as the question says it. */
function nameOf(field: DateQuestion['field']): string {
  switch (field) {
    case 'end': return vscode.l10n.t('end date');
    case 'target': return vscode.l10n.t('target');
    case 'start': return vscode.l10n.t('start');
    default: return vscode.l10n.t('due date');
  }
}

export function registerMoveDeadline(context: vscode.ExtensionContext, index: IndexService): void {
  context.subscriptions.push(vscode.commands.registerCommand(MOVE_DEADLINE_COMMAND, (q: DateQuestion, at: Asked) => moveDeadline(index, q, at)));
}

async function moveDeadline(index: IndexService, q: DateQuestion, at: Asked): Promise<boolean> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(at.uri));
  // The action was computed from this version (the provider checked the snapshot was current for it).
  const stale = () => doc.isClosed || doc.version !== at.version;
  const item = index.plans.get(q.path)?.items[q.index];
  const today = index.snapshot?.today;
  if (stale() || !item || item.id !== q.itemId || today === undefined) return refuse(q);
  const name = nameOf(q.field);
  const now = item.fields.find((f) => f.key === q.field)?.parts[0]?.text;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t("Move the {0} of '{1}'", name, q.title || q.itemId),
    prompt: now
      ? vscode.l10n.t('Now {0}. A date (YYYY-MM-DD) or a period (2027-01, 2027-Q1); only the date is rewritten.', now)
      : vscode.l10n.t('A date (YYYY-MM-DD) or a period (2027-01, 2027-Q1); only the date is rewritten.'),
    value: q.prefill,
    valueSelection: [0, q.prefill.length],
    validateInput: (value) => {
      const check = checkDeadline(value, item, today);
      if (!check.ok) return check.reason;
      return check.note ? { message: check.note, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
    },
  });
  if (typed === undefined) return false;
  // The box was open for a while: the file may have moved on.
  if (stale()) return refuse(q);
  const check = checkDeadline(typed, item, today);
  const file = index.plans.get(q.path);
  if (!check.ok || !file) return false;
  const text = doc.getText();
  const result = moveDateEdit(file, q.index, q.field, check.text, withoutBom(text));
  if (!result.ok) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Roadmark: {0}', result.reason));
    return false;
  }
  const shift = text.length - withoutBom(text).length;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(result.edit.span.start + shift), doc.positionAt(result.edit.span.end + shift)), result.edit.newText);
  return vscode.workspace.applyEdit(edit);
}

function refuse(q: DateQuestion): false {
  void vscode.window.showWarningMessage(vscode.l10n.t("Roadmark: the file changed since '{0}' was found overdue; nothing was moved. Try the fix again.", q.title || q.itemId));
  return false;
}
