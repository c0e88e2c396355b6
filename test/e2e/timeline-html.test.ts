/**
 * The CLI's standalone timeline page in a real browser: what it draws, how it reacts, and that
 * nothing leaves the page. Screenshots (light and dark) land in test-results/.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TimelineView } from '../../src/protocol/timeline';
import { PX_PER_DAY } from '../../src/render/scale';
import { launchChromium } from './browser';

const RESULTS = resolve('test-results');

function model(html: string): TimelineView {
  const json = /<script type="application\/json" id="roadmark-model">([\s\S]*?)<\/script>/.exec(html)![1];
  return JSON.parse(json) as TimelineView;
}

describe('standalone timeline (roadmark timeline) in Chromium', function () {
  this.timeout(60000);
  let browser: Browser;
  let page: Page;
  let view: TimelineView;
  const errors: string[] = [];
  const requests: string[] = [];
  const file = join(mkdtempSync(join(tmpdir(), 'roadmark-html-')), 'timeline.html');

  before(async () => {
    execFileSync(process.execPath, ['dist/cli.js', 'timeline', 'examples', '--out', file]);
    view = model(readFileSync(file, 'utf8'));
    mkdirSync(RESULTS, { recursive: true });
    browser = await launchChromium();
    // Tall and zoomed out enough that every row and day of the example is in view.
    page = await browser.newPage({ viewport: { width: 1600, height: 1900 }, acceptDownloads: true });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    await page.locator('.timeline-svg').waitFor();
    await page.getByRole('button', { name: 'Year' }).click();
  });

  after(async () => {
    await browser?.close();
  });

  it('draws as many bars and milestones as the model has', async () => {
    const bars = view.rows.filter((r) => r.shape === 'bar').length;
    const diamonds = view.rows.filter((r) => r.shape === 'diamond').length;
    assert.ok(bars > 0 && diamonds > 0);
    // Initiatives (and dated goals) are drawn as a bracket over their work, goals' due dates as rings.
    assert.equal(await page.locator('.chart rect.bar, .chart path.span').count(), bars);
    assert.equal(await page.locator('.chart path.diamond, .chart circle.goal-ring').count(), diamonds);
    assert.equal(await page.locator('.labels .label').count(), view.rows.length);
  });

  it('puts the today line at today\'s x on the axis', async () => {
    const line = await page.locator('.chart path.today').boundingBox();
    const ticks = await page.locator('.axis-labels text.tick.major').evaluateAll((els) => (els as unknown as { textContent: string; getBBox(): { x: number } }[]).map((e) => ({ label: e.textContent, x: e.getBBox().x })));
    const next = ticks.find((t) => t.label === '2027')!;
    const svg = (await page.locator('.timeline-svg').boundingBox())!;
    // 2026-11-23 is 39 days before 2027-01-01, whose label starts 4px after its tick; the line
    // marks the middle of the day.
    const expected = next.x - 4 - (39 - 0.5) * PX_PER_DAY.year;
    assert.ok(Math.abs(line!.x + line!.width / 2 - svg.x - expected) < 3, `today at ${line!.x - svg.x}, expected ${expected}`);
  });

  it('a filter hides the rows that do not match, and clearing it brings them back', async () => {
    const owner = view.facets.owners[0];
    const expected = view.rows.filter((r) => r.owners.includes(owner)).length;
    await page.getByLabel('Filter by owner').selectOption(owner);
    const shown = await page.locator('.labels .label').count();
    assert.ok(shown < view.rows.length && shown >= expected, `${shown} rows for ${owner}`);
    await page.getByLabel('Filter by owner').selectOption('');
    assert.equal(await page.locator('.labels .label').count(), view.rows.length);
  });

  it('zoom changes the scale of the axis', async () => {
    // The distance between two month ticks (the canvas itself is at least as wide as the window).
    const monthPx = async () => page.evaluate('window.roadmarkTimeline.l.pxPerDay * 30') as Promise<number>;
    const year = await monthPx();
    await page.getByRole('button', { name: 'Quarter' }).click();
    const quarter = await monthPx();
    assert.ok(quarter > year * 2, `a month is ${quarter}px at quarter zoom vs ${year}px at year zoom`);
    assert.ok(await page.locator('text.tick.major', { hasText: /^Q[1-4] 20\d\d$/ }).count() > 0);
    await page.getByRole('button', { name: 'Year' }).click();
  });

  it('search narrows the rows; the keyboard selects and describes an item', async () => {
    await page.getByLabel('Search items').fill('samples');
    const shown = await page.locator('.labels .label').count();
    assert.ok(shown > 0 && shown < view.rows.length);
    await page.getByLabel('Search items').fill('');
    await page.locator('.scroller').focus();
    await page.keyboard.press('ArrowDown');
    assert.match(await page.locator('.details').innerText(), /Goal /);
  });

  it('exports the whole timeline as SVG and PNG, not just what is on screen', async () => {
    await page.setViewportSize({ width: 900, height: 500 });
    // At this width the export buttons sit in the toolbar's More menu.
    const exportButton = async (name: string) => {
      await page.getByRole('button', { name: 'More' }).click();
      return page.getByRole('button', { name });
    };
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), (await exportButton('Export SVG')).click()]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    assert.equal((svg.match(/<g class="row [^"]*label"/g) ?? []).length, view.rows.length, 'every row, though only a few fit the window');
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), (await exportButton('Export PNG')).click()]);
    const png = readFileSync((await pngDownload.path())!);
    assert.deepEqual([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
    assert.ok(png.readUInt32BE(20) > 1000, `the image is ${png.readUInt32BE(20)} px tall`);
    await page.setViewportSize({ width: 1600, height: 1900 });
  });

  it('makes no request beyond the page itself and logs no error', () => {
    assert.deepEqual(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:')), []);
    assert.deepEqual(errors, []);
  });

  it('screenshots in light and dark', async () => {
    await page.setViewportSize({ width: 1400, height: 820 });
    await page.getByRole('button', { name: 'Month' }).click();
    await page.getByRole('button', { name: 'Today' }).click();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(RESULTS, 'timeline-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    assert.equal(background, 'rgb(30, 30, 30)', 'the dark palette applies');
    await page.screenshot({ path: join(RESULTS, 'timeline-dark.png') });
  });
});
