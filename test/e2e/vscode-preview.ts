/**
 * The Markdown preview plugin in the real VS Code preview (code-server in Chromium): the chips
 * are drawn in the preview's webview, the overdue mark shows, and screenshots are kept under
 * test-results/ (vscode-preview.png, vscode-preview-overdue.png). Runs last: it adds a plan file.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { checks, runCommand, type TimelineCheck } from './vscode-timeline';

const OVERDUE_PLAN = [
  '---', 'type: project', 'id: preview-check', 'title: Preview check', 'owner: jonas', 'delivers: skincare-line', 'start: 2026-10-01', 'end: 2027-01-31', '---', '',
  '# Preview check', '',
  '## Milestone: Signage ordered {#signage due=2026-11-13 status=in-progress owner=noor}', '',
  '- [x] Artwork approved {due=2026-11-02 owner=noor}', '- [ ] Order placed with the printer {due=2026-11-16 owner=jonas}', '',
  '## Milestone: Signage installed', '',
  '- id: signage-installed', '- due: 2027-01-20', '- depends: signage, first-production', '- owner: jonas', '',
].join('\n');

/** Opens a workspace file by name through Quick Open, as a person would; a file just written may take the file search a moment to see. */
async function openFile(page: Page, name: string, attempts = 6): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(name);
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 4000 });
      break;
    } catch (e) {
      if (attempt >= attempts) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1000);
    }
  }
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: 10000 });
}

/** The preview beside its source, the panel closed so the screenshot shows it whole. */
async function showPreview(page: Page): Promise<void> {
  await runCommand(page, 'Markdown: Open Preview to the Side');
  // Neither command is offered once its part is hidden: a miss closes the palette and moves on.
  for (const command of ['View: Hide Panel', 'View: Close Primary Side Bar']) {
    await runCommand(page, command).catch(() => page.keyboard.press('Escape'));
    await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  }
}

/** The preview's content frame once it shows `selector` (webviews nest an iframe in an iframe). */
async function previewFrame(page: Page, selector: string, timeoutMs = 20000): Promise<Frame> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no preview frame shows ${selector} within ${timeoutMs} ms`);
}

/** The overdue chip's colour as drawn (the page's own getComputedStyle; the test tsconfig has no DOM lib). */
function chipColour(frame: Frame): Promise<string> {
  return frame.locator('.roadmark-chip-overdue').first().evaluate((e) => (globalThis as unknown as { getComputedStyle(el: unknown): { color: string } }).getComputedStyle(e).color);
}

export async function checkPreviewInVsCode(page: Page, workspace: string, dir: string): Promise<TimelineCheck[]> {
  const { results, check } = checks();
  await runCommand(page, 'View: Close All Editor Groups').catch(() => undefined);
  await check('the Markdown preview of a plan file shows its fields as chips', async () => {
    await openFile(page, 'clinic-rollout.project.md');
    await showPreview(page);
    const frame = await previewFrame(page, '.roadmark-chips');
    await frame.locator('a.roadmark-chip-link', { hasText: 'first-production' }).first().waitFor({ timeout: 10000 });
    if (await frame.locator('text={#retail-design').count()) throw new Error('an attribute block is shown as text');
    // The preview follows the editor's scroll: show its top, where the project's own chips are.
    await frame.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.screenshot({ path: join(dir, 'vscode-preview.png') });
  });
  const path = join(workspace, 'projects/preview-check.project.md');
  writeFileSync(path, OVERDUE_PLAN);
  try {
    await check('the Markdown preview marks an overdue milestone', async () => {
      await runCommand(page, 'View: Close All Editor Groups').catch(() => undefined);
      await openFile(page, 'preview-check.project.md');
      await showPreview(page);
      const frame = await previewFrame(page, 'h2.roadmark-overdue');
      await frame.locator('.roadmark-chip-overdue', { hasText: '10 days' }).first().waitFor({ timeout: 10000 });
      await page.screenshot({ path: join(dir, 'vscode-preview-overdue.png') });
    });
    await check('the chips follow a dark theme', async () => {
      const frame = await previewFrame(page, '.roadmark-chip-overdue');
      const light = await chipColour(frame);
      await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
      try {
        const until = Date.now() + 10000;
        let dark = light;
        while (dark === light && Date.now() < until) {
          await page.waitForTimeout(200);
          dark = await chipColour(frame);
        }
        if (dark === light) throw new Error(`the overdue chip kept its colour ${light} in the other theme`);
        await page.screenshot({ path: join(dir, 'vscode-preview-overdue-dark.png') });
      } finally {
        await runCommand(page, 'Preferences: Toggle between Light/Dark Themes').catch(() => page.keyboard.press('Escape'));
      }
    });
  } finally {
    rmSync(path, { force: true });
  }
  return results;
}
