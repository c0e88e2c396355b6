/**
 * The drift baseline (issue 13's model fields) and dependency arrows, on a hand-made model in
 * Chromium: ghosts behind the moved items, the "new" mark, their legend entries, the What moved
 * list revealing a row, the Baseline toggle, ghosts kept in the SVG export; SS and FF arrows
 * from the right ends; no arrow segment through a bar.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { timelineHtml } from '../../src/cli/format/timeline';
import { launchChromium } from './browser';
import { legendCoverage } from './timeline-dom';
import { BASELINE_VIEW } from '../unit/timeline-sample';

describe('timeline baseline and arrows on a hand-made model in Chromium', function () {
  this.timeout(60000);
  let browser: Browser;
  let page: Page;
  const file = join(mkdtempSync(join(tmpdir(), 'roadmark-baseline-')), 'timeline.html');

  before(async () => {
    writeFileSync(file, timelineHtml(BASELINE_VIEW, readFileSync('dist/webview.js', 'utf8')));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1300, height: 600 }, acceptDownloads: true });
    await page.goto(`file://${file}`);
    await page.locator('.timeline-svg').waitFor();
    await page.getByRole('button', { name: 'Month' }).click();
  });

  after(async () => {
    await browser?.close();
  });

  it('draws a ghost for each row with a baseline, marks the new row, and names both in the legend', async () => {
    assert.equal(await page.getByRole('button', { name: 'Baseline' }).getAttribute('aria-pressed'), 'true', 'on by default when the model has a baseline');
    assert.equal(await page.locator('.stage .ghost').count(), 2);
    assert.equal(await page.locator('.stage rect.ghost').count(), 1, 'the project as an outlined bar');
    assert.equal(await page.locator('.stage path.ghost').count(), 1, 'the milestone as a hollow diamond');
    assert.equal(await page.locator('.stage .added-mark').count(), 1);
    const { needed, listed } = await legendCoverage(page);
    assert.ok(needed.includes('baseline') && needed.includes('added'));
    assert.deepEqual(needed.filter((k) => !listed.includes(k)), []);
    assert.match(await page.locator('.legend-strip [data-legend="baseline"]').textContent() ?? '', /v1 \(3f2a9c1/);
    await page.screenshot({ path: 'test-results/timeline-baseline.png' });
  });

  it('lists what moved; a change with a row reveals and selects it', async () => {
    await page.locator('.moved summary').click();
    assert.match(await page.locator('.moved summary').textContent() ?? '', /What moved since v1 .*\(3\)/);
    assert.equal(await page.locator('.moved li').count(), 3);
    assert.equal(await page.locator('.moved li button').count(), 2, 'the removed item has no row to show');
    await page.locator('.moved button', { hasText: 'Payments certified' }).click();
    assert.equal(await page.evaluate('window.roadmarkTimeline.state.selected'), 'm3');
    assert.match(await page.locator('.details').innerText(), /Payments certified/);
  });

  it('keeps the ghosts in the SVG export while the toggle is on, and drops them all when it is off', async () => {
    const download = async () => {
      await page.getByRole('button', { name: 'More' }).click();
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
      // The chart only: the legend's swatch is drawn with the same class.
      return readFileSync((await d.path())!, 'utf8').split('<g class="legend"')[0];
    };
    const on = await download();
    assert.equal((on.match(/class="ghost"/g) ?? []).length, 2);
    assert.equal((on.match(/class="added-mark"/g) ?? []).length, 1);
    await page.getByRole('button', { name: 'Baseline' }).click();
    assert.equal(await page.locator('.stage .ghost').count(), 0);
    assert.equal(await page.locator('.stage .added-mark').count(), 0);
    assert.equal(await page.locator('.moved').isVisible(), false);
    const off = await download();
    assert.equal((off.match(/class="ghost"/g) ?? []).length, 0);
    await page.getByRole('button', { name: 'Baseline' }).click();
  });

  it('draws SS from start to start and FF from end to end', async () => {
    const ends = await page.evaluate(`(() => {
      const box = (id) => { const b = document.querySelector('.stage .chart [data-row="' + id + '"] .bar, .stage .chart [data-row="' + id + '"] .diamond').getBBox(); return { x: b.x, width: b.width }; };
      const arrow = (cls) => { const d = document.querySelector('.stage .arrow.' + cls).getAttribute('d'); const n = d.match(/-?[\\d.]+/g).map(Number); return { x1: n[0], x2: n[n.length - 1] }; };
      return { m2: box('m2'), m3: box('m3'), m4: box('m4'), ss: arrow('ss'), ff: arrow('ff') };
    })()`) as Record<string, { x: number; width: number }> & { ss: { x1: number; x2: number }; ff: { x1: number; x2: number } };
    assert.ok(Math.abs(ends.ss.x1 - ends.m2.x) < 1, `SS leaves the start of its source (${ends.ss.x1} vs ${ends.m2.x})`);
    assert.ok(Math.abs(ends.ss.x2 - (ends.m3.x - 1)) < 1.5, `SS enters the start of its target (${ends.ss.x2} vs ${ends.m3.x})`);
    assert.ok(Math.abs(ends.ff.x1 - (ends.m2.x + ends.m2.width)) < 1, `FF leaves the end of its source (${ends.ff.x1})`);
    assert.ok(Math.abs(ends.ff.x2 - (ends.m4.x + ends.m4.width + 1)) < 1.5, `FF enters the end of its target (${ends.ff.x2} vs ${ends.m4.x + ends.m4.width})`);
  });

  it('routes every arrow around the bars: no segment crosses a bar or diamond, and arrows into one item fan out', async () => {
    const crossings = await page.evaluate(`(() => {
      const marks = [...document.querySelectorAll('.stage .chart .bar:not(.handle), .stage .chart .diamond')].map((e) => ({ id: e.closest('[data-row]').getAttribute('data-row'), b: e.getBBox() }));
      const out = [];
      for (const a of document.querySelectorAll('.stage .arrow')) {
        const n = a.getAttribute('d').match(/-?[\\d.]+/g).map(Number);
        let x = n[0], y = n[1];
        const pts = [[x, y]];
        const cmds = a.getAttribute('d').match(/[HV]-?[\\d.]+/g);
        for (const c of cmds) { const v = Number(c.slice(1)); if (c[0] === 'H') x = v; else y = v; pts.push([x, y]); }
        for (let k = 1; k < pts.length; k++) {
          const [x0, y0] = pts[k - 1], [x1, y1] = pts[k];
          for (const m of marks) {
            const b = m.b;
            const hit = Math.max(x0, x1) > b.x + 1 && Math.min(x0, x1) < b.x + b.width - 1 && Math.max(y0, y1) > b.y + 1 && Math.min(y0, y1) < b.y + b.height - 1;
            if (hit) out.push(a.getAttribute('d') + ' crosses ' + m.id);
          }
        }
      }
      return out;
    })()`) as string[];
    assert.deepEqual(crossings, []);
    const verticals = await page.evaluate(`[...document.querySelectorAll('.stage .arrow')].filter((a) => a.getAttribute('d').includes('V')).map((a) => a.getAttribute('d'))`) as string[];
    const intoLaunch = verticals.filter((d) => /H[\d.]+$/.test(d)).map((d) => d.match(/H(-?[\d.]+)V[\d.]+H-?[\d.]+$/)?.[1]);
    assert.equal(new Set(intoLaunch).size, intoLaunch.length, `the last vertical of each arrow has its own x: ${intoLaunch}`);
  });
});
