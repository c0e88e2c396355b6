/** Which item of a file a cursor is in: the deepest one whose text covers the offset. */
import type { ParsedFile } from '../model/types';

export function itemIndexAt(file: ParsedFile, offset: number): number | undefined {
  let best: number | undefined;
  file.items.forEach((item, i) => {
    if (offset < item.extent.start || offset > item.extent.end) return;
    if (best === undefined || item.extent.end - item.extent.start <= file.items[best].extent.end - file.items[best].extent.start) best = i;
  });
  return best;
}
