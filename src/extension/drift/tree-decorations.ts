/**
 * Drift on the Roadmap view: an item that slipped or is new since the baseline gets a badge and
 * a colour, the way Git colours changed files (a FileDecoration on the tree item's resourceUri).
 */
import * as vscode from 'vscode';
import { itemDriftNotes, type DriftChange } from '../../core/drift/index';

export const DRIFT_SCHEME = 'roadmark-drift';

export interface DriftBadge {
  /** The tree item's resourceUri: the decoration reads its state from the path and its tooltip from the query. */
  resourceUri: vscode.Uri;
  /** For screen readers: "new", "slipped 14 days". */
  short: string;
}

/** The badge a tree item carries for its drift, if it has any worth one. */
export function driftBadge(changes: readonly DriftChange[] | undefined, ref: string): DriftBadge | undefined {
  if (!changes?.length) return undefined;
  const added = changes.find((c) => c.change === 'added');
  const slip = changes.find((c) => c.change === 'moved' && c.field !== 'start' && (c.days ?? 0) > 0);
  const shown = added ?? slip;
  if (!shown) return undefined;
  const state = added ? 'new' : 'slipped';
  // The hover's wording of the same change: "New since …", "Slipped 14 days since … (due was …)".
  const [note] = itemDriftNotes([shown], ref);
  return {
    resourceUri: vscode.Uri.from({ scheme: DRIFT_SCHEME, path: `/${state}/${encodeURIComponent(changes[0].id)}`, query: note }),
    short: added ? 'new' : `slipped ${slip!.days} day${slip!.days === 1 ? '' : 's'}`,
  };
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
