/** Reads the drawn timeline back from the DOM (bounding boxes, texts) for the layout tests. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export interface Box {
  kind: string;
  text: string;
  x: number;
  y: number;
  right: number;
  bottom: number;
}

/** Every label drawn in the live view: titles on the chart, the left column, the axis, the today pill. */
export async function labelBoxes(page: Page): Promise<Box[]> {
  // A string, not a function: the test runner's transpiler would wrap named helpers in calls the page does not have.
  return page.evaluate(`(() => {
    const own = (el) => [...el.childNodes].filter((n) => n.nodeName !== 'title').map((n) => n.textContent).join('');
    // Rows scrolled up under the axis are painted over by it: only what shows counts.
    const axisBottom = document.querySelector('.stage svg').getBoundingClientRect().top + 44;
    const groups = [['mark', '.stage .mark-label'], ['left', '.stage .labels text.title'], ['axis', '.stage .axis-labels text'], ['today', '.stage .today-label']];
    return groups.flatMap(([kind, selector]) => [...document.querySelectorAll(selector)].map((el) => {
      const r = el.getBoundingClientRect();
      return { kind, text: own(el), x: r.left, y: r.top, right: r.right, bottom: r.bottom };
    })).filter((b) => b.right > b.x && (b.kind === 'axis' || b.kind === 'today' || (b.y + b.bottom) / 2 > axisBottom));
  })()`);
}

export function intersect(a: Box, b: Box): boolean {
  // Half a pixel of tolerance for anti-aliased edges.
  return a.x < b.right - 0.5 && b.x < a.right - 0.5 && a.y < b.bottom - 0.5 && b.y < a.bottom - 0.5;
}

/** Fails with the first two labels that overlap. */
export function assertNoOverlap(boxes: Box[], where: string): void {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].x < sorted[i].right; j++) {
      assert.ok(!intersect(sorted[i], sorted[j]), `${where}: "${sorted[i].text}" (${sorted[i].kind}) overlaps "${sorted[j].text}" (${sorted[j].kind}) ${JSON.stringify([sorted[i], sorted[j]])}`);
    }
  }
}

/** Chart titles stay inside the chart area; a cut one ends with an ellipsis and carries the full title. */
export async function assertLabelsWhole(page: Page, where: string): Promise<number> {
  const problems = await page.evaluate(`(() => {
    const svg = document.querySelector('.stage svg').getBoundingClientRect();
    const app = window.roadmarkTimeline;
    const out = [];
    let cut = 0;
    for (const el of document.querySelectorAll('.stage .mark-label')) {
      const r = el.getBoundingClientRect();
      const row = app.l.byId.get(el.getAttribute('data-row'));
      const own = [...el.childNodes].filter((n) => n.nodeName !== 'title').map((n) => n.textContent).join('');
      if (r.left < svg.left + app.l.labelWidth - 1 || r.right > svg.right + 1) out.push('"' + own + '" is clipped by the chart edge');
      if (!own.startsWith(row.title)) {
        cut++;
        if (!own.endsWith('…') || el.querySelector('title')?.textContent !== row.title) out.push('"' + own + '" is cut without an ellipsis and the full title');
      }
    }
    for (const el of document.querySelectorAll('.stage .labels text.title')) {
      if (el.getBoundingClientRect().right > svg.left + app.l.labelWidth) out.push('left label "' + el.textContent + '" runs under the chart');
    }
    return { out, cut };
  })()`) as { out: string[]; cut: number };
  assert.deepEqual(problems.out, [], where);
  return problems.cut;
}

/** The day under a point of the scroller (fractional), from the app's layout. */
export async function dayUnder(page: Page, clientX: number): Promise<number> {
  return page.evaluate(`(() => {
    const app = window.roadmarkTimeline;
    const s = app.parts.scroller;
    return (${clientX} - s.getBoundingClientRect().left + s.scrollLeft - app.l.labelWidth) / app.l.pxPerDay + app.l.originDay;
  })()`) as Promise<number>;
}

/** Legend keys that each mark on screen needs, and the keys the legend lists. */
export async function legendCoverage(page: Page): Promise<{ needed: string[]; listed: string[] }> {
  const needs: [string, string][] = [
      ['.stage .goal-ring', 'goal'], ['.stage .span', 'initiative'], ['.stage .target-flag', 'target'], ['.stage .kind-project .bar', 'project'],
      ['.stage .kind-milestone .diamond', 'milestone'], ['.stage .kind-milestone .bar:not(.period)', 'milestone-span'], ['.stage .kind-task .bar', 'task'],
      ['.stage .bar.period', 'period'], ['.stage .progress-track', 'progress'], ['.stage .chart .status-done .bar, .stage .chart .status-done .diamond', 'done'],
      ['.stage .chart g.overdue', 'overdue'], ['.stage .chart g.at-risk', 'at-risk'], ['.stage .chart g.critical', 'critical'], ['.stage .arrow:not(.ss):not(.ff)', 'fs'],
      ['.stage .arrow.ss', 'ss'], ['.stage .arrow.ff', 'ff'], ['.stage .today', 'today'], ['.stage .ghost', 'baseline'], ['.stage .added-mark', 'added'], ['.stage .edge', 'edge'],
    ];
  // The legend is redrawn a frame after the chart.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  return page.evaluate(`({
    needed: ${JSON.stringify(needs)}.filter(([sel]) => document.querySelector(sel)).map(([, key]) => key),
    listed: [...document.querySelectorAll('.legend-strip [data-legend]')].filter((e) => e.getBoundingClientRect().width > 0).map((e) => e.getAttribute('data-legend')),
  })`) as Promise<{ needed: string[]; listed: string[] }>;
}
