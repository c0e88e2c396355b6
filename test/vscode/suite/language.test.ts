/** The plan language features through the editor's own commands, on the example workspace (nothing is saved). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { at, roadmark } from './util';

const ROLLOUT = 'projects/clinic-rollout.project.md';
const CAMPAIGN = 'projects/launch-campaign.project.yaml';
const ROADMAP = 'roadmap/glow.roadmap.md';

/** The document and the position `shift` characters after the first `needle`. */
async function position(path: string, needle: string, shift = needle.length): Promise<{ doc: vscode.TextDocument; pos: vscode.Position }> {
  const doc = await vscode.workspace.openTextDocument(at(path));
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `'${needle}' is in ${path}`);
  return { doc, pos: doc.positionAt(offset + shift) };
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function complete(path: string, needle: string, shift?: number, trigger?: string): Promise<vscode.CompletionItem[]> {
  const { doc, pos } = await position(path, needle, shift);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, trigger);
  return list.items;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n---\n');
}

describe('language features', () => {
  before(async () => {
    await roadmark();
  });

  it('completes status values in an attribute block, field names and dates in YAML, ids with their titles in a field list', async () => {
    const status = (await complete(ROLLOUT, 'retail-design due=2026-10-30 status=', undefined, '=')).map(labelOf);
    assert.ok(['idea', 'planned', 'in-progress', 'blocked', 'done', 'dropped'].every((s) => status.includes(s)), status.join());
    const keys = (await complete(CAMPAIGN, '    owner: noor\n    depends: campaign-brief', 6)).map(labelOf);
    assert.ok(keys.includes('owner') && keys.includes('progress') && !keys.includes('horizon'), keys.join());
    const dates = await complete(CAMPAIGN, 'due: 2027-01-15', 5, ' ');
    assert.ok(dates.some((d) => /^\d{4}-Q[1-4]$/.test(labelOf(d))), dates.map(labelOf).join());
    const ids = await complete(ROLLOUT, '- depends: [Staff trained](#staff-training), ', undefined, ' ');
    const supplier = ids.find((i) => labelOf(i) === 'retail-design');
    assert.ok(supplier, ids.map(labelOf).join());
    assert.equal((supplier.label as vscode.CompletionItemLabel).description, ROLLOUT);
    assert.ok(!ids.some((i) => labelOf(i) === 'skincare-line'), 'depends offers no initiative');
  });

  it('hovers on an item heading with its kind, dates, progress and dependencies', async () => {
    const { doc, pos } = await position(ROLLOUT, '## Milestone: Riverside pilot', 8);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
    assert.match(text, /Milestone: Riverside pilot/);
    assert.match(text, /Start: 2027-01-11/);
    assert.match(text, /Progress: \d+\/\d+ tasks/);
    assert.match(text, /Depends on: .*staff-training/);
    assert.match(text, /Needed by: /);
  });

  it('finds every reference of an id across files', async () => {
    const { doc, pos } = await position(ROLLOUT, '{#old-town', 3);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos);
    const files = refs.map((r) => vscode.workspace.asRelativePath(r.uri, false)).sort();
    assert.ok(files.includes(ROLLOUT) && files.includes(CAMPAIGN), files.join());
  });

  it('renames an id in its definition and every link; a slug id gets an explicit #id', async () => {
    const { doc, pos } = await position(ROLLOUT, '- id: riverside-pilot', 8);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, pos, 'pilot-riverside');
    const entries = edit.entries();
    const rollout = entries.find(([uri]) => uri.toString() === doc.uri.toString())![1];
    assert.ok(rollout.length >= 3, `${rollout.length} edits`);
    for (const e of rollout) {
      assert.equal(doc.getText(e.range), 'riverside-pilot');
      assert.equal(e.newText, 'pilot-riverside');
    }
    const slug = await position(ROLLOUT, 'Milestone: Opening offers designed', 12);
    const added = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', slug.doc.uri, slug.pos, 'offers');
    const [first] = added.get(slug.doc.uri);
    assert.equal(first.newText.trim(), '- id: offers');
  });

  it('outlines the plan\'s items with their dates, and finds any item by title from Ctrl+T, in Markdown and YAML', async () => {
    const doc = await vscode.workspace.openTextDocument(at(ROLLOUT));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const flat = (list: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => list.flatMap((s) => [s, ...flat(s.children ?? [])]);
    const pilot = flat(symbols).find((s) => s.name === 'Riverside pilot' && s.kind === vscode.SymbolKind.Event);
    assert.equal(pilot?.detail, '2027-01-11 → 2027-02-05');
    const yaml = await vscode.workspace.openTextDocument(at(CAMPAIGN));
    const yamlSymbols = flat(await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', yaml.uri));
    assert.ok(yamlSymbols.some((s) => s.name === 'Before-and-after photo shoot'));
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'photo shoot');
    assert.ok(found.some((s) => s.name === 'Before-and-after photo shoot' && s.location.uri.toString() === yaml.uri.toString()));
  });

  it('folds YAML items', async () => {
    const { doc, pos } = await position(CAMPAIGN, '  - id: photo-shoot');
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    assert.ok(ranges.some((r) => r.start === pos.line && r.end > pos.line), JSON.stringify(ranges));
  });

  it('shows a code lens above milestones and inlay hints after periods and deadlines', async () => {
    const doc = await vscode.workspace.openTextDocument(at(ROLLOUT));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /^\d+\/\d+ tasks · .*delivers Launch the Lumen Glow line$/.test(t)), titles.join('\n'));
    const roadmap = await vscode.workspace.openTextDocument(at(ROADMAP));
    const whole = new vscode.Range(0, 0, roadmap.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', roadmap.uri, whole);
    const q1 = roadmap.positionAt(roadmap.getText().indexOf('target=2027-Q2') + 'target=2027-Q2'.length);
    assert.ok(hints.some((h) => h.position.isEqual(q1) && h.label === 'Jun 30'), hints.map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}`).join('\n'));
    const rolloutHints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
    assert.ok(rolloutHints.some((h) => /^(in \d+ days?|\d+ days? ago|today)$/.test(String(h.label))));
  });

  it('turns code lenses and inlay hints off with their settings', async function () {
    const declared = vscode.extensions.getExtension('roadmark.roadmark')!.packageJSON.contributes.configuration;
    const text = JSON.stringify(declared ?? {});
    if (!text.includes('roadmark.codeLens.enabled') || !text.includes('roadmark.inlayHints.enabled')) this.skip();
    const config = vscode.workspace.getConfiguration('roadmark');
    const doc = await vscode.workspace.openTextDocument(at(ROLLOUT));
    try {
      await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
      await config.update('inlayHints.enabled', false, vscode.ConfigurationTarget.Workspace);
      assert.equal((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)).length, 0);
      assert.equal((await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0))).length, 0);
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
