/**
 * Several edits of one file, each computed on the text the previous ones left (the file is read
 * again after each), returned as edits of the original text. Edits of nested YAML items can land
 * on the same offset (a task's new line after its subtask's); computed one by one they keep
 * their order, and insertions at one offset are merged so no host can reorder them.
 */
import type { ParsedFile } from '../../model/types';
import { parsePlanFile } from '../../parse/index';
import type { TextEdit } from '../edits';
import type { MarkDoneResult } from '../mark-done';
import type { EditsResult } from './types';

export type Step = (file: ParsedFile, text: string) => MarkDoneResult;

/** Edit of the original text, with where its new text stands in the current one. */
interface Placed {
  edit: TextEdit;
  /** Start and end of its new text in the current text. */
  from: number;
  to: number;
}

/** `text` without its BOM; the steps' spans count in it. */
export function editInSteps(path: string, text: string, steps: readonly Step[]): EditsResult {
  let current = text;
  const placed: Placed[] = [];
  for (const step of steps) {
    const file = parsePlanFile(path, current);
    if (!file) return { ok: false, reason: `${path} is no longer read as a plan file` };
    const result = step(file, current);
    if (!result.ok) return result;
    const { span, newText } = result.edit;
    const mapped = place(placed, span.start, span.end, newText);
    if (!mapped) return { ok: false, reason: 'Two of the edits overlap' };
    current = current.slice(0, span.start) + newText + current.slice(span.end);
  }
  return { ok: true, edits: placed.map((p) => p.edit) };
}

/** Maps an edit of the current text back to the original, merging it with an edit it touches. */
function place(placed: Placed[], start: number, end: number, newText: string): boolean {
  const delta = newText.length - (end - start);
  let shift = 0;
  for (const p of placed) {
    const touches = start <= p.to && end >= p.from;
    if (touches) {
      // Only an insertion right before or right after an earlier edit's new text can touch it.
      if (start !== end) return false;
      if (start === p.to) p.edit = { span: p.edit.span, newText: p.edit.newText + newText };
      else if (start === p.from) p.edit = { span: p.edit.span, newText: newText + p.edit.newText };
      else return false;
      p.to += newText.length;
      for (const q of placed) if (q !== p && q.from >= start && !(q.from === start && q.to === start)) shiftBy(q, delta);
      return true;
    }
    if (p.to <= start) shift += p.edit.newText.length - (p.edit.span.end - p.edit.span.start);
  }
  for (const q of placed) if (q.from >= end) shiftBy(q, delta);
  placed.push({ edit: { span: { start: start - shift, end: end - shift }, newText }, from: start, to: start + newText.length });
  placed.sort((a, b) => a.edit.span.start - b.edit.span.start);
  return true;
}

function shiftBy(p: Placed, delta: number): void {
  p.from += delta;
  p.to += delta;
}

/** The parse-errors a text has: a fix must not add one. */
export function parseErrors(path: string, text: string): number {
  return parsePlanFile(path, text)?.problems.filter((p) => p.rule === 'parse-error').length ?? 0;
}
