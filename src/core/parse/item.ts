/** Creating items with their defaults, and the slug used for ids derived from titles. */
import { slug } from 'github-slugger';
import type { Field, Item, Kind, Span } from '../model/types';

export function newItem(kind: Kind, title: string, anchor: Span, extent: Span, parent: number, fields: Field[]): Item {
  return { kind, id: '', idExplicit: false, title, anchor, extent, parent, fields, status: 'planned', goal: [], delivers: [], depends: [], owners: [] };
}

export function slugId(title: string): string {
  return slug(title.trim());
}

/** The file name without folders and without `.roadmap.md`-style endings, as an id. */
export function fileStem(path: string): string {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? path;
  return base.replace(/\.(?:roadmap|project)?\.?(?:md|markdown|ya?ml)$/i, '').replace(/\.(?:roadmap|project)$/i, '');
}

/** The written value of a field, when it is a single scalar. */
export function fieldText(fields: Field[], key: string): string | undefined {
  const f = fields.find((x) => x.key === key);
  return f && !f.isList && !f.shape ? f.parts[0]?.text : undefined;
}

export function fieldOf(fields: Field[], key: string): Field | undefined {
  return fields.find((x) => x.key === key);
}
