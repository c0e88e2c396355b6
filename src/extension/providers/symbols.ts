/** Outline, Go to Symbol in Workspace and folding for plan items: delegates to the core language service. */
import * as vscode from 'vscode';
import { documentSymbols, foldingRanges, workspaceSymbols, type PlanSymbol } from '../../core/language/symbols';
import type { Kind } from '../../core/model/types';
import { toRange } from '../convert';
import type { IndexService } from '../index-service';
import { planDocument } from './plan-document';

const SYMBOL_KIND: Record<Kind, vscode.SymbolKind> = {
  roadmap: vscode.SymbolKind.Namespace,
  goal: vscode.SymbolKind.Key,
  initiative: vscode.SymbolKind.Class,
  project: vscode.SymbolKind.Package,
  milestone: vscode.SymbolKind.Event,
  task: vscode.SymbolKind.Field,
};

export class PlanSymbolProvider implements vscode.DocumentSymbolProvider, vscode.WorkspaceSymbolProvider, vscode.FoldingRangeProvider {
  constructor(private readonly index: IndexService) {}

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const plan = planDocument(this.index, doc);
    return plan && documentSymbols(plan.file).map((s) => toSymbol(plan.file.lineStarts, s));
  }

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const ws = this.index.snapshot?.ws;
    if (!ws) return [];
    return workspaceSymbols(ws, query).flatMap((s) => {
      const uri = this.index.uriOf(s.path);
      const file = ws.nodeOf(s.path, 0)?.file;
      return uri && file ? [new vscode.SymbolInformation(s.name, SYMBOL_KIND[s.kind], s.detail, new vscode.Location(uri, toRange(file.lineStarts, s.span)))] : [];
    });
  }

  provideFoldingRanges(doc: vscode.TextDocument): vscode.FoldingRange[] | undefined {
    const plan = planDocument(this.index, doc);
    return plan && foldingRanges(plan.file).map((r) => new vscode.FoldingRange(r.startLine, r.endLine, vscode.FoldingRangeKind.Region));
  }
}

function toSymbol(lineStarts: readonly number[], s: PlanSymbol): vscode.DocumentSymbol {
  const range = toRange(lineStarts, s.span);
  const selection = toRange(lineStarts, s.selection);
  const symbol = new vscode.DocumentSymbol(s.name || ' ', s.detail, SYMBOL_KIND[s.kind], range, range.contains(selection) ? selection : range);
  symbol.children = s.children.map((c) => toSymbol(lineStarts, c));
  return symbol;
}
