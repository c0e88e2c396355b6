import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { at, replaceInDocument, revert, roadmark, roadmarkDiagnostics, waitFor, note } from './util';

const overdueOn = (file: string) => roadmarkDiagnostics().filter((d) => d.rule === 'overdue' && d.file === file);

describe('live updates', () => {
  before(async () => {
    await roadmark();
  });

  it('an unsaved edit of a due date clears the overdue warning within a second, and undoing it brings it back', async () => {
    const doc = await vscode.workspace.openTextDocument(at('projects/supplier.project.yaml'));
    await vscode.window.showTextDocument(doc);
    assert.equal(overdueOn('projects/supplier.project.yaml').length, 1);
    const started = Date.now();
    await replaceInDocument(doc, 'due: 2026-11-13', 'due: 2026-12-31');
    await waitFor('overdue to go away', () => overdueOn('projects/supplier.project.yaml').length === 0, 1000);
    note(`edit → diagnostics updated in ${Date.now() - started} ms`);
    assert.ok(doc.isDirty, 'the file itself is not saved');
    await revert(doc);
    await waitFor('overdue to come back', () => overdueOn('projects/supplier.project.yaml').length === 1, 2000);
  });

  it('typing a new milestone into a Markdown plan adds its diagnostic at the typed line', async () => {
    const doc = await vscode.workspace.openTextDocument(at('projects/clinic-rollout.project.md'));
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n\n## Milestone: Forgotten deadline {#forgotten due=2026-10-01}\n'));
    const found = await waitFor('the new overdue milestone', () => overdueOn('projects/clinic-rollout.project.md').find((d) => d.diagnostic.message.includes('Forgotten deadline')), 2000);
    assert.equal(found.line, doc.positionAt(doc.getText().indexOf('## Milestone: Forgotten')).line + 1);
    assert.equal(found.column, 4, 'the diagnostic points at the heading text');
    await revert(doc);
    assert.equal(doc.isDirty, false, 'reverted');
    assert.ok(!doc.getText().includes('Forgotten deadline'), 'the text is back');
    await waitFor('it to go away after revert', () => !overdueOn('projects/clinic-rollout.project.md').some((d) => d.diagnostic.message.includes('Forgotten deadline')), 2000);
  });

  it('follows a plan file through create, rename and delete', async () => {
    const created = at('projects/new-vendor.project.md');
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('---\ntype: project\nid: new-vendor\n---\n## Milestone: Vendor chosen {#vendor-chosen due=2027-05-01}\n'));
    await waitFor('unlinked on the new project', () => roadmarkDiagnostics().some((d) => d.file === 'projects/new-vendor.project.md' && d.rule === 'unlinked'), 5000);
    const renamed = at('projects/vendor.project.md');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(created, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the diagnostic to move with the rename', () => {
      const files = roadmarkDiagnostics().map((d) => d.file);
      return files.includes('projects/vendor.project.md') && !files.includes('projects/new-vendor.project.md');
    }, 5000);
    await vscode.workspace.fs.delete(renamed);
    await waitFor('the diagnostics of the deleted file to go away', () => !roadmarkDiagnostics().some((d) => d.file === 'projects/vendor.project.md'), 5000);
    const api = await roadmark();
    assert.equal(api.index.plans.get('projects/vendor.project.md'), undefined);
  });

  it('reacts to .roadmark.yaml: a severity change applies, a bad key is reported on the config file', async () => {
    const config = at('.roadmark.yaml');
    const original = await vscode.workspace.fs.readFile(config);
    try {
      const text = new TextDecoder().decode(original);
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(`${text}\nrules:\n  overdue: error\nriskWindowDay: 3\n`));
      await waitFor('overdue as an error', () => roadmarkDiagnostics().some((d) => d.rule === 'overdue' && d.severity === 'error'), 5000);
      const onConfig = await waitFor('a diagnostic on the config', () => roadmarkDiagnostics().find((d) => d.file === '.roadmark.yaml'), 5000);
      assert.match(onConfig.diagnostic.message, /riskWindowDay.*did you mean 'riskWindowDays'/);
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
    }
    await waitFor('the default severity back', () => roadmarkDiagnostics().some((d) => d.rule === 'overdue' && d.severity === 'warning') && !roadmarkDiagnostics().some((d) => d.file === '.roadmark.yaml'), 5000);
  });

  it('reads the roadmark.rules setting over the config file', async () => {
    const settings = vscode.workspace.getConfiguration('roadmark');
    await settings.update('rules', { unplanned: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('unplanned turned off', () => !roadmarkDiagnostics().some((d) => d.rule === 'unplanned'), 5000);
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('unplanned back', () => roadmarkDiagnostics().some((d) => d.rule === 'unplanned'), 5000);
  });

  it('ignores other views of a plan file (a git diff side, say): no duplicate items', async () => {
    const api = await roadmark();
    const real = at('projects/supplier.project.yaml');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(real));
    // Like the git extension: a read-only provider serving the same file under another scheme.
    const provider = vscode.workspace.registerTextDocumentContentProvider('roadmark-test-git', { provideTextDocumentContent: () => text });
    const doc = await vscode.workspace.openTextDocument(at('projects/clinic-rollout.project.md'));
    try {
      const other = await vscode.workspace.openTextDocument(real.with({ scheme: 'roadmark-test-git' }));
      await vscode.window.showTextDocument(other);
      // A barrier instead of a sleep: an edit made after the other view opened must show in the
      // diagnostics; the index handles changes in order, so once it does, the open of the other
      // view has been handled too (its copy would be indexed by then, or never).
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, end, '\n\n## Milestone: Barrier {#barrier due=2026-10-01}\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('the barrier edit in the diagnostics', () => overdueOn('projects/clinic-rollout.project.md').some((d) => d.diagnostic.message.includes('Barrier')), 5000);
      await api.whenIdle();
      assert.deepEqual(api.index.plans.paths().filter((p) => p.includes('supplier.project.yaml')), ['projects/supplier.project.yaml'], 'one copy of the plan in the index');
      assert.ok(!roadmarkDiagnostics().some((d) => d.rule === 'duplicate-id' && d.diagnostic.message.includes("'supplier'")), 'no second copy of the project');
      await vscode.window.showTextDocument(other);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      provider.dispose();
      await revert(doc);
    }
    await waitFor('the barrier milestone to go after the revert', () => !overdueOn('projects/clinic-rollout.project.md').some((d) => d.diagnostic.message.includes('Barrier')), 5000);
  });
});
