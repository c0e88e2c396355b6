/**
 * The legend: one entry for every kind of mark the chart draws (and only those), each swatch
 * drawn with the same classes as the marks, so it cannot disagree with them.
 */
import type { TimelineView, ViewRow } from '../protocol/timeline';
import { esc } from './escape';
import { hasMoved } from './marks';
import { estimate, type Measure } from './text';

export const LEGEND_KEYS = ['goal', 'initiative', 'target', 'project', 'milestone', 'milestone-span', 'task', 'period', 'progress', 'done', 'overdue', 'at-risk', 'critical',
  'fs', 'ss', 'ff', 'today', 'baseline', 'added', 'edge'] as const;
export type LegendKey = (typeof LEGEND_KEYS)[number];

const TEXT: Record<LegendKey, string> = {
  goal: 'Goal (due date)', initiative: 'Initiative: span of its work', target: 'Initiative target', project: 'Project', milestone: 'Milestone',
  'milestone-span': 'Milestone with a start', task: 'Task', period: 'Date given as a period', progress: 'Tasks done (3/4)', done: 'Done',
  overdue: 'Overdue', 'at-risk': 'At risk', critical: 'Critical path', fs: 'Depends on (finish → start)', ss: 'Start → start', ff: 'Finish → finish',
  today: 'Today', baseline: 'Baseline', added: 'New since baseline', edge: 'Outside the view (click)',
};

export interface LegendOptions {
  baseline?: boolean;
  /** Off-screen markers are in use (the live page, not exports). */
  edges?: boolean;
}

/** The legend entries for the rows drawn, in a fixed order. One pass over the rows. */
export function legendKeys(view: TimelineView, rows: readonly ViewRow[], options: LegendOptions = {}): LegendKey[] {
  const on = new Set<LegendKey>(['today']);
  const ids = new Set<string>();
  for (const r of rows) {
    ids.add(r.id);
    if (r.target !== undefined) on.add('target');
    if (r.shape !== 'none' && r.end !== undefined) {
      if (r.kind === 'goal') on.add(r.shape === 'diamond' ? 'goal' : 'initiative');
      else if (r.kind === 'initiative') on.add('initiative');
      else if (r.shape === 'diamond') on.add('milestone');
      else on.add(r.kind === 'project' ? 'project' : r.kind === 'task' ? 'task' : 'milestone-span');
      if (r.period && r.shape === 'bar') on.add('period');
      if (r.progress !== undefined && r.shape === 'bar') on.add('progress');
      if (r.status === 'done') on.add('done');
      if (r.overdue) on.add('overdue');
      else if (r.atRisk) on.add('at-risk');
      if (r.critical) on.add('critical');
    }
    if (options.baseline && view.baseline) {
      if (hasMoved(r)) on.add('baseline');
      if (r.added) on.add('added');
    }
  }
  for (const a of view.arrows) if (ids.has(a.from) && ids.has(a.to)) on.add(a.type === 'SS' ? 'ss' : a.type === 'FF' ? 'ff' : 'fs');
  if (options.edges) on.add('edge');
  return LEGEND_KEYS.filter((k) => on.has(k));
}

function swatch(key: LegendKey, x: number, mid: number): string {
  const bar = (cls: string, h: number, group = '') => `<g class="${group}"><rect class="bar ${cls}" x="${x}" y="${mid - h / 2}" width="20" height="${h}" rx="3"/></g>`;
  switch (key) {
    case 'goal': return `<circle class="goal-ring" cx="${x + 10}" cy="${mid}" r="6"/><circle class="goal-dot" cx="${x + 10}" cy="${mid}" r="2.2"/>`;
    case 'initiative': return `<path class="span" d="M${x} ${mid + 4}V${mid - 5}H${x + 20}V${mid + 4}"/>`;
    case 'target': return `<path class="target" d="M${x + 8} ${mid - 8}V${mid + 8}"/><path class="target-flag" d="M${x + 8} ${mid - 8}L${x + 16} ${mid - 4.5}L${x + 8} ${mid - 1}Z"/>`;
    case 'project': return bar('', 14, 'kind-project');
    case 'milestone': return `<g class="kind-milestone"><path class="diamond" d="M${x + 10} ${mid - 7}L${x + 17} ${mid}L${x + 10} ${mid + 7}L${x + 3} ${mid}Z"/></g>`;
    case 'milestone-span': return bar('', 12, 'kind-milestone');
    case 'task': return bar('', 8, 'kind-task');
    case 'period': return bar('period', 12, 'kind-milestone');
    case 'progress': return `<rect class="progress-track" x="${x}" y="${mid}" width="20" height="3"/><rect class="progress-done" x="${x}" y="${mid}" width="14" height="3"/>`;
    case 'done': return bar('', 12, 'kind-project status-done');
    case 'overdue': return bar('', 12, 'kind-project overdue');
    case 'at-risk': return bar('', 12, 'kind-project at-risk');
    case 'critical': return bar('', 12, 'kind-project critical');
    case 'fs': case 'ss': case 'ff': return `<path class="arrow${key === 'fs' ? '' : ` ${key}`}" d="M${x} ${mid}H${x + 18}" marker-end="url(#arrowhead)"/>`;
    case 'today': return `<path class="today" d="M${x + 10} ${mid - 8}V${mid + 8}"/>`;
    case 'baseline': return `<rect class="ghost" x="${x}" y="${mid - 7}" width="20" height="14" rx="3"/>`;
    case 'added': return `<circle class="added-mark" cx="${x + 10}" cy="${mid}" r="5"/><path class="added-plus" d="M${x + 7} ${mid}H${x + 13}M${x + 10} ${mid - 3}V${mid + 3}"/>`;
    case 'edge': return `<path class="edge" d="M${x + 14} ${mid - 6}L${x + 6} ${mid}L${x + 14} ${mid + 6}Z"/>`;
  }
}

export const LEGEND_LINE = 22;

/** The legend laid out in lines across `width`; `y` is its top. */
export function drawLegend(keys: readonly LegendKey[], width: number, y: number, measure: Measure = estimate, baselineLabel?: string): { svg: string; height: number } {
  let x = 10;
  let line = 0;
  let items = '';
  for (const key of keys) {
    const text = key === 'baseline' && baselineLabel ? `Baseline: ${baselineLabel}` : TEXT[key];
    const w = 26 + measure(text) + 18;
    if (x + w > width && x > 10) {
      line++;
      x = 10;
    }
    const mid = y + 8 + line * LEGEND_LINE + LEGEND_LINE / 2;
    items += `<g class="legend-item" data-legend="${key}">${swatch(key, x, mid)}<text x="${x + 26}" y="${mid + 4}">${esc(text)}</text></g>`;
    x += w;
  }
  const height = 16 + (line + 1) * LEGEND_LINE;
  return { svg: `<g class="legend" role="list" aria-label="Legend"><rect class="legend-bg" x="0.5" y="${y + 0.5}" width="${width - 1}" height="${height - 1}"/>${items}</g>`, height };
}
