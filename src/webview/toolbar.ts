/**
 * The timeline's toolbar: zoom and fit, today, search, view toggles, filters, export and print.
 * It never wraps: what does not fit moves, last first, into the "More" menu. DOM calls only.
 */
import type { TimelineView } from '../protocol/timeline';
import type { Filters } from '../render/layout';
import { ZOOMS, type Zoom } from '../render/scale';
import { fitToolbar } from './overflow';

export type Toggle = 'legend' | 'compact' | 'baseline' | 'tasks';

export interface ToolbarActions {
  zoom(zoom: Zoom): void;
  fit(): void;
  today(): void;
  filter(filters: Filters): void;
  toggle(which: Toggle, on: boolean): void;
  exportSvg(): void;
  exportPng(): void;
  print(): void;
}

export interface Toolbar {
  element: HTMLElement;
  setFacets(facets: TimelineView['facets'], filters: Filters): void;
  /** The zoom preset shown pressed; 'fit' for Fit; undefined for a free zoom. */
  setZoom(zoom: Zoom | 'fit' | undefined): void;
  setCount(shown: number, total: number): void;
  setToggle(which: Toggle, on: boolean, available?: boolean): void;
  /** Re-fits after a change of width or content. */
  refit(): void;
}

const FACETS = ['owner', 'status', 'goal', 'horizon'] as const;
const TOGGLES: Record<Toggle, [string, string]> = {
  legend: ['Legend', 'Show what each mark means'],
  compact: ['Compact', 'Milestones as diamonds on their project\'s line'],
  baseline: ['Baseline', 'Show where items stood at the baseline, and what moved since'],
  tasks: ['Tasks', 'Show tasks as rows under their milestones'],
};

export function buildToolbar(doc: Document, actions: ToolbarActions, toggles: Toggle[]): Toolbar {
  const bar = doc.createElement('div');
  bar.className = 'toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Timeline controls');
  const button = (label: string, title: string, run: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    b.addEventListener('click', run);
    return b;
  };
  const group = (label: string, children: HTMLElement[]) => {
    const g = doc.createElement('div');
    g.className = 'group';
    g.setAttribute('role', 'group');
    g.setAttribute('aria-label', label);
    g.append(...children);
    return g;
  };
  const zoomButtons = ZOOMS.map((z) => {
    const b = button(z[0].toUpperCase() + z.slice(1), `Zoom to ${z}s`, () => actions.zoom(z));
    b.dataset.zoom = z;
    return b;
  });
  const fit = button('Fit', 'Fit the whole plan to the window', actions.fit);
  fit.dataset.zoom = 'fit';
  const search = doc.createElement('input');
  search.type = 'search';
  search.placeholder = 'Search';
  search.setAttribute('aria-label', 'Search items');
  const selects = Object.fromEntries(FACETS.map((f) => {
    const s = doc.createElement('select');
    s.setAttribute('aria-label', `Filter by ${f}`);
    s.dataset.facet = f;
    return [f, s];
  })) as Record<(typeof FACETS)[number], HTMLSelectElement>;
  const current = (): Filters => {
    const f: Filters = {};
    for (const k of FACETS) if (selects[k].value) f[k] = selects[k].value;
    if (search.value.trim()) f.search = search.value;
    return f;
  };
  search.addEventListener('input', () => actions.filter(current()));
  for (const s of Object.values(selects)) s.addEventListener('change', () => actions.filter(current()));
  const toggleButtons = new Map<Toggle, HTMLButtonElement>();
  for (const t of toggles) {
    const b = button(TOGGLES[t][0], TOGGLES[t][1], () => actions.toggle(t, b.getAttribute('aria-pressed') !== 'true'));
    b.setAttribute('aria-pressed', 'false');
    toggleButtons.set(t, b);
  }
  const count = doc.createElement('span');
  count.className = 'count';
  const items: HTMLElement[] = [
    group('Zoom', [...zoomButtons, fit]), button('Today', 'Go to today (T)', actions.today), search,
    group('View', [...toggleButtons.values()]), ...Object.values(selects), count,
    button('Export SVG', 'Save the whole timeline as SVG', actions.exportSvg), button('Export PNG', 'Save the whole timeline as PNG', actions.exportPng),
    button('Print', 'Print the whole timeline, page by page', actions.print),
  ];
  // Zoom and Search stay on the bar whatever its width (Search shrinks).
  for (const k of [0, 2]) items[k].dataset.keep = 'true';
  const fitter = fitToolbar(doc, bar, items);
  const setZoom = (zoom: Zoom | 'fit' | undefined) => [...zoomButtons, fit].forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.zoom === zoom)));
  return {
    element: bar,
    setZoom,
    refit: fitter,
    setCount: (shown, total) => (count.textContent = shown === total ? `${total} items` : `${shown} of ${total} items`),
    setToggle(which, on, available = true) {
      const b = toggleButtons.get(which);
      if (!b) return;
      b.setAttribute('aria-pressed', String(on));
      b.hidden = !available;
    },
    setFacets(facets, filters) {
      const options: Record<(typeof FACETS)[number], { value: string; label: string }[]> = {
        owner: facets.owners.map((o) => ({ value: o, label: o })),
        status: facets.statuses.map((s) => ({ value: s, label: s })),
        goal: facets.goals.map((g) => ({ value: g.id, label: g.title })),
        horizon: facets.horizons.map((h) => ({ value: h, label: h })),
      };
      for (const k of FACETS) {
        const s = selects[k];
        s.replaceChildren(new Option(`All ${k === 'status' ? 'statuses' : k + 's'}`, ''), ...options[k].map((o) => new Option(o.label, o.value)));
        s.value = filters[k] ?? '';
      }
      search.value = filters.search ?? '';
    },
  };
}
