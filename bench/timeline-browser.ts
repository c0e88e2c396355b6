/**
 * Measures in Chromium: (1) navigation → timeline drawn, for the standalone page; (2) Mermaid
 * parse + render of the same plan's gantt text; (3) the draw time of 60 pan steps. Prints one
 * JSON line. Usage: node --import tsx bench/timeline-browser.ts TIMELINE.html GANTT.mmd
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { launchChromium } from '../test/e2e/browser';

const MERMAID_TIMEOUT_MS = 10 * 60_000;

/** 60 pan steps, each drawn and painted; returns the sorted frame times (ms). */
const PAN = `(async () => {
  const app = window.roadmarkTimeline;
  const scroller = document.querySelector('.scroller');
  const times = [];
  for (let i = 0; i < 60; i++) {
    scroller.scrollLeft += 40;
    scroller.scrollTop += 120;
    const started = performance.now();
    app.draw();
    // Style and layout of the new frame, forced now so they are inside the measurement.
    document.querySelector('.stage').getBoundingClientRect();
    times.push(performance.now() - started);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
  }
  return times.sort((a, b) => a - b);
})()`;

/** A page that loads Mermaid and renders the gantt on load: its first paint is comparable to ours. */
function mermaidPage(source: string): string {
  const script = readFileSync(resolve('node_modules/mermaid/dist/mermaid.min.js'), 'utf8').replace(/<\/script/gi, '<\\/script');
  return `<!DOCTYPE html><html><body><div id="out"></div><script>${script}</script><script>
mermaid.initialize({ startOnLoad: false, maxTextSize: 50000000, maxEdges: 1000000 });
mermaid.render('gantt', ${JSON.stringify(source).replace(/</g, '\\u003c')}).then(({ svg }) => {
  document.getElementById('out').innerHTML = svg;
  requestAnimationFrame(() => { window.mermaidDone = performance.now(); });
});
</script></body></html>`;
}

async function main(): Promise<void> {
  const [html, mmd] = process.argv.slice(2).map((p) => resolve(p));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`file://${html}`);
    // Time from navigation start to the first frame with the timeline in it (recorded by the page).
    await page.waitForFunction('window.roadmarkFirstFrame !== undefined', undefined, { polling: 50 });
    const ours = (await page.evaluate('window.roadmarkFirstFrame')) as number;
    const rows = await page.evaluate('window.roadmarkTimeline.l.rows.length') as number;
    const frames = (await page.evaluate(PAN)) as number[];
    const panP95 = frames[Math.floor(frames.length * 0.95)];

    const gantt = readFileSync(mmd, 'utf8');
    const mpage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    mpage.setDefaultTimeout(MERMAID_TIMEOUT_MS);
    const file = join(dirname(mmd), 'gantt-bench.html');
    writeFileSync(file, mermaidPage(gantt));
    await mpage.goto(`file://${file}`);
    await mpage.waitForFunction('window.mermaidDone !== undefined', undefined, { timeout: MERMAID_TIMEOUT_MS, polling: 100 });
    const mermaid = (await mpage.evaluate('window.mermaidDone')) as number;
    const mermaidTasks = gantt.split('\n').filter((l) => /^ {4}\S/.test(l)).length;
    console.log(JSON.stringify({ ours, mermaid, panP95, rows, mermaidTasks }));
  } finally {
    await browser.close();
  }
}

void main();
