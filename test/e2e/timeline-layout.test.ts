/**
 * Layout properties of the standalone timeline in Chromium, on the example and on a generated
 * 10k-item plan: no two labels overlap (read from the DOM's boxes) at any zoom or scroll, titles
 * are whole or visibly cut, the legend names every mark on screen, collapse and expand are
 * remembered, Fit fits, zoom keeps the day under the cursor (or today) in place, off-screen items
 * get edge markers, print cuts pages of whole rows. Screenshots in light, dark and high contrast
 * land in test-results/.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TimelineView } from '../../src/protocol/timeline';
import { generateWorkspace } from '../../bench/generate';
import { launchChromium } from './browser';
import { assertLabelsWhole, assertNoOverlap, dayUnder, labelBoxes, legendCoverage } from './timeline-dom';

const RESULTS = resolve('test-results');
const ZOOM_BUTTONS = ['Week', 'Month', 'Quarter', 'Year', 'Fit'];

function model(file: string): TimelineView {
  const json = /<script type="application\/json" id="roadmark-model">([\s\S]*?)<\/script>/.exec(readFileSync(file, 'utf8'))![1];
  return JSON.parse(json) as TimelineView;
}

async function open(browser: Browser, file: string, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 820 }, acceptDownloads: true });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`file://${file}`);
  await page.locator('.timeline-svg').waitFor();
  return page;
}

const app = (page: Page, expr: string) => page.evaluate(`(() => { const app = window.roadmarkTimeline; return ${expr}; })()`);

async function checkLabels(page: Page, where: string): Promise<void> {
  assertNoOverlap(await labelBoxes(page), where);
  await assertLabelsWhole(page, where);
}

async function scrollTo(page: Page, left: number, top: number): Promise<void> {
  await page.evaluate(`(() => {
    const s = document.querySelector('.scroller');
    s.scrollLeft = ${left};
    s.scrollTop = ${top};
    window.roadmarkTimeline.draw();
  })()`);
}

describe('timeline layout in Chromium: the example', function () {
  this.timeout(120000);
  let browser: Browser;
  let page: Page;
  let view: TimelineView;
  const errors: string[] = [];
  const file = join(mkdtempSync(join(tmpdir(), 'roadmark-layout-')), 'timeline.html');

  before(async () => {
    execFileSync(process.execPath, ['dist/cli.js', 'timeline', 'examples', '--out', file]);
    view = model(file);
    mkdirSync(RESULTS, { recursive: true });
    browser = await launchChromium();
    page = await open(browser, file, errors);
  });

  after(async () => {
    await browser?.close();
  });

  it('draws a title on the chart for every dated row in view, and no two labels overlap, at every zoom and scroll', async () => {
    for (const zoom of ZOOM_BUTTONS) {
      await page.getByRole('button', { name: zoom, exact: true }).click();
      for (const [x, y] of [[0, 0], [600, 0], [1e6, 0], [0, 400], [300, 1e6]]) {
        await scrollTo(page, x, y);
        await checkLabels(page, `${zoom} at scroll ${x},${y}`);
      }
    }
    await page.getByRole('button', { name: 'Fit' }).click();
    await scrollTo(page, 0, 0);
    const marks = await page.locator('.stage .mark-label').count();
    const dated = await app(page, `app.l.rows.slice(0, Math.floor((app.parts.scroller.clientHeight - 44) / 26)).filter((r) => r.shape !== 'none' && r.end !== undefined).length`) as number;
    assert.ok(marks >= dated * 0.8, `${marks} titles on the chart for ${dated} dated rows in view`);
  });

  it('with tasks as rows (deeper indents, more titles) labels still neither overlap nor run under the chart', async () => {
    const tasksFile = file.replace(/\.html$/, '-tasks.html');
    execFileSync(process.execPath, ['dist/cli.js', 'timeline', 'examples', '--tasks', '--out', tasksFile]);
    const tasksPage = await open(browser, tasksFile, errors);
    assert.ok((await app(tasksPage, `app.l.rows.filter((r) => r.kind === 'task').length`) as number) > 10);
    for (const zoom of ['Week', 'Month', 'Year']) {
      await tasksPage.getByRole('button', { name: zoom, exact: true }).click();
      for (const y of [0, 900, 1800]) {
        await scrollTo(tasksPage, 300, y);
        await checkLabels(tasksPage, `tasks, ${zoom} at ${y}`);
      }
    }
    await tasksPage.close();
  });

  it('arrows never pass under a bar: they go round it, or cross over it on a halo', async () => {
    let crossings = 0;
    let segments = 0;
    for (const zoom of ['Month', 'Year']) {
      await page.getByRole('button', { name: zoom, exact: true }).click();
      for (const y of [0, 400, 1e6]) {
        await scrollTo(page, 0, y);
        const r = await page.evaluate(`(() => {
          const marks = [...document.querySelectorAll('.stage .chart .bar:not(.handle), .stage .chart .diamond')];
          const out = { crossings: 0, segments: 0, bad: [] };
          for (const a of document.querySelectorAll('.stage .arrow')) {
            const d = a.getAttribute('d');
            const n = d.match(/-?[\\d.]+/g).map(Number);
            let x = n[0], y = n[1];
            const pts = [[x, y]];
            for (const c of d.match(/[HV]-?[\\d.]+/g)) { const v = Number(c.slice(1)); if (c[0] === 'H') x = v; else y = v; pts.push([x, y]); }
            for (let k = 1; k < pts.length; k++) {
              out.segments++;
              const [x0, y0] = pts[k - 1], [x1, y1] = pts[k];
              for (const m of marks) {
                const b = m.getBBox();
                if (!(Math.max(x0, x1) > b.x + 1 && Math.min(x0, x1) < b.x + b.width - 1 && Math.max(y0, y1) > b.y + 1 && Math.min(y0, y1) < b.y + b.height - 1)) continue;
                out.crossings++;
                const above = m.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING;
                const halo = a.previousElementSibling?.classList.contains('arrow-halo') && a.previousElementSibling.getAttribute('d') === d;
                if (!above || !halo) out.bad.push(d);
              }
            }
          }
          return out;
        })()`) as { crossings: number; segments: number; bad: string[] };
        assert.deepEqual(r.bad, [], `${zoom} at ${y}: arrows through a bar without a halo, or under it`);
        crossings += r.crossings;
        segments += r.segments;
      }
    }
    assert.ok(segments > 100, `${segments} arrow segments checked`);
    assert.ok(crossings < segments / 10, `${crossings} of ${segments} segments cross a bar: most go round`);
  });

  it('keeps header labels apart at any zoom, Ctrl+wheel included', async () => {
    await page.getByRole('button', { name: 'Week' }).click();
    const box = (await page.locator('.scroller').boundingBox())!;
    await page.mouse.move(box.x + 900, box.y + 300);
    for (let i = 0; i < 24; i++) {
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, 100);
      await page.keyboard.up('Control');
      const axis = (await labelBoxes(page)).filter((b) => b.kind === 'axis' || b.kind === 'today');
      assert.ok(axis.length >= 2, `step ${i}: ${axis.length} axis labels`);
      assertNoOverlap(axis, `wheel step ${i} (${await app(page, 'app.l.pxPerDay')} px a day)`);
    }
  });

  it('zoom keeps the day under the cursor in place (Ctrl+wheel)', async () => {
    await page.getByRole('button', { name: 'Month' }).click();
    const box = (await page.locator('.scroller').boundingBox())!;
    const x = box.x + 800;
    await page.mouse.move(x, box.y + 300);
    const before = await dayUnder(page, x);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    const px = await app(page, 'app.l.pxPerDay') as number;
    assert.ok(px > 8 * 1.5, `zoomed in to ${px} px a day`);
    assert.ok(Math.abs(await dayUnder(page, x) - before) < 0.5, `day under the cursor ${before} → ${await dayUnder(page, x)}`);
  });

  it('Year → Week keeps today where it was on screen', async () => {
    await page.getByRole('button', { name: 'Year' }).click();
    await page.getByRole('button', { name: 'Today' }).click();
    const todayX = async () => (await page.locator('.stage path.today').boundingBox())!.x;
    const before = await todayX();
    await page.getByRole('button', { name: 'Week' }).click();
    assert.ok(Math.abs(await todayX() - before) < 20, `today at ${before} px, then ${await todayX()} px`);
  });

  it('Fit shows the whole plan in the window: no horizontal scroll, every mark in view', async () => {
    await page.getByRole('button', { name: 'Fit' }).click();
    const { canvas, client } = await page.evaluate(`({ canvas: document.querySelector('.canvas').getBoundingClientRect().width, client: document.querySelector('.scroller').clientWidth })`) as { canvas: number; client: number };
    assert.ok(canvas <= client + 1, `canvas ${canvas} px in a ${client} px window`);
    assert.equal(await page.locator('.stage .edge').count(), 0, 'nothing is off-screen');
    assert.equal(await page.getByRole('button', { name: 'Fit' }).getAttribute('aria-pressed'), 'true');
  });

  it('marks items outside the view at the edges, and a click on a marker brings the item into view', async () => {
    await page.getByRole('button', { name: 'Week' }).click();
    await scrollTo(page, 1e6, 0);
    const expected = await app(page, `(() => { const s = app.parts.scroller; const from = (s.scrollLeft - 0) / app.l.pxPerDay + app.l.originDay;
      const last = Math.ceil((s.scrollTop + s.clientHeight) / 26) + 1; const first = Math.max(0, Math.floor(s.scrollTop / 26) - 1);
      return app.l.rows.slice(first, last + 1).filter((r) => r.shape !== 'none' && r.end !== undefined && (r.shape === 'diamond' ? r.end + 1 : r.end + 1) < from - 1).length; })()`) as number;
    const left = page.locator('.stage .edge.left');
    assert.ok(expected > 0, 'some rows end before the view');
    assert.ok(await left.count() >= expected, `${await left.count()} left markers for ${expected} rows that end before the view`);
    const target = await left.first().getAttribute('data-edge');
    await left.first().click();
    const row = await app(page, `app.l.byId.get(${JSON.stringify(target)})`) as { start?: number; end: number };
    const visible = await app(page, `[app.l.originDay + app.parts.scroller.scrollLeft / app.l.pxPerDay, app.l.originDay + (app.parts.scroller.scrollLeft + app.parts.scroller.clientWidth - app.l.labelWidth) / app.l.pxPerDay]`) as [number, number];
    assert.ok((row.start ?? row.end) >= visible[0] && (row.start ?? row.end) <= visible[1], `item at ${row.start ?? row.end}, view ${visible}`);
  });

  it('the legend lists every mark on screen, and the toggle hides it', async () => {
    for (const zoom of ['Month', 'Year']) {
      await page.getByRole('button', { name: zoom, exact: true }).click();
      for (const y of [0, 500, 1e6]) {
        await scrollTo(page, 0, y);
        const { needed, listed } = await legendCoverage(page);
        assert.ok(needed.length >= 8, `${needed.length} kinds of mark on screen`);
        assert.deepEqual(needed.filter((k) => !listed.includes(k)), [], `${zoom}, scroll ${y}: on screen but not in the legend`);
      }
    }
    await page.getByRole('button', { name: 'Legend' }).click();
    assert.equal(await page.locator('.legend-strip').isVisible(), false);
    await page.getByRole('button', { name: 'Legend' }).click();
    assert.equal(await page.locator('.legend-strip').isVisible(), true);
  });

  it('collapses and expands a goal, and remembers it across a reload', async () => {
    const count = () => page.locator('.stage .labels .label').count();
    await page.getByRole('button', { name: 'Month' }).click();
    await scrollTo(page, 0, 0);
    const all = await app(page, 'app.l.rows.length') as number;
    const goal = view.rows.find((r) => r.kind === 'goal')!;
    const under = await app(page, `app.l.rows.filter((r) => { for (let p = r.parent; p; p = app.l.byId.get(p)?.parent) if (p === ${JSON.stringify(goal.id)}) return true; return false; }).length`) as number;
    assert.ok(under > 3);
    await page.locator(`.stage [data-toggle="${goal.id}"]`).click();
    assert.equal(await app(page, 'app.l.rows.length'), all - under);
    await page.reload();
    await page.locator('.timeline-svg').waitFor();
    assert.equal(await app(page, 'app.l.rows.length'), all - under, 'still collapsed after a reload');
    assert.equal(await page.locator(`.stage [data-toggle="${goal.id}"]`).textContent(), '▸');
    await page.locator(`.stage [data-toggle="${goal.id}"]`).click();
    assert.equal(await app(page, 'app.l.rows.length'), all);
    assert.ok(await count() > 0);
  });

  it('hides the tooltip when a filter changes the rows', async () => {
    await scrollTo(page, 0, 0);
    await page.locator('.stage .labels .label').nth(2).hover();
    assert.equal(await page.locator('.tooltip').isVisible(), true);
    await page.getByLabel('Filter by owner').selectOption(view.facets.owners[0], { force: true }).catch(async () => {
      // The filter may sit in the overflow menu at this width.
      await page.getByRole('button', { name: 'More' }).click();
      await page.getByLabel('Filter by owner').selectOption(view.facets.owners[0]);
    });
    assert.equal(await page.locator('.tooltip').isVisible(), false);
    await page.getByLabel('Filter by owner').selectOption('');
  });

  it('keeps the toolbar on one line at any width, the rest in the More menu', async () => {
    for (const width of [1400, 900, 600, 420]) {
      await page.setViewportSize({ width, height: 820 });
      await page.waitForTimeout(50);
      const { height, scroll, client } = await page.evaluate(`(() => {
        const bar = document.querySelector('.toolbar');
        return { height: bar.getBoundingClientRect().height, scroll: bar.scrollWidth, client: bar.clientWidth };
      })()`) as { height: number; scroll: number; client: number };
      assert.ok(height < 46, `toolbar ${height} px tall at ${width} px`);
      assert.ok(scroll <= client + 1, `toolbar content ${scroll} px in ${client} px`);
    }
    await page.getByRole('button', { name: 'More' }).click();
    assert.ok(await page.locator('.toolbar-menu').getByRole('button', { name: 'Export SVG' }).isVisible());
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1400, height: 820 });
  });

  it('print: pages of whole rows fitted to the page width, the live view hidden', async () => {
    await page.evaluate('window.roadmarkPrint()');
    await page.emulateMedia({ media: 'print' });
    const shown = await app(page, 'app.l.rows.length') as number;
    const pages = page.locator('.print-page');
    assert.equal(await pages.count(), Math.ceil(shown / 25));
    assert.equal(await page.locator('.scroller').isVisible(), false);
    assert.equal(await page.locator('.toolbar').isVisible(), false);
    const rowsPrinted = await page.locator('.print-page .labels .label').count();
    assert.ok(rowsPrinted >= shown, `${rowsPrinted} rows printed of ${shown}`);
    const widths = await pages.evaluateAll((els) => els.map((e) => Number(e.querySelector('svg')!.getAttribute('width'))));
    assert.ok(widths.every((w) => w <= 1048), `page widths ${widths}`);
    const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
    const pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pdfPages >= Math.ceil(shown / 25) && pdfPages <= Math.ceil(shown / 25) + 1, `${pdfPages} PDF pages for ${Math.ceil(shown / 25)} print pages`);
    await page.emulateMedia({ media: 'screen' });
  });

  it('screenshots in light, dark and high contrast', async () => {
    await page.getByRole('button', { name: 'Month' }).click();
    await page.getByRole('button', { name: 'Today' }).click();
    await scrollTo(page, await app(page, 'app.parts.scroller.scrollLeft') as number, 0);
    for (const [name, scheme, contrast] of [['light', 'light', 'no-preference'], ['dark', 'dark', 'no-preference'], ['hc', 'dark', 'more']] as const) {
      await page.emulateMedia({ colorScheme: scheme, contrast });
      await page.screenshot({ path: join(RESULTS, `timeline-layout-${name}.png`) });
    }
    const hcBackground = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    assert.equal(hcBackground, 'rgb(0, 0, 0)', 'the high-contrast palette applies');
    await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' });
    await page.getByRole('button', { name: 'Year' }).click();
    await page.screenshot({ path: join(RESULTS, 'timeline-layout-year.png') });
    await page.getByRole('button', { name: 'Compact' }).click();
    await page.getByRole('button', { name: 'Month' }).click();
    await page.getByRole('button', { name: 'Today' }).click();
    await checkLabels(page, 'compact');
    await page.screenshot({ path: join(RESULTS, 'timeline-layout-compact.png') });
    await page.getByRole('button', { name: 'Compact' }).click();
    assert.deepEqual(errors, []);
  });
});

describe('timeline layout in Chromium: a generated 10k-item plan', function () {
  this.timeout(300000);
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'roadmark-10k-'));
  const file = join(dir, 'timeline.html');

  before(async () => {
    generateWorkspace(join(dir, 'plan'), 10_000);
    execFileSync(process.execPath, ['dist/cli.js', 'timeline', join(dir, 'plan'), '--out', file], { maxBuffer: 1 << 28 });
    browser = await launchChromium();
    page = await open(browser, file, errors);
  });

  after(async () => {
    await browser?.close();
  });

  it('no two labels overlap and titles are whole or visibly cut, across the plan and the zooms', async () => {
    const rows = await app(page, 'app.l.rows.length') as number;
    assert.ok(rows > 3000, `${rows} rows`);
    for (const zoom of ZOOM_BUTTONS) {
      await page.getByRole('button', { name: zoom, exact: true }).click();
      for (const y of [0, rows * 26 * 0.37, rows * 26 * 0.71, 1e9]) {
        for (const x of [0, 2000, 1e9]) {
          await scrollTo(page, x, y);
          await checkLabels(page, `10k, ${zoom} at ${x},${Math.round(y)}`);
        }
      }
    }
  });

  it('the legend lists every mark on screen; edge markers; collapse of the first goal', async () => {
    await page.getByRole('button', { name: 'Week' }).click();
    for (const y of [0, 100000]) {
      await scrollTo(page, 3000, y);
      const { needed, listed } = await legendCoverage(page);
      assert.deepEqual(needed.filter((k) => !listed.includes(k)), [], `scroll ${y}`);
      assert.ok(await page.locator('.stage .edge').count() > 0, 'rows with items outside a week-wide view get markers');
    }
    const all = await app(page, 'app.l.rows.length') as number;
    const first = await app(page, 'app.l.rows[0].id') as string;
    await scrollTo(page, 0, 0);
    await page.locator(`.stage [data-toggle="${first}"]`).click();
    assert.ok((await app(page, 'app.l.rows.length') as number) < all);
    await page.locator(`.stage [data-toggle="${first}"]`).click();
    assert.equal(await app(page, 'app.l.rows.length'), all);
  });

  it('Fit fits the 10k plan, header labels stay apart, and print cuts pages of whole rows', async () => {
    await page.getByRole('button', { name: 'Fit' }).click();
    const { canvas, client } = await page.evaluate(`({ canvas: document.querySelector('.canvas').getBoundingClientRect().width, client: document.querySelector('.scroller').clientWidth })`) as { canvas: number; client: number };
    assert.ok(canvas <= client + 1);
    assertNoOverlap((await labelBoxes(page)).filter((b) => b.kind === 'axis' || b.kind === 'today'), '10k fit axis');
    await page.evaluate('window.roadmarkPrint()');
    const rows = await app(page, 'app.l.rows.length') as number;
    assert.equal(await page.locator('.print-page').count(), Math.ceil(rows / 25));
    await page.evaluate(`document.querySelector('.print-pages')?.remove()`);
    assert.deepEqual(errors, []);
  });
});
