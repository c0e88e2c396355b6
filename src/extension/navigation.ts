/** Go to Definition and hover on the ids of `goal`, `delivers` and `depends` links. */
import * as vscode from 'vscode';
import { linkAt } from '../core/language/link-at';
import { LINK_TARGETS, type PlanNode } from '../core/model/workspace';
import { toRange } from './convert';
import type { IndexService } from './index-service';
import { itemTooltip } from './views/presentation';

export class LinkNavigation implements vscode.DefinitionProvider, vscode.HoverProvider {
  constructor(private readonly index: IndexService) {}

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    const target = this.targetAt(doc, position);
    const uri = target && this.index.uriOf(target.node.file.path);
    return target && uri ? new vscode.Location(uri, toRange(target.node.file.lineStarts, target.node.item.anchor)) : undefined;
  }

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const target = this.targetAt(doc, position);
    if (!target) return undefined;
    const flags = { overdue: false, atRisk: false };
    return new vscode.Hover(itemTooltip(target.node, this.index.snapshot!.today, flags), target.range);
  }

  private targetAt(doc: vscode.TextDocument, position: vscode.Position): { node: PlanNode; range: vscode.Range } | undefined {
    const file = this.index.fileOf(doc.uri);
    const snapshot = this.index.snapshot;
    if (!file || !snapshot || doc.isDirty && file !== snapshot.ws.files.find((f) => f.path === file.path)) return undefined;
    const hit = linkAt(file, doc.offsetAt(position));
    const from = hit && snapshot.ws.nodeOf(file.path, hit.index);
    const node = hit && from && snapshot.ws.resolveLink(from, hit.link, LINK_TARGETS[hit.field]);
    return hit && node ? { node, range: toRange(file.lineStarts, hit.link.idSpan ?? hit.link.span) } : undefined;
  }
}
