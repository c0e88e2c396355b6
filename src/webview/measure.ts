/** Text widths in the page's own font, from a canvas, remembered per string (titles repeat on every frame). */
import { LABEL_FONT_PX, type Measure } from '../render/text';

export function canvasMeasure(sample: Element): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (t) => t.length * LABEL_FONT_PX * 0.7;
  ctx.font = `${LABEL_FONT_PX}px ${getComputedStyle(sample).fontFamily || 'sans-serif'}`;
  const cache = new Map<string, number>();
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      // A pixel of slack for the halo's round joins and sub-pixel rounding.
      w = ctx.measureText(text).width + 1;
      if (cache.size > 50_000) cache.clear();
      cache.set(text, w);
    }
    return w;
  };
}
