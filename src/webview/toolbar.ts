/** The timeline's toolbar: zoom, today, search, filters, export. Built with DOM calls only. */
import type { TimelineView } from '../protocol/timeline';
import type { Filters } from './layout';
import { ZOOMS, type Zoom } from './scale';

export interface ToolbarActions {
  zoom(zoom: Zoom): void;
  today(): void;
  filter(filters: Filters): void;
  exportSvg(): void;
  exportPng(): void;
  /** Show tasks as rows; absent where the model cannot change (the standalone page). */
  tasks?(on: boolean): void;
}

export interface Toolbar {
  element: HTMLElement;
  setFacets(facets: TimelineView['facets'], filters: Filters, zoom: Zoom): void;
  setZoom(zoom: Zoom): void;
  setCount(shown: number, total: number): void;
  setTasks(on: boolean): void;
}

const FACETS = ['owner', 'status', 'goal', 'horizon'] as const;

export function buildToolbar(doc: Document, actions: ToolbarActions): Toolbar {
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
  const zoomGroup = doc.createElement('div');
  zoomGroup.className = 'group';
  zoomGroup.setAttribute('role', 'group');
  zoomGroup.setAttribute('aria-label', 'Zoom');
  const zoomButtons = ZOOMS.map((z) => {
    const b = button(z[0].toUpperCase() + z.slice(1), `Zoom to ${z}s`, () => actions.zoom(z));
    b.dataset.zoom = z;
    zoomGroup.append(b);
    return b;
  });
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
  const tasksLabel = doc.createElement('label');
  const tasksBox = doc.createElement('input');
  tasksBox.type = 'checkbox';
  tasksLabel.append(tasksBox, doc.createTextNode(' Tasks'));
  tasksLabel.title = 'Show tasks as rows under their milestones';
  tasksBox.addEventListener('change', () => actions.tasks?.(tasksBox.checked));
  const count = doc.createElement('span');
  count.className = 'count';
  bar.append(zoomGroup, button('Today', 'Go to today (T)', actions.today), search, ...Object.values(selects), ...(actions.tasks ? [tasksLabel] : []), count,
    button('Export SVG', 'Save the whole timeline as SVG', actions.exportSvg), button('Export PNG', 'Save the whole timeline as PNG', actions.exportPng));

  const setZoom = (zoom: Zoom) => zoomButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.zoom === zoom)));
  return {
    element: bar,
    setZoom,
    setTasks: (on) => (tasksBox.checked = on),
    setCount: (shown, total) => (count.textContent = shown === total ? `${total} items` : `${shown} of ${total} items`),
    setFacets(facets, filters, zoom) {
      setZoom(zoom);
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
