/**
 * Text widths for placing labels. The webview measures with a canvas in the page's own font;
 * the CLI, which has no fonts, uses an estimate that errs wide, so a label it keeps always fits.
 */
export type Measure = (text: string) => number;

/** Chart labels and axis labels are drawn at this size (theme.ts). */
export const LABEL_FONT_PX = 11;
const ELLIPSIS = '…';

/** Widths in em, generous for the wide sans-serif fonts (DejaVu Sans, Verdana) a viewer may have. */
function emOf(c: string): number {
  if (c === ' ') return 0.34;
  if ('iIljft.,:;|!\'()[]'.includes(c)) return 0.42;
  if ('mwMW@%'.includes(c)) return 1.02;
  if (c >= 'A' && c <= 'Z') return 0.78;
  if (c >= '0' && c <= '9') return 0.66;
  if (c.charCodeAt(0) > 0x2000) return 1.05;
  return 0.66;
}

/** An estimate of the drawn width of `text` at `px`, never narrower than the real one in common fonts. */
export function estimateWidth(text: string, px = LABEL_FONT_PX): number {
  let em = 0;
  for (const c of text) em += emOf(c);
  return em * px;
}

export const estimate: Measure = (text) => estimateWidth(text);

/**
 * The longest start of `text`, with an ellipsis when cut, that fits `width`; '' when not even a
 * few letters do. Binary search: measuring is the costly part.
 */
export function fitText(text: string, width: number, measure: Measure, minChars = 3): string {
  if (measure(text) <= width) return text;
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo >= Math.min(minChars, text.length) ? text.slice(0, lo).trimEnd() + ELLIPSIS : '';
}

/** "Lea Martin" → "LM", "tomas" → "To": short enough to sit after a title. */
export function initials(owner: string): string {
  const words = owner.replace(/^@/, '').split(/[\s._-]+/).filter(Boolean);
  if (words.length > 1) return (words[0][0] + words[1][0]).toUpperCase();
  const w = words[0] ?? '';
  return w.slice(0, 1).toUpperCase() + w.slice(1, 2);
}
