/**
 * Dependency arrows, orthogonal and kept off the bars: out of the anchor by a short stub, along
 * the gap between two rows (where no bar reaches), down or up beside the dependent item at an x
 * that no bar of the rows in between covers, and into the anchor. Arrows that share an end fan
 * out (a few pixels apart) instead of sharing one trunk. FS runs end → start, SS start → start,
 * FF end → end (entering from the right).
 */
import type { ViewArrow, ViewRow } from '../protocol/timeline';
import { ROW_HEIGHT, yOf, type Layout } from './layout';
import { geometry, type Geometry } from './marks';

const STUB = 6;
const FAN = 4;
const MAX_FAN = 4;
/** Rows in between that are checked for bars; longer spans keep the first free x found. */
const MAX_SCAN = 200;

type LineMarks = (line: number) => Geometry[];

/** The marks of each line, computed once per drawing however many arrows pass it. */
function lineMarks(l: Layout): LineMarks {
  const cache = new Map<number, Geometry[]>();
  return (line) => {
    let marks = cache.get(line);
    if (!marks) cache.set(line, (marks = marksOnLine(l, line)));
    return marks;
  };
}

function marksOnLine(l: Layout, line: number): Geometry[] {
  const row = l.rows[line];
  const out: Geometry[] = [];
  for (const r of [row, ...(l.inline.get(row.id) ?? [])]) {
    const g = geometry(l, r);
    if (g && g.form !== 'span') out.push(g);
  }
  return out;
}

/** How far an arrow goes round the bars in its way; past that it crosses them, drawn over them on a halo. */
const MAX_DETOUR = 240;

/** Moves x away from every mark on the lines strictly between `a` and `b`, towards `dir`; NaN when that would be too far. */
function freeX(marksOf: LineMarks, a: number, b: number, start: number, dir: -1 | 1): number {
  let x = start;
  const lo = Math.min(a, b) + 1;
  const hi = Math.min(Math.max(a, b) - 1, lo + MAX_SCAN);
  for (let moved = true, guard = 0; moved && guard < 50; guard++) {
    moved = false;
    for (let k = lo; k <= hi; k++) {
      for (const g of marksOf(k)) {
        if (x >= g.x0 - 3 && x <= g.x1 + 3) {
          x = dir < 0 ? g.x0 - 5 : g.x1 + 5;
          moved = true;
        }
      }
    }
    if (Math.abs(x - start) > MAX_DETOUR) return NaN;
  }
  return x;
}

function anchor(g: Geometry, side: 'start' | 'end'): number {
  return side === 'end' ? g.x1 : g.x0;
}

export function drawArrows(l: Layout, arrows: readonly ViewArrow[], firstLine: number, lastLine: number): string {
  const marksOf = lineMarks(l);
  const fanIn = new Map<string, number>();
  const fanOut = new Map<string, number>();
  let out = '';
  for (const a of arrows) {
    const i = l.rowIndex.get(a.from);
    const j = l.rowIndex.get(a.to);
    if (i === undefined || j === undefined) continue;
    if (Math.max(i, j) < firstLine || Math.min(i, j) > lastLine) continue;
    const from = l.byId.get(a.from) as ViewRow;
    const to = l.byId.get(a.to) as ViewRow;
    const gf = geometry(l, from);
    const gt = geometry(l, to);
    if (!gf || !gt) continue;
    const outSide = a.type === 'SS' ? 'start' : 'end';
    const inSide = a.type === 'FF' ? 'end' : 'start';
    const kOut = Math.min(MAX_FAN, fanOut.get(a.from) ?? 0);
    const kIn = Math.min(MAX_FAN, fanIn.get(a.to) ?? 0);
    fanOut.set(a.from, kOut + 1);
    fanIn.set(a.to, kIn + 1);
    out += path(marksOf, a, i, j, anchor(gf, outSide), outSide, anchor(gt, inSide), inSide, kOut, kIn);
  }
  return out;
}

function path(marksOf: LineMarks, a: ViewArrow, i: number, j: number, x1: number, outSide: 'start' | 'end', x2: number, inSide: 'start' | 'end', kOut: number, kIn: number): string {
  const y1 = yOf(i) + ROW_HEIGHT / 2;
  const y2 = yOf(j) + ROW_HEIGHT / 2;
  const xa = outSide === 'end' ? x1 + STUB + kOut * FAN : x1 - STUB - kOut * FAN;
  // The gap between the source's row and the next one towards the target (below when on the same line).
  const gutter = (j >= i ? yOf(i + 1) : yOf(i)) + (kOut % 3 - 1) * 2;
  const dir = inSide === 'start' ? -1 : 1;
  const entry = inSide === 'start' ? x2 - STUB - kIn * FAN : x2 + STUB + kIn * FAN;
  const free = freeX(marksOf, i, j, entry, dir);
  const xv = Number.isNaN(free) ? entry : free;
  const tip = inSide === 'start' ? x2 - 1 : x2 + 1;
  const d = `M${x1} ${y1}H${xa}V${gutter}H${xv}V${y2}H${tip}`;
  const cls = `arrow${a.critical ? ' critical' : ''}${a.type !== 'FS' ? ` ${a.type.toLowerCase()}` : ''}`;
  // Crossing a bar: a halo in the background colour under the line keeps it readable over the bar.
  const halo = Number.isNaN(free) ? `<path class="arrow-halo" d="${d}"/>` : '';
  return `${halo}<path class="${cls}" data-from="${i}" data-to="${j}" d="${d}" marker-end="url(#${a.critical ? 'arrowhead-critical' : 'arrowhead'})"/>`;
}
