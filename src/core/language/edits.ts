/**
 * Text edits as the language service returns them: spans are offsets into the file's text
 * without its BOM (as every span in the model); applyEdits applies them to the text as read,
 * BOM or not.
 */
import type { Span } from '../model/types';

export interface TextEdit {
  span: Span;
  newText: string;
}

/** Applies non-overlapping edits to `text`; a leading BOM is kept and shifts every span by one. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start + shift) + e.newText + out.slice(e.span.end + shift);
  return out;
}

/** The text without a leading BOM: the text the model's offsets count in. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
