/** Registers the plan language features: thin providers over core/language, for Markdown and YAML plan files. */
import * as vscode from 'vscode';
import type { IndexService } from './index-service';
import { PlanCodeLensProvider, PlanInlayHintsProvider } from './providers/annotations';
import { COMPLETION_TRIGGERS, PlanCompletionProvider } from './providers/completion';
import { PlanHoverProvider } from './providers/hover';
import { PlanReferenceProvider } from './providers/references';
import { PlanSymbolProvider } from './providers/symbols';

/** Markdown and YAML documents; providers answer nothing for files that are not plan files. */
export const PLAN_DOCUMENTS: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'yaml' }];

export function registerLanguageFeatures(context: vscode.ExtensionContext, index: IndexService): void {
  const subs = context.subscriptions;
  const references = new PlanReferenceProvider(index);
  const symbols = new PlanSymbolProvider(index);
  subs.push(
    vscode.languages.registerCompletionItemProvider(PLAN_DOCUMENTS, new PlanCompletionProvider(index), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(PLAN_DOCUMENTS, new PlanHoverProvider(index)),
    vscode.languages.registerReferenceProvider(PLAN_DOCUMENTS, references),
    vscode.languages.registerRenameProvider(PLAN_DOCUMENTS, references),
    vscode.languages.registerDocumentSymbolProvider(PLAN_DOCUMENTS, symbols, { label: vscode.l10n.t('Roadmark') }),
    vscode.languages.registerWorkspaceSymbolProvider(symbols),
    vscode.languages.registerFoldingRangeProvider(PLAN_DOCUMENTS, symbols),
    vscode.languages.registerCodeLensProvider(PLAN_DOCUMENTS, new PlanCodeLensProvider(index, subs)),
    vscode.languages.registerInlayHintsProvider(PLAN_DOCUMENTS, new PlanInlayHintsProvider(index, subs)),
  );
}
