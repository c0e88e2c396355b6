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

/** Leading BOMs: the model's offsets count after them (core/parse strips them all). */
export function bomLength(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 0xfeff) n++;
  return n;
}

/** Applies non-overlapping edits to `text`; leading BOMs are kept and shift every span. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const shift = bomLength(text);
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start + shift) + e.newText + out.slice(e.span.end + shift);
  return out;
}

/** The text without its leading BOMs: the text the model's offsets count in. */
export function withoutBom(text: string): string {
  return text.slice(bomLength(text));
}
