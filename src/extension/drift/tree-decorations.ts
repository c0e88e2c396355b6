/**
 * Drift on the Roadmap view: an item that slipped or is new since the baseline gets a badge and
 * a colour, the way Git colours changed files (a FileDecoration on the tree item's resourceUri).
 */
import * as vscode from 'vscode';
import type { DriftChange } from '../../core/drift/index';

export const DRIFT_SCHEME = 'roadmark-drift';

/** The resourceUri a tree item carries for its drift, if it has any worth a badge. */
export function driftResource(changes: readonly DriftChange[] | undefined, ref: string): vscode.Uri | undefined {
  if (!changes?.length) return undefined;
  const slip = changes.find((c) => c.change === 'moved' && c.field !== 'start' && (c.days ?? 0) > 0);
  const state = changes.some((c) => c.change === 'added') ? 'new' : slip ? 'slipped' : undefined;
  if (!state) return undefined;
  const note = state === 'new' ? `New since ${ref}` : `Slipped ${slip!.days} day${slip!.days === 1 ? '' : 's'} since ${ref} (${slip!.field} was ${slip!.from})`;
  return vscode.Uri.from({ scheme: DRIFT_SCHEME, path: `/${state}/${encodeURIComponent(changes[0].id)}`, query: note });
}

export class DriftDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== DRIFT_SCHEME) return undefined;
    const state = uri.path.split('/')[1];
    if (state === 'new') return { badge: 'N', tooltip: uri.query, color: new vscode.ThemeColor('gitDecoration.addedResourceForeground') };
    if (state === 'slipped') return { badge: '↗', tooltip: uri.query, color: new vscode.ThemeColor('list.warningForeground') };
    return undefined;
  }
}
