import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RoadmarkApi } from '../../../src/extension/extension';
import { at, replaceInDocument, revert, roadmark, waitFor, note } from './util';

describe('timeline panel', () => {
  let api: RoadmarkApi;
  before(async () => {
    api = await roadmark();
  });

  it('Open Timeline opens the panel, whose script runs under its CSP and asks for the model', async () => {
    await vscode.commands.executeCommand('roadmark.openTimeline');
    const panel = await waitFor('the panel', () => api.timeline(), 3000);
    assert.equal(panel.panel.viewType, 'roadmark.timeline');
    await waitFor('the webview to say ready', () => panel.received.some((m) => m.type === 'ready'), 15000);
    const model = await waitFor('the model', () => panel.currentModel, 3000);
    assert.ok(model.rows.some((r) => r.title === 'Second samples approved' && r.overdue), 'the overdue milestone is flagged');
    assert.ok(model.arrows.length > 0, 'dependencies are drawn');
  });

  it('an edit in the editor reaches the timeline model', async () => {
    const panel = api.timeline()!;
    const doc = await vscode.workspace.openTextDocument(at('projects/supplier.project.yaml'));
    await replaceInDocument(doc, 'title: Second samples approved', 'title: Second samples signed off');
    const started = Date.now();
    await waitFor('the renamed row', () => panel.currentModel?.rows.some((r) => r.title === 'Second samples signed off'), 1500);
    note(`edit → timeline model in ${Date.now() - started} ms`);
    await revert(doc);
  });

  it('a drag message rewrites only the due date; malformed messages are ignored', async () => {
    const panel = api.timeline()!;
    const row = await waitFor('the row back after the revert', () => panel.currentModel?.rows.find((r) => r.title === 'Second samples approved'), 3000);
    const doc = await vscode.workspace.openTextDocument(at('projects/supplier.project.yaml'));
    const before = doc.getText();
    for (const bad of [{ type: 'reschedule', rowId: row.id, field: 'due', date: '2027-13-45x' }, { type: 'reschedule', rowId: row.id, field: 'status', date: '2027-01-01' }, { type: 'open' }, 'reschedule', null, { type: 'eval', code: '1' }]) {
      await panel.handleMessage(bad);
    }
    await panel.handleMessage({ type: 'reschedule', rowId: row.id, field: 'due', date: '2026-12-18', generation: -1 });
    assert.equal(doc.getText(), before, 'nothing changed (a drag made on a model of another generation is refused)');
    await panel.handleMessage({ type: 'reschedule', rowId: row.id, field: 'due', date: '2026-12-18', generation: panel.currentGeneration });
    assert.equal(doc.getText(), before.replace('due: 2026-11-13', 'due: 2026-12-18'));
    await revert(doc);
  });

  it('the Tasks option asks for a model with task rows, and back', async () => {
    const panel = api.timeline()!;
    await panel.handleMessage({ type: 'options', tasks: true });
    await waitFor('task rows', () => panel.currentModel?.rows.some((r) => r.kind === 'task'), 3000);
    await panel.handleMessage({ type: 'options', tasks: false });
    await waitFor('no task rows', () => !panel.currentModel?.rows.some((r) => r.kind === 'task'), 3000);
  });

  it('an open message reveals the item in the editor', async () => {
    const panel = api.timeline()!;
    const row = panel.currentModel!.rows.find((r) => r.title === 'Riverside pilot')!;
    await panel.handleMessage({ type: 'open', rowId: row.id });
    const editor = await waitFor('the editor', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/projects/clinic-rollout.project.md') && vscode.window.activeTextEditor, 10000);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /Riverside pilot/);
  });

  it('a click made on a model the plans have since outgrown is carried out once the model catches up', async () => {
    const panel = api.timeline()!;
    const shown = panel.currentGeneration!;
    const row = panel.currentModel!.rows.find((r) => r.title === 'Riverside pilot')!;
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const doc = await vscode.workspace.openTextDocument(at('projects/clinic-rollout.project.md'));
    await replaceInDocument(doc, '- due: 2027-02-05', '- due: 2027-02-06');
    await waitFor('the index to move past the model the page shows', () => api.index.plans.generation !== shown, 5000);
    await panel.handleMessage({ type: 'open', rowId: row.id, generation: shown });
    await waitFor('the editor at the clicked item', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/projects/clinic-rollout.project.md') && /Riverside pilot/.test(active.document.lineAt(active.selection.active.line).text);
    }, 10000);
    await revert(doc);
  });

  it('the title-bar export writes the whole timeline, every row, not just the visible part', async () => {
    const panel = api.timeline()!;
    const target = at('timeline-export.svg');
    panel.nextExportTarget = target;
    await vscode.commands.executeCommand('roadmark.timeline.exportSvg');
    const bytes = await waitFor('the exported file', async () => {
      try {
        return await vscode.workspace.fs.readFile(target);
      } catch {
        return undefined;
      }
    }, 10000);
    const svg = new TextDecoder().decode(bytes);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const rows = (svg.match(/<g class="row [^"]*label"/g) ?? []).length;
    assert.equal(rows, panel.currentModel!.rows.length, 'one label per row of the model');
    await vscode.workspace.fs.delete(target);
  });
});
