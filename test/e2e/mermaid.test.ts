/** The Mermaid export renders with the mermaid package itself, in Chromium, without an error. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';

describe('roadmark export --format mermaid in Chromium', function () {
  this.timeout(60000);
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('renders the example as a gantt chart with every task', async () => {
    const text = spawnSync(process.execPath, ['dist/cli.js', 'export', 'examples', '--format', 'mermaid'], { encoding: 'utf8' }).stdout;
    const tasks = text.split('\n').filter((l) => /^ {4}\S/.test(l)).length;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: resolve('node_modules/mermaid/dist/mermaid.min.js') });
    const result = await page.evaluate(async (source) => {
      const m = (globalThis as unknown as { mermaid: { initialize(o: object): void; parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
      m.initialize({ startOnLoad: false });
      await m.parse(source);
      const { svg } = await m.render('gantt', source);
      return svg;
    }, text);
    assert.deepEqual(errors, []);
    assert.match(result, /^<svg/);
    const rendered = (result.match(/<rect[^>]+class="[^"]*task[^"]*"/g) ?? []).length;
    const milestones = (result.match(/class="[^"]*milestone[^"]*"/g) ?? []).length;
    assert.ok(rendered + milestones >= tasks, `${rendered} bars and ${milestones} milestones for ${tasks} lines`);
  });
});
