/** What every language provider starts from: the snapshot's parsed file of a document, when it is a current plan file. */
import * as vscode from 'vscode';
import type { ParsedFile } from '../../core/model/types';
import type { IndexService, IndexSnapshot } from '../index-service';

export interface PlanDocument {
  snapshot: IndexSnapshot;
  file: ParsedFile;
  text: string;
}

/**
 * The document's plan file in the latest snapshot; undefined for a file that is not a plan
 * file, or (when `current`) whose parse is behind the text being typed, so offsets never
 * point into a different text.
 */
export function planDocument(index: IndexService, doc: vscode.TextDocument, current = true): PlanDocument | undefined {
  const snapshot = index.snapshot;
  const file = snapshot?.ws.nodeOf(index.pathOf(doc.uri), 0)?.file;
  if (!snapshot || !file) return undefined;
  const text = doc.getText();
  if (current && (file.lineStarts.length !== doc.lineCount || file.items[0]?.extent.end !== text.length)) return undefined;
  return { snapshot, file, text };
}

/** The current text of plan files: the open document's, else the file's on disk (BOM dropped, as editors do). */
export async function readTexts(index: IndexService, paths: Iterable<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  await Promise.all([...new Set(paths)].map(async (path) => {
    const uri = index.uriOf(path);
    if (!uri) return;
    const doc = open.get(uri.toString());
    try {
      out.set(path, doc ? doc.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      // Unreadable: the core refuses the edit that needs it.
    }
  }));
  return out;
}
