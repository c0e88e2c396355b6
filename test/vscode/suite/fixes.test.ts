/**
 * The quick fixes and fix-all through the editor's own command (vscode.executeCodeActionProvider)
 * on the example workspace: each fix is applied, the whole file compared with what a person
 * would have written, and the file put back. The Markdown preview plugin through the Markdown
 * extension's own renderer.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RoadmarkApi } from '../../../src/extension/extension';
import { at, replaceInDocument, revert, roadmark, waitFor } from './util';

const SUPPLIER = 'projects/supplier.project.yaml';
const ROLLOUT = 'projects/clinic-rollout.project.md';
const DISPLAYS = 'clinics/retail-displays.md';

const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function diagnostic(uri: vscode.Uri, rule: string, message?: RegExp): Promise<vscode.Diagnostic> {
  return waitFor(`a ${rule} diagnostic in ${uri.path}`, () => vscode.languages.getDiagnostics(uri).find((d) => ruleOf(d) === rule && (!message || message.test(d.message))), 5000);
}

async function actions(uri: vscode.Uri, range: vscode.Range, kind = vscode.CodeActionKind.QuickFix.value): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

function titled(list: vscode.CodeAction[], title: string): vscode.CodeAction {
  const found = list.find((a) => a.title === title);
  assert.ok(found, `'${title}' among: ${list.map((a) => a.title).join(' | ')}`);
  return found;
}

/** Replaces the whole document (unsaved). */
async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.equal(doc.getText(), text);
}

/** Applies the action's edit and checks the whole document; then puts the file back as it is on disk. */
async function applyAndCheck(doc: vscode.TextDocument, action: vscode.CodeAction, expected: string): Promise<void> {
  assert.ok(action.edit, `${action.title} has an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  assert.equal(doc.getText(), expected, 'the whole file, byte for byte');
}

describe('quick fixes', () => {
  let api: RoadmarkApi;
  before(async () => {
    api = await roadmark();
  });
  afterEach(async () => {
    for (const path of [SUPPLIER, ROLLOUT, DISPLAYS]) await revert(await vscode.workspace.openTextDocument(at(path)));
    await api.whenIdle();
  });

  it('overdue: Mark done rewrites only the status; Move due date… asks with a date a week out and writes it', async () => {
    const uri = at(SUPPLIER);
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = doc.getText();
    const d = await diagnostic(uri, 'overdue', /Second samples approved/);
    const list = await actions(uri, d.range);
    await applyAndCheck(doc, titled(list, "Mark 'Second samples approved' done"), before.replace('    due: 2026-11-13\n    status: in-progress', '    due: 2026-11-13\n    status: done'));
    await revert(doc);
    await api.whenIdle();
    const move = titled(await actions(uri, (await diagnostic(uri, 'overdue', /Second samples approved/)).range), 'Move due date…');
    assert.equal(move.command?.command, 'roadmark.moveDeadline');
    // The command shows an input box prefilled with a week from the example's today (2026-11-23): accept it as is.
    await vscode.window.showTextDocument(doc);
    const moved = vscode.commands.executeCommand<boolean>(move.command.command, ...(move.command.arguments ?? []));
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await moved, true);
    assert.equal(doc.getText(), before.replace('due: 2026-11-13', 'due: 2026-11-30'));
    await waitFor('overdue to go', () => !vscode.languages.getDiagnostics(uri).some((x) => ruleOf(x) === 'overdue' && x.message.includes('Second samples')), 5000);
  });

  it('refuses to move a date once the document changed after the fix was offered (habit 16)', async () => {
    const uri = at(SUPPLIER);
    const doc = await vscode.workspace.openTextDocument(uri);
    const move = titled(await actions(uri, (await diagnostic(uri, 'overdue', /Second samples approved/)).range), 'Move due date…');
    await replaceInDocument(doc, '# Formulation', '# The formulation');
    const edited = doc.getText();
    assert.equal(await vscode.commands.executeCommand<boolean>(move.command!.command, ...(move.command!.arguments ?? [])), false);
    assert.equal(doc.getText(), edited, 'nothing moved');
  });

  it('offers nothing for a diagnostic an edit made stale, and the fix again once the check has caught up', async () => {
    const uri = at(SUPPLIER);
    const doc = await vscode.workspace.openTextDocument(uri);
    const stale = await diagnostic(uri, 'invalid-date', /2027-02-30/);
    await replaceInDocument(doc, '# Formulation', '# A line above\n# Formulation');
    // The shown diagnostic is a line too high now: its fix would land on the wrong characters.
    const titles = (await actions(uri, stale.range)).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Write 2027-02-28')), titles.join(' | '));
    const fresh = await waitFor('the diagnostic on its new line', () => vscode.languages.getDiagnostics(uri).find((d) => ruleOf(d) === 'invalid-date' && d.range.start.line === stale.range.start.line + 1), 5000);
    titled(await actions(uri, fresh.range), 'Write 2027-02-28 (the last day of February 2027)');
  });

  it('invalid-date: a day past its month\'s end gets the month\'s last day, nothing else changes', async () => {
    const uri = at(SUPPLIER);
    const doc = await vscode.workspace.openTextDocument(uri);
    const d = await diagnostic(uri, 'invalid-date', /2027-02-30/);
    await applyAndCheck(doc, titled(await actions(uri, d.range), 'Write 2027-02-28 (the last day of February 2027)'), doc.getText().replace('due: 2027-02-30', 'due: 2027-02-28'));
  });

  it('duplicate-id: a free id for the second definition; no link can be told to mean it, so only it changes', async () => {
    const uri = at(SUPPLIER);
    const doc = await vscode.workspace.openTextDocument(uri);
    const rollout = await vscode.workspace.openTextDocument(at(ROLLOUT));
    const rolloutBefore = rollout.getText();
    const d = await diagnostic(uri, 'duplicate-id');
    const fix = titled(await actions(uri, d.range), "Give milestone 'Ingredient training for therapists by Nordform' the unique id 'staff-training-2' (only this definition: no link can be told to mean it)");
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edit!.entries().map(([u]) => u.toString()), [uri.toString()], 'one file edited');
    await applyAndCheck(doc, fix, doc.getText().replace('  - id: staff-training\n', '  - id: staff-training-2\n'));
    assert.equal(rollout.getText(), rolloutBefore);
    await waitFor('duplicate-id to go', () => !vscode.languages.getDiagnostics(uri).some((x) => ruleOf(x) === 'duplicate-id'), 5000);
  });

  it('status-mismatch: tick the open tasks of a done project, or reopen it', async () => {
    const uri = at(DISPLAYS);
    const doc = await vscode.workspace.openTextDocument(uri);
    const before = doc.getText();
    const d = await diagnostic(uri, 'status-mismatch');
    const list = await actions(uri, d.range);
    await applyAndCheck(doc, titled(list, 'Tick the 2 open tasks'), before.replace('- [ ] Replace the cracked', '- [x] Replace the cracked').replace('- [ ] Lockable', '- [x] Lockable'));
    await waitFor('status-mismatch to go', () => !vscode.languages.getDiagnostics(uri).some((x) => ruleOf(x) === 'status-mismatch'), 5000);
    await revert(doc);
    await api.whenIdle();
    const again = await actions(uri, (await diagnostic(uri, 'status-mismatch')).range);
    await applyAndCheck(doc, titled(again, "Reopen 'Retail displays in the clinic receptions' (status: in-progress)"), before.replace('status: done\n', 'status: in-progress\n'));
  });

  it('dependency-order: moves the start after the dependency and the due date with it', async () => {
    const uri = at(ROLLOUT);
    const doc = await vscode.workspace.openTextDocument(uri);
    const d = await diagnostic(uri, 'dependency-order');
    const fix = titled(await actions(uri, d.range), "Move start after 'First production run delivered' (start 2027-01-22, due 2027-02-16)");
    await applyAndCheck(doc, fix, doc.getText().replace('- start: 2027-01-11\n- due: 2027-02-05', '- start: 2027-01-22\n- due: 2027-02-16'));
    await waitFor('dependency-order on the pilot to go', () => !vscode.languages.getDiagnostics(uri).some((x) => ruleOf(x) === 'dependency-order' && x.message.includes('Riverside pilot starts')), 5000);
    // The pilot now starts later, so what starts a week after it (SS+1w) is early in turn: its own fix moves it.
    const next = await diagnostic(uri, 'dependency-order', /Opening offers designed/);
    titled(await actions(uri, next.range), "Move start after 'Riverside pilot' (start 2027-01-29, due 2027-02-23)");
  });

  it('fix all: one action per rule in the file, and source.fixAll.roadmark for fix on save', async () => {
    const uri = at(ROLLOUT);
    const doc = await vscode.workspace.openTextDocument(uri);
    await replaceInDocument(doc, '- due: 2027-04-15', '- deadline: April 15, 2027');
    await replaceInDocument(doc, '{due=2027-02-19 owner=jonas}', '{due="Feb 19, 2027" owner=jonas}');
    const edited = doc.getText();
    const expected = edited.replace('- deadline: April 15, 2027', '- due: 2027-04-15').replace('"Feb 19, 2027"', '"2027-02-19"').replace('"Feb 26, 2027"', '"2027-02-26"');
    const d = await diagnostic(uri, 'invalid-date', /Feb 19, 2027/);
    const perRule = titled(await actions(uri, d.range), 'Fix all invalid-date in this file (3)');
    await applyAndCheck(doc, perRule, edited.replace('April 15, 2027', '2027-04-15').replace('"Feb 19, 2027"', '"2027-02-19"').replace('"Feb 26, 2027"', '"2027-02-26"'));
    await setText(doc, edited);
    await api.whenIdle();
    const all = await actions(uri, new vscode.Range(0, 0, doc.lineCount, 0), vscode.CodeActionKind.SourceFixAll.value);
    await applyAndCheck(doc, titled(all, 'Fix all Roadmark problems with a safe fix in this file (4)'), expected);
    assert.equal(all[0].kind?.value, 'source.fixAll.roadmark');
  });

  it('fix on save: editor.codeActionsOnSave with source.fixAll.roadmark writes the safe fixes when the file is saved', async () => {
    const uri = at(ROLLOUT);
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'markdown', uri });
    await config.update('codeActionsOnSave', { 'source.fixAll.roadmark': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await revert(doc);
      await vscode.window.showTextDocument(doc);
      await replaceInDocument(doc, '- due: 2027-04-15', '- due: 15 Apr 2027');
      await api.whenIdle();
      await doc.save();
      await waitFor('the saved file to have the canonical date', async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).includes('- due: 2027-04-15'), 5000);
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    // The save also fixed the press release's date: put the file back as it was.
    await replaceInDocument(doc, '{due="2027-02-26" owner=noor}', '{due="Feb 26, 2027" owner=noor}');
    await doc.save();
  });
});

describe('Markdown preview', () => {
  before(async () => {
    await roadmark();
  });

  it('the preview of a plan file shows chips, links across files and the overdue mark; other Markdown is untouched', async () => {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', await vscode.workspace.openTextDocument(at(ROLLOUT)));
    assert.match(html, /class="roadmark-chips"/);
    assert.ok(!html.includes('{#retail-design'), 'attribute blocks are chips, not text');
    assert.match(html, /<a class="roadmark-chip roadmark-chip-link" href="supplier\.project\.yaml#first-production"/, 'a link to a milestone in another file');
    // Text without a document: a plan by its `type:`; overdue as of the example's pinned today (2026-11-23).
    const late = await vscode.commands.executeCommand<string>('markdown.api.render', '---\ntype: project\nid: late\n---\n## Milestone: Late {#late due=2026-11-13}\n');
    assert.match(late, /<h2 [^>]*class="[^"]*roadmark-overdue/);
    assert.match(late, /<h2 [^>]*id="milestone-late"/, 'VS Code\'s own heading id is the same as without the plugin');
    assert.match(late, /roadmark-chip-overdue"[^>]*><span class="roadmark-chip-label">overdue<\/span> <span class="roadmark-chip-value">10 days</);
    const readme = await vscode.commands.executeCommand<string>('markdown.api.render', await vscode.workspace.openTextDocument(at('README.md')));
    assert.ok(!readme.includes('roadmark-chip'), 'README.md is not a plan');
  });
});
