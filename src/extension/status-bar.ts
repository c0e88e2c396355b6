/** `$(milestone) 2 overdue · 1 at risk` in the status bar; a click opens the Schedule view. */
import * as vscode from 'vscode';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('roadmark.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = vscode.l10n.t('Roadmark');
    this.item.command = 'roadmark.showSchedule';
  }

  update(hasPlans: boolean, overdue: number, atRisk: number): void {
    if (!hasPlans || !vscode.workspace.getConfiguration('roadmark').get<boolean>('statusBar', true)) {
      this.item.hide();
      return;
    }
    const parts = [overdue ? vscode.l10n.t('{0} overdue', overdue) : undefined, atRisk ? vscode.l10n.t('{0} at risk', atRisk) : undefined].filter(Boolean);
    this.item.text = `$(milestone) ${parts.length ? parts.join(' · ') : vscode.l10n.t('on track')}`;
    this.item.tooltip = parts.length ? vscode.l10n.t('Roadmark: {0}. Click to open the Schedule.', parts.join(', ')) : vscode.l10n.t('Roadmark: nothing overdue or at risk. Click to open the Schedule.');
    this.item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
