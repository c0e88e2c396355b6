import assert from 'node:assert/strict';
import { timelineSvg } from '../../src/cli/format/timeline';
import { buildTimelineView } from '../../src/core/outline/timeline';
import { drawAxis, MAJOR_Y, MINOR_Y } from '../../src/render/axis';
import { placeLine, type MarkSlot } from '../../src/render/labels';
import { fitPxPerDay, layout, visibleRows } from '../../src/render/layout';
import { legendKeys } from '../../src/render/legend';
import { estimate, estimateWidth, fitText, initials } from '../../src/render/text';
import { sanitizeState } from '../../src/webview/state';
import { day, workspace } from './helpers';
import { BASELINE_VIEW } from './timeline-sample';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Retail', 'catalogue', 'in', 'Clinicbook', 'Wide', 'MMM', 'ill', 'launch', 'Harbour', 'clinic', 'É', '—', 'x'];

describe('timeline renderer: label placement, axis, legend, state', () => {
  it('places the titles of a line without overlap, inside the view, whole or cut with an ellipsis (2,000 random lines)', () => {
    const next = random(14);
    for (let n = 0; n < 2000; n++) {
      const left = 300 + next() * 200;
      const right = left + 200 + next() * 1200;
      const slots: MarkSlot[] = [];
      for (let k = 0, count = 1 + Math.floor(next() * 6); k < count; k++) {
        const x0 = left - 300 + next() * (right - left + 600);
        const kind = next();
        const title = Array.from({ length: 1 + Math.floor(next() * 6) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
        if (kind < 0.15) slots.push({ x0, x1: x0 + 10 });
        else slots.push({ rowId: `r${k}`, x0, x1: kind < 0.6 ? x0 + 14 : x0 + 5 + next() * 500, bar: kind >= 0.6, text: title });
      }
      const placed = placeLine(slots, left, right, estimate).sort((a, b) => a.x - b.x);
      for (let i = 0; i < placed.length; i++) {
        const p = placed[i];
        const slot = slots.find((s) => s.rowId === p.rowId)!;
        assert.ok(p.x >= left && p.x + p.width <= right + 0.001, `line ${n}: "${p.text}" at ${p.x}–${p.x + p.width} outside ${left}–${right}`);
        assert.ok(p.text === slot.text || (p.cut && p.text.endsWith('…') && slot.text!.startsWith(p.text.slice(0, -1).trimEnd())), `line ${n}: "${p.text}" for "${slot.text}"`);
        if (i > 0) assert.ok(placed[i - 1].x + placed[i - 1].width <= p.x, `line ${n}: "${placed[i - 1].text}" overlaps "${p.text}"`);
        for (const s of slots) {
          // Labels never run over another diamond or flag; bars only when the title starts on one.
          if (s.rowId === p.rowId || s.bar) continue;
          assert.ok(p.x + p.width <= s.x0 || p.x >= s.x1, `line ${n}: "${p.text}" (${p.x}–${p.x + p.width}) over a mark at ${s.x0}–${s.x1}`);
        }
      }
    }
  });

  it('puts a title inside its bar when it fits, else after the mark, else cuts it', () => {
    const [inside] = placeLine([{ rowId: 'a', x0: 400, x1: 900, bar: true, text: 'Build the shop' }], 300, 1400, estimate);
    assert.ok(inside.inside && inside.x === 405);
    const [after] = placeLine([{ rowId: 'a', x0: 400, x1: 420, bar: true, text: 'Build the shop' }], 300, 1400, estimate);
    assert.ok(!after.inside && after.x === 425);
    const [cut] = placeLine([{ rowId: 'a', x0: 400, x1: 414, text: 'Build the shop with every payment provider' }, { rowId: 'b', x0: 520, x1: 534, text: 'B' }], 300, 1400, estimate);
    assert.ok(cut.cut && cut.text.endsWith('…') && cut.x + cut.width <= 515, JSON.stringify(cut));
    const [pastFlag] = placeLine([{ rowId: 'a', x0: 400, x1: 600, bar: false, text: 'Rebook and follow up at checkout' }, { x0: 610, x1: 621 }], 300, 1400, estimate);
    assert.ok(!pastFlag.cut && pastFlag.x === 626, `a short gap before a target flag: the title goes after it (${JSON.stringify(pastFlag)})`);
  });

  it('fitText cuts at a word-or-letter boundary with an ellipsis, and gives up below a few letters', () => {
    const text = 'Stability and packaging compatibility tests';
    const cut = fitText(text, 100, estimate);
    assert.ok(cut.endsWith('…') && estimateWidth(cut) <= 100 && text.startsWith(cut.slice(0, -1)));
    assert.equal(fitText(text, 10, estimate), '');
    assert.equal(fitText('Go', 100, estimate), 'Go');
    assert.deepEqual(['Lea Martin', 'tomas', '@kim', 'anna-lena'].map(initials), ['LM', 'To', 'Ki', 'AL']);
  });

  it('keeps the axis labels of each line apart at every scale from a week to a decade per screen', () => {
    const view = BASELINE_VIEW;
    for (let px = 0.05; px <= 64; px *= 1.19) {
      const l = layout({ ...view, domain: [view.domain[0] - 2000, view.domain[1] + 2000] }, view.rows, { zoom: 'month', pxPerDay: px, labelWidth: 300 });
      const from = l.originDay + Math.floor(1000 / px) % 3000;
      const to = from + Math.ceil(1400 / px);
      const { labels } = drawAxis(l, from, to, 600, 300 + (from - l.originDay) * px, [700, 740]);
      for (const y of [MAJOR_Y, MINOR_Y]) {
        const boxes = [...labels.matchAll(new RegExp(`<text class="tick [a-z]+" x="([\\d.e-]+)" y="${y}">([^<]*)</text>`, 'g'))]
          .map((m) => ({ x: Number(m[1]), w: estimateWidth(m[2]) * 1.1 }));
        assert.ok(boxes.length > 0 || y === MINOR_Y, `${px} px a day: no ${y === MAJOR_Y ? 'major' : 'minor'} label`);
        for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i - 1].x + boxes[i - 1].w <= boxes[i].x, `${px.toFixed(2)} px a day: labels at ${boxes[i - 1].x} and ${boxes[i].x} collide`);
      }
    }
  });

  it('Fit scales the whole domain into the chart width', () => {
    const px = fitPxPerDay(BASELINE_VIEW, 1000);
    const l = layout(BASELINE_VIEW, BASELINE_VIEW.rows, { zoom: 'month', pxPerDay: px, labelWidth: 300 });
    assert.ok(l.width <= 1301 && l.width >= 1290, `${l.width}`);
  });

  it('the legend names exactly the marks present; the CLI SVG carries it, with the baseline ghosts', () => {
    const keys = legendKeys(BASELINE_VIEW, BASELINE_VIEW.rows, { baseline: true });
    assert.deepEqual(keys, ['goal', 'initiative', 'target', 'project', 'milestone', 'milestone-span', 'progress', 'critical', 'fs', 'ss', 'ff', 'today', 'baseline', 'added']);
    assert.ok(!legendKeys(BASELINE_VIEW, BASELINE_VIEW.rows, { baseline: false }).includes('baseline'));
    const svg = timelineSvg(BASELINE_VIEW, 'month');
    for (const k of keys) assert.match(svg, new RegExp(`data-legend="${k}"`));
    assert.equal(svg.split('<g class="legend"')[0].match(/class="ghost"/g)?.length, 2);
  });

  it('the owner filter finds a milestone by the owner of a task under it (tasks not shown)', () => {
    const ws = workspace({
      'p.project.md': '---\ntype: project\nid: p\nowner: sam\n---\n## Milestone: Pilot {#pilot due=2027-01-31}\n- [ ] Stock shelves {owner=ana}\n',
    });
    const view = buildTimelineView(ws, { today: day('2026-11-23') });
    assert.ok(view.facets.owners.includes('ana'), JSON.stringify(view.facets.owners));
    assert.deepEqual(visibleRows(view, { owner: 'ana' }, new Set()).map((r) => r.title), ['Not on the roadmap', 'p', 'Pilot']);
  });

  it('reads back a saved state field by field, dropping what is malformed', () => {
    const s = sanitizeState({ zoom: 'decade', pxPerDay: 1e9, legend: 'yes', compact: true, filters: { owner: 'lea', status: 5, constructor: 'x' }, collapsed: ['a', 3], scrollY: -5 });
    assert.equal(s.zoom, 'month');
    assert.equal(s.pxPerDay, undefined);
    assert.equal(s.legend, true);
    assert.equal(s.compact, true);
    assert.deepEqual(s.filters, { owner: 'lea' });
    assert.deepEqual(s.collapsed, ['a']);
    assert.equal(s.scrollY, 0);
  });
});
