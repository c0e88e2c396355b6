/** Find All References and Rename Symbol for item ids: delegates to the core language service. */
import * as vscode from 'vscode';
import { computeLineStarts } from '../../core/lines';
import { withoutBom } from '../../core/language/edits';
import { definitionOf, referencesOf, type PlanLocation } from '../../core/language/references';
import { prepareRename, renameEdits } from '../../core/language/rename';
import { targetAt } from '../../core/language/target-at';
import { toRange } from '../convert';
import type { IndexService } from '../index-service';
import { planDocument, readTexts } from './plan-document';

export class PlanReferenceProvider implements vscode.ReferenceProvider, vscode.RenameProvider {
  constructor(private readonly index: IndexService) {}

  async provideReferences(doc: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const plan = planDocument(this.index, doc);
    const target = plan && targetAt(plan.snapshot.ws, plan.file, doc.offsetAt(position), plan.text);
    if (!plan || !target || target.via === 'broken-link') return undefined;
    const refs = referencesOf(plan.snapshot.ws, target.node);
    const texts = await readTexts(this.index, [target.node.file.path, ...refs.map((r) => r.path)]);
    if (token.isCancellationRequested || this.index.snapshot !== plan.snapshot) return undefined;
    const located = [...(context.includeDeclaration ? [definitionOf(target.node, texts.get(target.node.file.path))] : []), ...referencesOf(plan.snapshot.ws, target.node, (p) => texts.get(p))];
    return located.flatMap((l) => this.location(l, texts));
  }

  prepareRename(doc: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const plan = planDocument(this.index, doc);
    if (!plan) throw new Error(vscode.l10n.t('Roadmark is still reading this file: try again in a moment'));
    const result = prepareRename(plan.snapshot.ws, plan.file, doc.offsetAt(position), plan.text);
    if (!result.ok) throw new Error(result.reason);
    return { range: new vscode.Range(doc.positionAt(result.span.start), doc.positionAt(result.span.end)), placeholder: result.placeholder };
  }

  async provideRenameEdits(doc: vscode.TextDocument, position: vscode.Position, newName: string, token: vscode.CancellationToken): Promise<vscode.WorkspaceEdit | undefined> {
    const plan = planDocument(this.index, doc);
    const target = plan && targetAt(plan.snapshot.ws, plan.file, doc.offsetAt(position), plan.text);
    if (!plan || !target || target.via === 'broken-link') throw new Error(vscode.l10n.t('Nothing to rename here'));
    const paths = [plan.file.path, target.node.file.path, ...referencesOf(plan.snapshot.ws, target.node).map((r) => r.path)];
    const texts = await readTexts(this.index, paths);
    if (token.isCancellationRequested) return undefined;
    if (this.index.snapshot !== plan.snapshot) throw new Error(vscode.l10n.t('The plan changed while renaming: try again'));
    const result = renameEdits(plan.snapshot.ws, plan.file, doc.offsetAt(position), newName, (p) => texts.get(p));
    if (!result.ok) throw new Error(result.reason);
    const edit = new vscode.WorkspaceEdit();
    for (const [path, edits] of result.edits) {
      const uri = this.index.uriOf(path);
      const lineStarts = computeLineStarts(withoutBom(texts.get(path) ?? ''));
      if (uri) for (const e of edits) edit.replace(uri, toRange(lineStarts, e.span), e.newText);
    }
    return edit;
  }

  private location(l: PlanLocation, texts: Map<string, string>): vscode.Location[] {
    const uri = this.index.uriOf(l.path);
    const text = texts.get(l.path);
    return uri && text !== undefined ? [new vscode.Location(uri, toRange(computeLineStarts(withoutBom(text)), l.span))] : [];
  }
}
