/** The Outline (document symbols), Ctrl+T (workspace symbols) and folding ranges of plan items. */
import { positionAt } from '../lines';
import type { Kind, ParsedFile, Span } from '../model/types';
import type { ResolvedWorkspace } from '../model/workspace';

export interface PlanSymbol {
  name: string;
  /** The item's dates and status, beside its name. */
  detail: string;
  kind: Kind;
  /** The whole item. */
  span: Span;
  /** Its heading, id or first key. */
  selection: Span;
  children: PlanSymbol[];
}

/** The file's items as a tree, the file-level item's children at the top. */
export function documentSymbols(file: ParsedFile): PlanSymbol[] {
  const symbols = file.items.map((item): PlanSymbol => ({
    name: item.title || item.id,
    detail: symbolDetail(item),
    kind: item.kind,
    span: { start: Math.min(item.extent.start, item.anchor.start), end: Math.max(item.extent.end, item.anchor.end) },
    selection: item.anchor,
    children: [],
  }));
  const roots: PlanSymbol[] = [];
  file.items.forEach((item, i) => (item.parent >= 0 ? symbols[item.parent].children : roots).push(symbols[i]));
  return roots;
}

function symbolDetail(item: ParsedFile['items'][number]): string {
  const parts: string[] = [];
  if (item.start) parts.push(`${item.start.text} →`);
  const deadline = item.due ?? item.end ?? item.target;
  if (deadline) parts.push(deadline.text);
  if (item.status !== 'planned') parts.push(item.status);
  return parts.join(' ');
}

export interface WorkspaceSymbol {
  name: string;
  /** The item's id and kind. */
  detail: string;
  kind: Kind;
  path: string;
  span: Span;
}

const MAX_SYMBOLS = 500;

/** Items whose title or id holds the query's characters in order (as the editor filters), best first, at most 500. */
export function workspaceSymbols(ws: ResolvedWorkspace, query: string): WorkspaceSymbol[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const scored: { score: number; symbol: WorkspaceSymbol }[] = [];
  for (const node of ws.nodes) {
    const { item } = node;
    if (item.kind === 'task' && !item.idExplicit) continue;
    const score = Math.min(matchScore(item.title.toLowerCase(), q), matchScore(item.id.toLowerCase(), q));
    if (score === Infinity) continue;
    scored.push({ score, symbol: { name: item.title || item.id, detail: `${item.kind} #${item.id}`, kind: item.kind, path: node.file.path, span: item.anchor } });
  }
  scored.sort((a, b) => a.score - b.score);
  return scored.slice(0, MAX_SYMBOLS).map((s) => s.symbol);
}

/** 0 for a prefix, 1 for a substring, 2 for characters in order, Infinity for no match. */
function matchScore(text: string, q: string): number {
  if (!q || text.startsWith(q)) return 0;
  if (text.replace(/\s+/g, '').includes(q)) return 1;
  let at = 0;
  for (const c of text) if (c === q[at]) at++;
  return at === q.length ? 2 : Infinity;
}

export interface FoldingRange {
  /** 0-based lines. */
  startLine: number;
  endLine: number;
}

/** One range per item that spans lines (not the file-level item, whose range is the file). */
export function foldingRanges(file: ParsedFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const item of file.items) {
    if (item.parent < 0) continue;
    const startLine = positionAt(file.lineStarts, Math.min(item.extent.start, item.anchor.start)).line - 1;
    const endLine = positionAt(file.lineStarts, Math.max(item.extent.start, item.extent.end - 1)).line - 1;
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}
