/**
 * Roadmark's JSON schemas for YAML plans (`contributes.yamlValidation`) take effect only through
 * the Red Hat YAML extension, which Roadmark recommends and does not depend on: Roadmark's own
 * checks run on YAML plans either way. The context key `roadmark.yamlSupport` says whether it is
 * installed (the walkthrough's YAML step completes on it), and the first time a YAML plan is shown
 * without it, one notification says what it would add; it is never shown again (globalState).
 */
import * as vscode from 'vscode';

export const YAML_EXTENSION = 'redhat.vscode-yaml';
const SHOWN = 'roadmark.yamlRecommendation.shown';

export type YamlRecommendation = 'installed' | 'shown' | 'not-yet';

/** Whether the document is a YAML plan or `.roadmark.yaml` (by the extension's own test). */
type IsPlan = (doc: vscode.TextDocument) => boolean;

export class YamlSupport implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The notification's answer, once someone has answered it (tests read it). */
  answer: Thenable<string | undefined> | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly isPlan: IsPlan) {
    this.setContext();
    vscode.extensions.onDidChange(() => this.setContext(), null, this.disposables);
    vscode.window.onDidChangeActiveTextEditor((e) => e && this.consider(e.document), null, this.disposables);
    for (const e of vscode.window.visibleTextEditors) this.consider(e.document);
  }

  get installed(): boolean {
    return !!vscode.extensions.getExtension(YAML_EXTENSION);
  }

  get state(): YamlRecommendation {
    return this.installed ? 'installed' : this.context.globalState.get<boolean>(SHOWN) ? 'shown' : 'not-yet';
  }

  private setContext(): void {
    void vscode.commands.executeCommand('setContext', 'roadmark.yamlSupport', this.installed);
  }

  /** Shows the notification once, for the first YAML plan seen without the YAML extension. */
  consider(doc: vscode.TextDocument): void {
    if (doc.languageId !== 'yaml' || this.state !== 'not-yet' || !this.isPlan(doc)) return;
    void this.context.globalState.update(SHOWN, true);
    const install = vscode.l10n.t('Install YAML Extension');
    const later = vscode.l10n.t('Not Now');
    this.answer = vscode.window.showInformationMessage(
      vscode.l10n.t('Roadmark checks this YAML plan as it is. Completion, hovers and validation while you type come from its schemas through the Red Hat YAML extension (optional).'),
      install, later,
    );
    void this.answer.then((choice) => {
      if (choice === install) void vscode.commands.executeCommand('workbench.extensions.installExtension', YAML_EXTENSION);
    });
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
