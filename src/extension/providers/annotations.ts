/** Code lenses above projects and milestones, and inlay hints after dates; each has a setting to turn it off. */
import * as vscode from 'vscode';
import { codeLenses, inlayHints } from '../../core/language/annotations';
import type { IndexService } from '../index-service';
import { planDocument } from './plan-document';

export const CODE_LENS_SETTING = 'codeLens.enabled';
export const INLAY_HINTS_SETTING = 'inlayHints.enabled';

function enabled(doc: vscode.TextDocument, setting: string): boolean {
  return vscode.workspace.getConfiguration('roadmark', doc).get<boolean>(setting, true);
}

/** Fires when a new snapshot or a change of the setting makes earlier lenses or hints stale. */
function refreshEvent(index: IndexService, setting: string, disposables: vscode.Disposable[]): vscode.EventEmitter<void> {
  const emitter = new vscode.EventEmitter<void>();
  disposables.push(emitter, index.onDidUpdate(() => emitter.fire()), vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`roadmark.${setting}`)) emitter.fire();
  }));
  return emitter;
}

export class PlanCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed: vscode.EventEmitter<void>;
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly index: IndexService, disposables: vscode.Disposable[]) {
    this.changed = refreshEvent(index, CODE_LENS_SETTING, disposables);
    this.onDidChangeCodeLenses = this.changed.event;
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] | undefined {
    const plan = enabled(doc, CODE_LENS_SETTING) ? planDocument(this.index, doc) : undefined;
    if (!plan) return undefined;
    return codeLenses(plan.snapshot.ws, plan.file, plan.snapshot.today).map((l) => {
      const at = doc.positionAt(l.span.start);
      // A title without a command: the lens informs, clicking does nothing.
      return new vscode.CodeLens(new vscode.Range(at, at), { title: l.title, command: '' });
    });
  }
}

export class PlanInlayHintsProvider implements vscode.InlayHintsProvider {
  private readonly changed: vscode.EventEmitter<void>;
  readonly onDidChangeInlayHints: vscode.Event<void>;

  constructor(private readonly index: IndexService, disposables: vscode.Disposable[]) {
    this.changed = refreshEvent(index, INLAY_HINTS_SETTING, disposables);
    this.onDidChangeInlayHints = this.changed.event;
  }

  provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] | undefined {
    const plan = enabled(doc, INLAY_HINTS_SETTING) ? planDocument(this.index, doc) : undefined;
    if (!plan) return undefined;
    const within = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    return inlayHints(plan.file, plan.snapshot.today, { periods: true, deadlines: true, within }).map((h) => {
      const hint = new vscode.InlayHint(doc.positionAt(h.offset), h.label);
      hint.paddingLeft = true;
      hint.tooltip = h.tooltip;
      return hint;
    });
  }
}
