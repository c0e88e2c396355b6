/**
 * Activation in a workspace with no plan files (Markdown only): opening a Markdown file activates
 * Roadmark (`onLanguage:markdown`), which must stay dormant after a cheap check; a plan file
 * appearing starts the whole extension. The numbers go to the report's log.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivationApi } from '../../../src/extension/activation';
import { at, note, roadmarkDiagnostics, waitFor } from '../suite/util';

describe('activation without plan files', () => {
  const ext = () => vscode.extensions.getExtension<ActivationApi>('roadmark.roadmark')!;
  let api: ActivationApi;

  it('nothing activates Roadmark before a Markdown file opens', () => {
    assert.equal(ext().isActive, false);
  });

  it('opening a Markdown file activates it dormant: a cheap check, no index, no providers', async () => {
    const files = await vscode.workspace.findFiles('**/*.md');
    const started = Date.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(at('README.md')));
    await waitFor('Roadmark active', () => ext().isActive, 30000);
    const wall = Date.now() - started;
    api = ext().exports;
    await waitFor('the check to answer', () => api.state !== 'checking', 30000);
    assert.equal(api.state, 'dormant');
    assert.equal(api.started(), undefined);
    const symbols = await vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', at('README.md'));
    assert.deepEqual(roadmarkDiagnostics(), []);
    note(`no plans (${files.length} Markdown files): activate() returned in ${api.activationMs} ms; the file search said "no plans" ${api.checkMs} ms after activation (in the background); opening README.md to active ${wall} ms; document symbols from other providers: ${symbols?.length ?? 0}`);
  });

  it('a plan file created in the workspace starts the whole extension, with diagnostics', async () => {
    const started = Date.now();
    await vscode.workspace.fs.writeFile(at('plans/launch.roadmap.md'), new TextEncoder().encode('---\ntype: roadmap\n---\n## Milestone: Launch {#launch due=2020-01-01}\n'));
    const full = await waitFor('the whole extension started', () => api.started(), 15000);
    await full.whenIdle();
    await waitFor('overdue on the new plan', () => roadmarkDiagnostics().some((d) => d.file === 'plans/launch.roadmap.md' && d.rule === 'overdue'), 15000);
    note(`the whole start in the same workspace (what activation cost before the check): activate ${full.activationMs} ms + first check ${full.index.firstCheckMs} ms; plan written to diagnostics ${Date.now() - started} ms`);
    await vscode.workspace.fs.delete(at('plans'), { recursive: true, useTrash: false });
  });
});
