/**
 * The plan language service: pure functions from a workspace, a file's text and a cursor offset
 * to completions, hovers, locations, edits, symbols, lenses and hints (the shape of
 * vscode-markdown-languageservice). Offsets count in the text without its BOM.
 */
export { completions, type CompletionEntry, type CompletionKind, type CompletionRequest } from './completion';
export { hoverAt, describeNode, type HoverResult } from './hover';
export { definitionOf, referencesAt, referencesOf, type PlanLocation, type TextOf } from './references';
export { prepareRename, renameEdits, renameNode, type PrepareRenameResult, type RenameResult } from './rename';
export { documentSymbols, foldingRanges, workspaceSymbols, type FoldingRange, type PlanSymbol, type WorkspaceSymbol } from './symbols';
export { codeLenses, inlayHints, type InlayOptions, type PlanInlayHint, type PlanLens } from './annotations';
export { applyEdits, withoutBom, type TextEdit } from './edits';
export { targetAt, type Target } from './target-at';
export { checkDeadline, fixAllInFile, fixesFor, moveDateEdit, nodeAt, FIX_ALL_RULES, type DateQuestion, type FixContext, type FixTarget, type PlanFix } from './fixes/index';
