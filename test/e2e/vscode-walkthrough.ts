/**
 * The walkthrough in the real VS Code (code-server in Chromium), and the pictures it shows: each
 * step's screenshot is taken here from the product itself, on the example workspace. They land
 * in test-results/walkthrough/; with ROADMARK_UPDATE_MEDIA=1 they also replace
 * media/walkthrough/*.png, shrunk to 256 colours with pngquant when it is there (Debian: `apt-get
 * install pngquant`; about 90 KB a picture instead of 250 KB).
 * Then the walkthrough opens from the command palette and shows its steps and first picture.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { checks, runCommand, type TimelineCheck } from './vscode-timeline';

const MEDIA = resolve(__dirname, '../../media/walkthrough');

/** Opens a workspace file through Quick Open, and puts the cursor at line:column when given. */
async function openFile(page: Page, name: string, at?: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: 10000 });
  if (!at) return;
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').fill(`:${at}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 5000 });
}

async function clean(page: Page, panel = false): Promise<void> {
  // Keys go to the workbench, not to a webview that may have the focus: click the title bar.
  await page.mouse.click(640, 14);
  await page.keyboard.press('Escape');
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
  await runCommand(page, 'View: Close All Editor Groups').catch(() => undefined);
  if (!panel) await runCommand(page, 'View: Hide Panel').catch(() => undefined);
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

/** Shrinks a screenshot into media/walkthrough (pngquant when there is one, else a copy). */
function publish(shot: string, name: string): void {
  mkdirSync(MEDIA, { recursive: true });
  const target = join(MEDIA, name);
  try {
    execFileSync('pngquant', ['--quality=60-90', '--speed', '1', '--strip', '--force', '--output', target, shot], { stdio: 'ignore' });
  } catch {
    console.warn(`  walkthrough: pngquant is not installed: ${name} copied at full size`);
    copyFileSync(shot, target);
  }
}

export async function checkWalkthrough(page: Page, _workspace: string, resultsDir: string): Promise<TimelineCheck[]> {
  const { results, check } = checks();
  const dir = join(resultsDir, 'walkthrough');
  mkdirSync(dir, { recursive: true });
  const update = process.env.ROADMARK_UPDATE_MEDIA === '1';
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 760 });
  const shoot = async (name: string) => {
    const file = join(dir, name);
    await page.screenshot({ path: file });
    if (update) publish(file, name);
  };
  try {
    await clean(page);
    await check('walkthrough picture: a roadmap file beside the Roadmap view', async () => {
      await openFile(page, 'glow.roadmap.md', '1:1');
      await runCommand(page, 'View: Show Roadmark');
      await page.locator('.pane', { hasText: 'Roadmap' }).locator('.monaco-list-row', { hasText: 'Launch the Lumen Glow line' }).first().waitFor({ timeout: 15000 });
      await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: 5000 });
      await shoot('roadmap.png');
    });
    await check('walkthrough picture: a project and its delivers line, under its initiative', async () => {
      await clean(page);
      await openFile(page, 'clinic-rollout.project.md', '6:11');
      // Follow Cursor reveals and selects the project in the Roadmap view.
      await page.locator('.pane', { hasText: 'Roadmap' }).locator('.monaco-list-row.selected', { hasText: 'Lumen Glow rollout' }).first().waitFor({ timeout: 15000 });
      await shoot('project.png');
    });
    await check('walkthrough picture: a misspelt field and its quick fix', async () => {
      await clean(page, true);
      await runCommand(page, 'View: Focus Problems');
      await openFile(page, 'booking-integration.project.md', '67:4');
      await page.locator('.monaco-editor [class*="squiggly-"]').first().waitFor({ timeout: 15000 }).catch(() => undefined);
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'owner' }).first();
      await fix.waitFor({ timeout: 15000 });
      await shoot('quick-fix.png');
      await page.keyboard.press('Escape');
    });
    await check('walkthrough picture: the timeline', async () => {
      await clean(page);
      await runCommand(page, 'View: Close Primary Side Bar').catch(() => undefined);
      await runCommand(page, 'Roadmark: Open Timeline');
      let drawn = false;
      for (const until = Date.now() + 30000; !drawn && Date.now() < until; await page.waitForTimeout(250)) {
        for (const frame of page.frames()) if (await frame.locator('.chart rect.bar').count().catch(() => 0)) drawn = true;
      }
      assert.ok(drawn, 'the timeline draws its bars');
      await page.waitForTimeout(500);
      await shoot('timeline.png');
    });
    await check('the walkthrough opens from Welcome: Open Walkthrough… with its steps and pictures', async () => {
      await clean(page);
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Roadmark' }).first().click({ timeout: 10000 });
      for (const step of ['Create or open a roadmap', 'Link a project', 'See a diagnostic and its quick fix', 'Open the timeline']) {
        await page.locator('.getting-started-step', { hasText: step }).first().waitFor({ timeout: 15000 });
      }
      try {
        // The first step not yet done is open, with its picture (here the roadmap step is done: the workspace has plans).
        const picture = async () => {
          for (const frame of page.frames()) if (await frame.locator('img[src*="walkthrough"], img[alt*="Roadmap view"]').count().catch(() => 0)) return true;
          return false;
        };
        for (const until = Date.now() + 15000; !(await picture()); await page.waitForTimeout(250)) {
          if (Date.now() > until) throw new Error('no walkthrough picture on the page');
        }
      } finally {
        await page.screenshot({ path: join(dir, 'walkthrough.png') });
      }
    });
  } finally {
    await clean(page).catch(() => undefined);
    if (viewport) await page.setViewportSize(viewport);
  }
  return results;
}
