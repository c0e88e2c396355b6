/**
 * The timeline webview inside the real VS Code (code-server in Chromium): open it from the
 * command palette, click a row and see the editor go to the item, drag a milestone and see the
 * date rewritten in the editor. Called by the code-server runner after the in-host suites.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';

/** Runs a command through the command palette (F1), as a person would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * The element's bounding box once it has stopped moving (after a scroll or a zoom): polls until
 * two reads 100 ms apart agree, instead of sleeping a guessed time.
 */
export async function stableBox(page: Page, locator: Locator, timeoutMs = 10000): Promise<Box> {
  const deadline = Date.now() + timeoutMs;
  let last: Box | null = null;
  for (;;) {
    const box = await locator.boundingBox();
    if (box && last && box.width > 0 && box.height > 0 && (['x', 'y', 'width', 'height'] as const).every((k) => Math.abs(box[k] - last![k]) < 0.5)) return box;
    if (Date.now() > deadline) throw new Error(`the element's box did not settle within ${timeoutMs} ms (last: ${JSON.stringify(box)})`);
    last = box;
    await page.waitForTimeout(100);
  }
}

async function timelineFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.locator('.timeline-svg').count().catch(() => 0)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error('The timeline webview did not render within 30 s');
}

export interface TimelineCheck {
  name: string;
  ok: boolean;
  error?: string;
}

/** Collects named checks that fail without stopping the others. */
export function checks(): { results: TimelineCheck[]; check(name: string, run: () => Promise<void>): Promise<void> } {
  const results: TimelineCheck[] = [];
  const check = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
      results.push({ name, ok: true });
    } catch (e) {
      results.push({ name, ok: false, error: (e as Error).message });
    }
  };
  return { results, check };
}

/** Runs the checks and returns one result per check (the runner prints and counts them). */
export async function checkTimelineInVsCode(page: Page, workspace: string, screenshotDir: string): Promise<TimelineCheck[]> {
  const { results, check } = checks();
  let frame: Frame | undefined;
  await check('Roadmark: Open Timeline shows the timeline webview', async () => {
    await runCommand(page, 'Roadmark: Open Timeline');
    frame = await timelineFrame(page);
    assert.ok(await frame.locator('.chart rect.bar').count() > 0, 'bars are drawn');
    // The toolbar keeps to one line in the panel: what does not fit is in its More menu.
    const f0 = frame;
    const fits = async () => (await f0.evaluate('(() => { const b = document.querySelector(".toolbar"); return b.scrollWidth <= b.clientWidth + 1 && b.getBoundingClientRect().height < 46; })()')) as boolean;
    for (const until = Date.now() + 3000; !(await fits()) && Date.now() < until;) await page.waitForTimeout(100);
    assert.ok(await fits(), 'the toolbar fits the panel on one line');
    await page.screenshot({ path: join(screenshotDir, 'vscode-timeline.png') });
  });
  if (!frame) return results;
  const f = frame;
  await check('a click on a row opens its source in the editor', async () => {
    await f.getByLabel('Search items').fill('Riverside pilot');
    await f.locator('.labels .label', { hasText: 'Riverside pilot' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'clinic-rollout.project.md' }).first().waitFor({ timeout: 10000 });
    await page.locator('.view-line', { hasText: 'Milestone: Riverside pilot' }).first().waitFor({ timeout: 10000 });
    await f.getByLabel('Search items').fill('');
  });
  await check('dragging a milestone rewrites its due date in the file', async () => {
    const original = readFileSync(join(workspace, 'projects/supplier.project.yaml'), 'utf8');
    assert.match(original, /due: 2026-11-13/);
    await f.getByLabel('Search items').fill('Second samples approved');
    const diamond = f.locator('g[aria-label^="Milestone Second samples approved"] path.diamond').first();
    await f.getByRole('button', { name: 'Today' }).click();
    const box = await stableBox(page, diamond);
    // Boxes are in page coordinates, frames included. Month zoom draws 8 px a day: 7 days right.
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 28, y, { steps: 4 });
    await page.mouse.move(x + 56, y, { steps: 4 });
    await page.mouse.up();
    // The edit lands in the document, the index re-reads it and the live model moves the diamond.
    await f.locator('g[aria-label*="Second samples approved"][aria-label*="due 2026-11-20"]').first().waitFor({ timeout: 10000 });
    await page.screenshot({ path: join(screenshotDir, 'vscode-timeline-after-drag.png') });
    await f.getByLabel('Search items').fill('');
  });
  return results;
}
