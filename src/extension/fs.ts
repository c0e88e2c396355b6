/** File-system helpers over workspace.fs (works in virtual workspaces too). */
import * as vscode from 'vscode';
import type { EntryType } from '../core/engine/index';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * A `FileType` as the engine sees it. A symbolic link to a folder is not followed (`other`):
 * workspace.fs has no real path to end a link loop with; links to files are read.
 */
export function entryType(type: vscode.FileType): EntryType {
  if (type & vscode.FileType.SymbolicLink && type & vscode.FileType.Directory) return 'other';
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}
