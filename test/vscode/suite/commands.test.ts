import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RoadmarkApi } from '../../../src/extension/extension';
import { at, revert, roadmark, waitFor } from './util';

/** The only difference between two texts, as [offset, removed, inserted]. */
function diff(a: string, b: string): [number, string, string] {
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  return [start, a.slice(start, endA), b.slice(start, endB)];
}

describe('commands', () => {
  let api: RoadmarkApi;
  before(async () => {
    api = await roadmark();
  });

  it('registers every command of the manifest under the Roadmark category', async () => {
    const all = await vscode.commands.getCommands(true);
    const manifest = vscode.extensions.getExtension('roadmark.roadmark')!.packageJSON.contributes.commands as { command: string; category: string }[];
    for (const c of manifest) {
      assert.ok(all.includes(c.command), `${c.command} is registered`);
      assert.equal(c.category, 'Roadmark');
    }
  });

  it('Mark Done ticks a Markdown task box and changes nothing else; undo restores it', async () => {
    const uri = at('projects/clinic-rollout.project.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = doc.getText();
    const file = api.index.fileOf(uri)!;
    const index = file.items.findIndex((i) => i.kind === 'task' && i.status !== 'done');
    assert.ok(index > 0);
    assert.equal(await vscode.commands.executeCommand('roadmark.markDone', { path: file.path, index }), true);
    const [offset, removed, inserted] = diff(before, doc.getText());
    assert.deepEqual([removed, inserted], [' ', 'x']);
    assert.equal(before.slice(offset - 1, offset + 2), '[ ]');
    await waitFor('the task to read as done', () => api.index.fileOf(uri)!.items[index].status === 'done', 2000);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before);
    await revert(doc);
  });

  it('Mark Done on a YAML milestone rewrites only its status value', async () => {
    const uri = at('projects/supplier.project.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = doc.getText();
    const file = api.index.fileOf(uri)!;
    const index = file.items.findIndex((i) => i.id === 'samples-round-2');
    assert.equal(await vscode.commands.executeCommand('roadmark.markDone', { path: file.path, index }), true);
    assert.deepEqual(diff(before, doc.getText()).slice(1), ['in-progress', 'done']);
    await waitFor('overdue to go once it is done', () => !vscode.languages.getDiagnostics(uri).some((d) => d.message.includes('Second samples approved') && String((d.code as { value: string }).value) === 'overdue'), 2000);
    await revert(doc);
  });

  it('Mark Done works from the cursor in the editor', async () => {
    const uri = at('projects/clinic-rollout.project.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const offset = doc.getText().indexOf('## Milestone: Staff trained');
    editor.selection = new vscode.Selection(doc.positionAt(offset + 5), doc.positionAt(offset + 5));
    const before = doc.getText();
    assert.equal(await vscode.commands.executeCommand('roadmark.markDone'), true);
    assert.deepEqual(diff(before, doc.getText()).slice(1), ['in-progress', 'done']);
    await revert(doc);
  });

  it('New Project File writes a plan from the template that the index reads', async () => {
    const target = at('projects/aftercare-kits.project.md');
    const created = await vscode.commands.executeCommand<vscode.Uri>('roadmark.newProjectFile', target);
    assert.equal(created?.toString(), target.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^---\ntype: project\nid: aftercare-kits\n/);
    await waitFor('the new project in the index', () => api.index.fileOf(target)?.items[0].kind === 'project', 3000);
    await api.whenIdle();
    const rules = vscode.languages.getDiagnostics(target).map((d) => (d.code as { value: string }).value);
    assert.ok(!rules.includes('broken-link') && !rules.includes('unlinked'), `the template links to an initiative of the roadmap: ${rules}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(target);
    await waitFor('the project to leave the index', () => !api.index.fileOf(target), 3000);
  });

  it('New Roadmap File writes a roadmap whose goal and initiative the index reads', async () => {
    const target = at('strategy.roadmap.md');
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('roadmark.newRoadmapFile', target))?.toString(), target.toString());
    const file = await waitFor('the roadmap in the index', () => api.index.fileOf(target), 3000);
    assert.deepEqual(file.items.map((i) => i.kind), ['roadmap', 'goal', 'initiative']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(target);
    await waitFor('the roadmap to leave the index', () => !api.index.fileOf(target), 3000);
  });

  it('Show Schedule focuses the Schedule view', async () => {
    await vscode.commands.executeCommand('roadmark.showSchedule');
    await waitFor('the Schedule view to be visible', () => api.views.schedule.visible, 3000);
  });

  it('Reveal in Roadmap selects the item in the Roadmap view', async () => {
    const file = api.index.fileOf(at('projects/supplier.project.yaml'))!;
    const index = file.items.findIndex((i) => i.id === 'samples-round-2');
    assert.equal(await vscode.commands.executeCommand('roadmark.revealInRoadmap', { path: file.path, index }), true);
    const selected = await waitFor('the selection', () => api.views.roadmap.selection[0], 10000);
    assert.equal(selected.type === 'item' && selected.node.item.id, 'samples-round-2');
  });

  it('Open Item Source opens the file at the item', async () => {
    const file = api.index.fileOf(at('projects/supplier.project.yaml'))!;
    const index = file.items.findIndex((i) => i.id === 'samples-round-2');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('roadmark.openItem', file.path, index);
    assert.ok(editor);
    assert.equal(editor.document.lineAt(editor.selection.active.line).text.trim(), '- id: samples-round-2');
  });

  it('Open Rule Documentation opens the page bundled with the extension, not the web fallback', async () => {
    const extension = vscode.extensions.getExtension('roadmark.roadmark')!;
    const bundled = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'after-target.md');
    await vscode.workspace.fs.stat(bundled); // the page is in the installed extension
    const uri = await vscode.commands.executeCommand<vscode.Uri>('roadmark.openRuleDocs', 'after-target');
    // The fallback returns the https URL it opened externally; the bundled path returns the file.
    assert.equal(uri?.toString(), bundled.toString(), 'the command took the bundled page, not the web fallback');
    // And the Markdown preview of that page became the active tab (the fallback opens no tab).
    const isPreview = (tab: vscode.Tab | undefined) => tab?.input instanceof vscode.TabInputWebview && /markdown\.preview$/.test(tab.input.viewType) && tab.label === 'Preview after-target.md';
    await waitFor('the Markdown preview of after-target.md to be the active tab', () => isPreview(vscode.window.tabGroups.activeTabGroup.activeTab), 10000);
    // The preview's source is the file inside the extension, not a copy or a web page.
    const source = await waitFor('the preview\'s source in an editor (Markdown: Open Source)', async () => {
      const active = () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/after-target.md') && vscode.window.activeTextEditor;
      if (!active()) await vscode.commands.executeCommand('markdown.showSource');
      return active();
    }, 5000);
    assert.equal(source.document.uri.toString(), bundled.toString());
    assert.match(source.document.lineAt(0).text, /^# `after-target`/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const preview = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isPreview);
    await vscode.window.tabGroups.close(preview);
  });

  it('offers a quick fix for a near-miss field name that edits only the key', async () => {
    const uri = at('projects/booking-integration.project.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => (d.code as { value: string }).value === 'unknown-field')!;
    assert.ok(diagnostic, 'the example has an unknown-field warning');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Rename 'owne' to 'owner'");
    assert.ok(fix?.edit, `quick fixes: ${actions.map((a) => a.title).join(', ')}`);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.deepEqual(diff(before, doc.getText()).slice(1), ['', 'r']);
    await waitFor('the warning to go', () => !vscode.languages.getDiagnostics(uri).some((d) => (d.code as { value: string }).value === 'unknown-field'), 3000);
    await revert(doc);
    await waitFor('the warning back after the revert', () => vscode.languages.getDiagnostics(uri).some((d) => (d.code as { value: string }).value === 'unknown-field'), 3000);
  });

  it('a human date gets a quick fix that writes its canonical form, and nothing else (1.1)', async () => {
    const uri = at('projects/clinic-rollout.project.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const isDate = (d: vscode.Diagnostic) => (d.code as { value: string }).value === 'invalid-date' && d.message.includes('Feb 26, 2027');
    const diagnostic = await waitFor('the invalid-date on the press release', () => vscode.languages.getDiagnostics(uri).find(isDate), 5000);
    assert.match(diagnostic.message, /read as 2027-02-26/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Write 2027-02-26');
    assert.ok(fix?.edit, `quick fixes: ${actions.map((a) => a.title).join(', ')}`);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), before.replace('due="Feb 26, 2027"', 'due="2027-02-26"'), 'only the date changed, quotes kept');
    await waitFor('the error to go', () => !vscode.languages.getDiagnostics(uri).some(isDate), 3000);
    await revert(doc);
  });

  it('a synonym key is read as its field and its quick fix renames just the key (1.1)', async () => {
    const uri = at('projects/clinic-rollout.project.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    const at0 = original.indexOf('- due: 2027-04-15');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at0), doc.positionAt(at0 + '- due'.length)), '- deadline'));
    const isSynonym = (d: vscode.Diagnostic) => (d.code as { value: string }).value === 'unknown-field' && d.message.includes("'deadline'");
    const diagnostic = await waitFor('the synonym warning', () => vscode.languages.getDiagnostics(uri).find(isSynonym), 5000);
    assert.ok(vscode.languages.getDiagnostics(uri).some((d) => (d.code as { value: string }).value === 'after-target' && d.message.includes('Harbour')), 'the deadline is still read: after-target still fires');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === "Rename 'deadline' to 'due'");
    assert.ok(fix?.edit, `quick fixes: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), original, 'byte for byte the file as it was');
    await revert(doc);
  });

  it('Go to Definition and hover on a depends id lead to the milestone it names', async () => {
    const uri = at('projects/supplier.project.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const offset = doc.getText().indexOf('depends: samples-round-1') + 'depends: '.length + 3;
    const position = doc.positionAt(offset);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, position);
    const target = locations.map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetRange } : l))[0];
    assert.ok(target, 'a definition');
    assert.equal(target.uri.toString(), uri.toString());
    assert.equal(doc.getText(target.range), 'samples-round-1', 'the id of the milestone it depends on');
    assert.equal(doc.lineAt(target.range.start.line).text.trim(), '- id: samples-round-1');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /First samples assessed/);
  });

  it('Refresh re-reads the workspace and keeps the same diagnostics', async () => {
    await api.whenIdle();
    const seen = () => vscode.languages.getDiagnostics().flatMap(([uri, ds]) => ds.filter((d) => d.source === 'roadmark').map((d) => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1} ${(d.code as { value: string }).value ?? d.code}`)).sort();
    const before = seen();
    assert.ok(before.length > 10, `the example workspace has its diagnostics before the refresh: ${before.length}`);
    let updates = 0;
    const listening = api.index.onDidUpdate(() => updates++);
    try {
      await vscode.commands.executeCommand('roadmark.refresh');
      await api.whenIdle();
    } finally {
      listening.dispose();
    }
    assert.ok(updates >= 1, 'the refresh checked the workspace again');
    assert.deepEqual(seen(), before);
  });
});
