/**
 * The time axis: grid lines, and tick labels kept apart by one sweep per line of labels (a label
 * is drawn only when it starts after the previous one ends), so they never collide at any zoom.
 * The label of the period on screen at the left edge sticks there until the next one pushes it.
 */
import { AXIS_HEIGHT, xOf, type Layout } from './layout';
import { esc } from './escape';
import { ticks } from './scale';
import { estimateWidth, type Measure } from './text';

const GAP = 8;
export const MAJOR_Y = AXIS_HEIGHT / 2 - 6;
export const MINOR_Y = AXIS_HEIGHT - 8;

export interface AxisParts {
  grid: string;
  labels: string;
}

/** `todayBox`: the today pill's extent, which minor labels keep clear of. */
export function drawAxis(l: Layout, fromDay: number, toDay: number, height: number, minLabelX: number, todayBox: [number, number], measure?: Measure): AxisParts {
  const { minor, major } = ticks(l.zoom, fromDay, toDay);
  const widthOf = (text: string, bold: boolean) => (measure ? measure(text) : estimateWidth(text)) * (bold ? 1.1 : 1);
  let grid = '';
  let labels = '';
  let end = -Infinity;
  for (const t of minor) {
    const x = xOf(l, t.day);
    grid += `<path class="grid minor" d="M${x} ${AXIS_HEIGHT}V${height}"/>`;
    const lx = x + 3;
    const w = widthOf(t.label, false);
    if (lx < end + GAP || lx < minLabelX || (lx + w > todayBox[0] - 2 && lx < todayBox[1] + 2)) continue;
    labels += `<text class="tick minor" x="${lx}" y="${MINOR_Y}">${esc(t.label)}</text>`;
    end = lx + w;
  }
  end = -Infinity;
  for (let k = 0; k < major.length; k++) {
    const x = xOf(l, major[k].day);
    grid += `<path class="grid major" d="M${x} ${AXIS_HEIGHT / 2 - 4}V${height}"/>`;
    const w = widthOf(major[k].label, true);
    const next = k + 1 < major.length ? xOf(l, major[k + 1].day) + 4 : Infinity;
    // Sticky at the left edge, but pushed out by the next period's label.
    const lx = Math.min(Math.max(x, minLabelX) + 4, next - GAP - w);
    if (lx < end + GAP || lx < minLabelX) continue;
    labels += `<text class="tick major" x="${lx}" y="${MAJOR_Y}">${esc(major[k].label)}</text>`;
    end = lx + w;
  }
  return { grid: `<g class="grid-lines">${grid}</g>`, labels: `<g class="axis-labels">${labels}</g>` };
}
