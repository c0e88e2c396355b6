/** Hover on an item's heading or id (link values keep navigation.ts's hover). */
import * as vscode from 'vscode';
import { hoverAt } from '../../core/language/hover';
import type { IndexService } from '../index-service';
import { itemDriftNotes } from '../../core/drift/index';
import type { PlanNode } from '../../core/model/workspace';
import { driftOf } from '../drift/drift-of';
import { planDocument } from './plan-document';

export class PlanHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: IndexService, private readonly links = false) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const plan = planDocument(this.index, doc);
    const baseline = plan?.snapshot.baseline;
    const drift = baseline && ((node: PlanNode) => itemDriftNotes(driftOf(plan.snapshot)?.byId.get(node.item.id) ?? [], baseline.info.ref));
    const hover = plan && hoverAt(plan.snapshot.ws, plan.file, doc.offsetAt(position), plan.snapshot.today, { links: this.links, text: plan.text, drift });
    if (!hover) return undefined;
    const md = new vscode.MarkdownString(hover.markdown);
    md.isTrusted = false;
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(hover.span.start), doc.positionAt(hover.span.end)));
  }
}
