/** Roadmark: Pick Drift Baseline — branches, tags, a date, or none; written to the workspace's `roadmark.baseline`. */
import * as vscode from 'vscode';
import type { DriftController } from './drift-controller';
import { REF_TYPE, type GitRef } from './git-api';

interface Choice extends vscode.QuickPickItem {
  value?: string;
  askDate?: boolean;
}

export async function pickBaseline(drift: DriftController): Promise<void> {
  const repo = await drift.repository();
  if (!repo) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Roadmark: drift needs a git repository in the first workspace folder, and the built-in Git extension.'));
    return;
  }
  const refs: GitRef[] = repo.getRefs ? await repo.getRefs({}) : repo.state.refs ?? [];
  const current = drift.spec();
  const refItem = (r: GitRef, icon: string): Choice => ({ label: `$(${icon}) ${r.name}`, description: r.commit?.slice(0, 7), value: r.name });
  const items: Choice[] = [
    { label: `$(calendar) ${vscode.l10n.t('A date…')}`, description: vscode.l10n.t('the plan as of a day: the last commit on the current branch before it'), askDate: true },
    { label: `$(circle-slash) ${vscode.l10n.t('None')}`, description: vscode.l10n.t('drift off'), value: '' },
    { label: vscode.l10n.t('Branches'), kind: vscode.QuickPickItemKind.Separator },
    ...refs.filter((r) => r.name && (r.type === REF_TYPE.head || r.type === REF_TYPE.remoteHead)).map((r) => refItem(r, r.type === REF_TYPE.head ? 'git-branch' : 'cloud')),
    { label: vscode.l10n.t('Tags'), kind: vscode.QuickPickItemKind.Separator },
    ...refs.filter((r) => r.name && r.type === REF_TYPE.tag).map((r) => refItem(r, 'tag')),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Roadmark: compare the plan with…'), placeHolder: current ? vscode.l10n.t('now: {0}', current) : vscode.l10n.t('a branch, a tag or a date'), matchOnDescription: true });
  if (!picked) return;
  let value = picked.value;
  if (picked.askDate) {
    value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Roadmark: the plan as of…'), prompt: vscode.l10n.t('A day, YYYY-MM-DD'), value: new Date().toISOString().slice(0, 10),
      validateInput: (text) => (/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) && !Number.isNaN(Date.parse(text.trim())) ? undefined : vscode.l10n.t('Write the day as YYYY-MM-DD')),
    });
    if (value === undefined) return;
    value = value.trim();
  }
  await vscode.workspace.getConfiguration('roadmark').update('baseline', value, vscode.ConfigurationTarget.Workspace);
}
