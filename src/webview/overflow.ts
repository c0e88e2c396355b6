/**
 * Keeps a toolbar on one line: items that do not fit move, last first, into a "More" menu, and
 * come back when there is room. Returns the function that re-fits (call it on resize).
 */
export function fitToolbar(doc: Document, bar: HTMLElement, items: HTMLElement[]): () => void {
  const more = doc.createElement('div');
  more.className = 'more';
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = '⋯';
  button.title = 'More';
  button.setAttribute('aria-label', 'More');
  button.setAttribute('aria-haspopup', 'true');
  button.setAttribute('aria-expanded', 'false');
  const menu = doc.createElement('div');
  menu.className = 'toolbar-menu';
  menu.setAttribute('role', 'menu');
  menu.hidden = true;
  more.append(button, menu);
  bar.append(...items, more);
  const open = (on: boolean) => {
    menu.hidden = !on;
    button.setAttribute('aria-expanded', String(on));
  };
  button.addEventListener('click', () => open(!!menu.hidden));
  // A command chosen from the menu closes it; a field in it (search, filters) keeps it open while in use.
  menu.addEventListener('click', (e) => {
    if ((e.target as Element).closest('button')) open(false);
  });
  doc.addEventListener('pointerdown', (e) => {
    if (!more.contains(e.target as Node)) open(false);
  });
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') open(false);
  });
  const fit = () => {
    for (const item of items) bar.insertBefore(item, more);
    more.hidden = true;
    if (bar.scrollWidth <= bar.clientWidth) return open(false);
    more.hidden = false;
    for (let k = items.length - 1; k >= 0 && bar.scrollWidth > bar.clientWidth; k--) {
      if (items[k].dataset.keep) continue;
      menu.prepend(items[k]);
    }
  };
  new ResizeObserver(fit).observe(bar);
  // Widths change without the bar resizing when the editor's font arrives, or a frame after new content.
  void doc.fonts?.ready.then(fit);
  return () => {
    fit();
    requestAnimationFrame(fit);
  };
}
