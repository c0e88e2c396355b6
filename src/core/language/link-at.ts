/** The link (goal, delivers, depends) whose id is under an offset, for hover and go to definition. */
import type { Link, ParsedFile } from '../model/types';

export interface LinkAt {
  link: Link;
  field: 'goal' | 'delivers' | 'depends';
  /** Index of the item the link is written on. */
  index: number;
}

export function linkAt(file: ParsedFile, offset: number): LinkAt | undefined {
  for (let index = 0; index < file.items.length; index++) {
    const item = file.items[index];
    for (const field of ['goal', 'delivers', 'depends'] as const) {
      for (const link of item[field]) {
        const span = link.idSpan ?? link.span;
        if (offset >= span.start && offset <= span.end) return { link, field, index };
      }
    }
  }
  return undefined;
}
