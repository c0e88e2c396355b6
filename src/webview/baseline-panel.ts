/** "What moved" since the drift baseline: a collapsible list; a change that names a row reveals it. Text only, through textContent. */
import type { ViewBaseline } from '../protocol/timeline';

export function renderChanges(panel: HTMLDetailsElement, baseline: ViewBaseline | undefined, reveal: (rowId: string) => void): void {
  panel.replaceChildren();
  if (!baseline) return;
  const summary = document.createElement('summary');
  summary.textContent = `What moved since ${baseline.label} (${baseline.changes.length})`;
  const list = document.createElement('ul');
  for (const change of baseline.changes) {
    const item = document.createElement('li');
    item.dataset.change = change.change;
    if (change.rowId) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = change.text;
      button.title = 'Show it on the timeline';
      const rowId = change.rowId;
      button.addEventListener('click', () => reveal(rowId));
      item.append(button);
    } else item.textContent = change.text;
    list.append(item);
  }
  if (!baseline.changes.length) list.textContent = 'Nothing moved.';
  panel.append(summary, list);
}
