/**
 * Plan drift in the real editor, through the real built-in Git extension: the runner makes the
 * example workspace a git repository with one commit (tag `plan-baseline`); here a milestone's
 * due date moves in an unsaved edit and the hover, the Roadmap view, the slipped diagnostic and
 * the timeline model all say so. Desktop host only: the web has no Git extension.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RoadmarkApi } from '../../../src/extension/extension';
import type { ItemElement, TreeElement } from '../../../src/extension/views/elements';
import { at, replaceInDocument, revert, roadmark, waitFor, note } from './util';

describe('plan drift (Git extension)', () => {
  let api: RoadmarkApi;
  before(async () => {
    api = await roadmark();
  });
  after(async () => {
    await vscode.workspace.getConfiguration('roadmark').update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('a due date moved since the baseline shows in the hover, the Roadmap view, the slipped rule and the timeline', async () => {
    assert.ok(vscode.extensions.getExtension('vscode.git'), 'the built-in Git extension is there');
    const started = Date.now();
    await vscode.workspace.getConfiguration('roadmark').update('baseline', 'plan-baseline', vscode.ConfigurationTarget.Workspace);
    await waitFor('the baseline to be read', () => api.index.snapshot?.baseline?.info.ref === 'plan-baseline', 20000);
    note(`drift: baseline read through the Git extension ${Date.now() - started} ms after the setting changed`);
    assert.match(api.index.snapshot!.baseline!.label, /^plan-baseline \([0-9a-f]{7}, \d{4}-\d{2}-\d{2}\)$/);

    const doc = await vscode.workspace.openTextDocument(at('projects/clinic-rollout.project.md'));
    await vscode.window.showTextDocument(doc);
    await replaceInDocument(doc, '- due: 2027-02-05', '- due: 2027-02-19');
    try {
      const slipped = await waitFor('the slipped diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code && (typeof d.code === 'object' ? d.code.value : d.code) === 'slipped'), 10000);
      assert.match(slipped.message, /^Milestone 'Riverside pilot' slipped 14 days since plan-baseline \(due was 2027-02-05\)$/);
      assert.equal(slipped.severity, vscode.DiagnosticSeverity.Information);

      const heading = doc.positionAt(doc.getText().indexOf('Riverside pilot') + 2);
      const hovers = await waitFor('a hover that tells the slip', async () => {
        const list = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, heading);
        const text = list.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n').replace(/\\(.)/g, '$1');
        return /Slipped 14 days since plan-baseline \(due was 2027-02-05\)/.test(text) && text;
      }, 5000);
      assert.ok(hovers);

      const item = await waitFor('the Roadmap item with its drift decoration', () => {
        const node = findItem(api.roadmap.getChildren(), 'Riverside pilot');
        const treeItem = node && api.roadmap.getTreeItem(node);
        return treeItem?.resourceUri?.scheme === 'roadmark-drift' && treeItem;
      }, 5000);
      assert.match(item.resourceUri!.path, /^\/slipped\//);
      assert.match(item.resourceUri!.query, /^Slipped 14 days since plan-baseline/);

      await vscode.commands.executeCommand('roadmark.openTimeline');
      const panel = await waitFor('the timeline', () => api.timeline(), 5000);
      const row = await waitFor('a ghost row', () => panel.currentModel?.rows.find((r) => r.title === 'Riverside pilot' && r.baseline), 10000);
      assert.notEqual(row.baseline!.end, row.end, 'the ghost stands where the milestone was');
      assert.ok(panel.currentModel!.baseline!.changes.some((c) => c.rowId === row.id && /due 2027-02-05 → 2027-02-19 \(14 days later\)/.test(c.text)));
    } finally {
      await revert(doc);
    }
    await vscode.workspace.getConfiguration('roadmark').update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('drift off again', () => !api.index.snapshot?.baseline && !vscode.languages.getDiagnostics(doc.uri).some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'slipped'), 10000);
  });
});

function findItem(elements: TreeElement[], title: string): ItemElement | undefined {
  for (const e of elements) {
    if (e.type === 'item' && e.node.item.title === title) return e;
    const below = findItem(e.children, title);
    if (below) return below;
  }
  return undefined;
}
