/**
 * Where the titles on a line of the chart go. Each line is placed on its own (labels sit inside
 * their row's height, so lines never collide) with one left-to-right sweep: a label takes the
 * free space inside its bar or after its mark up to the next mark, and is cut with an ellipsis,
 * or left out (the tooltip has it), when that space is short. Cost: marks on the line, squared
 * at worst, and a line rarely holds more than a few.
 */
import { fitText, type Measure } from './text';

export interface MarkSlot {
  /** The row the label belongs to; absent for a pure obstacle (a target flag, an edge marker). */
  rowId?: string;
  x0: number;
  x1: number;
  /** A bar tall enough to hold its title. */
  bar?: boolean;
  text?: string;
  /** A thin bar under the line's other marks (compact): its title sits on the line, not in a filled bar. */
  thin?: boolean;
  /** Width factor for bolder text. */
  scale?: number;
}

export interface PlacedLabel {
  rowId: string;
  x: number;
  width: number;
  text: string;
  /** The whole text did not fit. */
  cut: boolean;
  /** Drawn on its bar (in the bar's text colour, without a halo). */
  inside: boolean;
}

const GAP = 5;
const MIN_WIDTH = 28;

/** Labels for one line; `left`/`right` bound the visible chart. */
export function placeLine(slots: MarkSlot[], left: number, right: number, plainMeasure: Measure): PlacedLabel[] {
  let scale = 1;
  const measure: Measure = (t) => plainMeasure(t) * scale;
  const sorted = [...slots].sort((a, b) => a.x0 - b.x0);
  const out: PlacedLabel[] = [];
  let cursor = left;
  const place = (slot: MarkSlot, from: number, to: number, inside = false): boolean => {
    const text = fitText(slot.text!, to - from, measure);
    if (!text || to - from < MIN_WIDTH && text !== slot.text) return false;
    const width = measure(text);
    out.push({ rowId: slot.rowId!, x: from, width, text, cut: text !== slot.text, inside: inside && !slot.thin });
    cursor = from + width + GAP;
    return true;
  };
  /** Start of the first mark other than `self` that reaches past `from`, and that mark. */
  const blocker = (self: MarkSlot, from: number): { limit: number; by?: MarkSlot } => {
    let limit = right;
    let by: MarkSlot | undefined;
    // A bar the label starts on does not stop it: the title is drawn over it.
    for (const s of sorted) {
      if (s !== self && s.x1 > from && s.x0 < limit && !(s.bar && s.x0 <= from)) {
        limit = Math.max(from, s.x0);
        by = s;
      }
    }
    return { limit, by };
  };
  const nextObstacle = (self: MarkSlot, from: number) => blocker(self, from).limit;
  /** The free stretch of a bar for its own title: past what covers its start, up to the next mark on it. */
  const insideRegion = (bar: MarkSlot): [number, number] => {
    let from = Math.max(bar.x0, left, cursor) + GAP;
    for (const s of sorted) if (s !== bar && !s.bar && s.x0 <= from && from < s.x1 + GAP) from = s.x1 + GAP;
    return [from, Math.min(bar.x1, nextInside(sorted, bar), blocker(bar, from).limit, right) - GAP];
  };
  for (const slot of sorted) {
    if (!slot.rowId || !slot.text) continue;
    scale = slot.scale ?? 1;
    if (slot.x0 > right) {
      // Beyond the right edge: the title ends at the edge marker.
      const to = nextObstacle(slot, cursor) - GAP;
      const want = Math.min(measure(slot.text), to - cursor);
      place(slot, Math.max(cursor, to - want - 1), to);
      continue;
    }
    if (slot.bar) {
      const [from, inner] = insideRegion(slot);
      if (measure(slot.text) <= inner - from && place(slot, from, inner, true)) continue;
      // A bar with other marks on it keeps its title inside, before the first of them.
      if (sorted.some((s) => s !== slot && s.rowId && s.x0 >= slot.x0 && s.x0 < slot.x1)) {
        place(slot, from, inner, true);
        continue;
      }
    }
    let from = pastFlags(sorted, Math.max(slot.x1 + GAP, cursor));
    let next = blocker(slot, from);
    // Too little room before a flag (an initiative's target): the title goes past it instead.
    for (let k = 0; k < 3 && next.by && !next.by.rowId && measure(slot.text) > next.limit - GAP - from; k++) {
      from = pastFlags(sorted, next.by.x1 + GAP);
      next = blocker(slot, from);
    }
    const to = next.limit - GAP;
    const placed = from < right && place(slot, from, to);
    // No room after the mark (or it runs past the view): the title goes on the bar, cut.
    if (!placed && slot.bar) place(slot, ...insideRegion(slot), true);
  }
  return out;
}

/** Moves past the unlabelled marks (target flags, edge markers) that cover `x`. */
function pastFlags(sorted: MarkSlot[], x: number): number {
  for (const s of sorted) if (!s.rowId && s.x0 <= x && x < s.x1) x = s.x1 + GAP;
  return x;
}

/** Start of the first mark drawn over the bar, or its end. */
function nextInside(sorted: MarkSlot[], bar: MarkSlot): number {
  let limit = bar.x1;
  for (const s of sorted) if (s !== bar && s.x0 >= bar.x0 && s.x0 < limit) limit = s.x0;
  return limit;
}
