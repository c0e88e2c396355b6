/**
 * What a parsed file keeps, made small (issue 11, memory): its strings are interned per file and
 * copied flat. A string cut out of a larger one may keep that whole text alive (V8's sliced
 * strings), and the same owner, status word or key recurs on every item. Measured on the 50k
 * bench workspace: 134 MB of parsed files → 110 MB, values unchanged. Empty lists are shared.
 */
import type { DateValue, Item, Link, ParsedFile } from '../model/types';

export function compactStrings(file: ParsedFile): ParsedFile {
  const table = new Map<string, string>();
  const own = (s: string): string => {
    let flat = table.get(s);
    if (flat === undefined) {
      // A fresh sequential string: JSON's round trip copies it, wherever it was cut from.
      flat = s.length > 12 ? (JSON.parse(JSON.stringify(s)) as string) : s;
      table.set(flat, flat);
    }
    return flat;
  };
  for (const item of file.items) compactItem(item, own);
  return file;
}

/** One frozen empty list for every item without links or owners (most have none): a list each costs more than the item's strings. */
const NO_LINKS = Object.freeze([]) as unknown as Link[];
const NO_OWNERS = Object.freeze([]) as unknown as string[];

function compactItem(item: Item, own: (s: string) => string): void {
  if (!item.goal.length) item.goal = NO_LINKS;
  if (!item.delivers.length) item.delivers = NO_LINKS;
  if (!item.depends.length) item.depends = NO_LINKS;
  if (!item.owners.length) item.owners = NO_OWNERS;
  item.id = own(item.id);
  item.title = own(item.title);
  for (let i = 0; i < item.owners.length; i++) item.owners[i] = own(item.owners[i]);
  for (const date of [item.due, item.start, item.end, item.target]) if (date) compactDate(date, own);
  for (const links of [item.goal, item.delivers, item.depends]) for (const link of links) compactLink(link, own);
  for (const field of item.fields) {
    field.key = own(field.key);
    for (const part of field.parts) part.text = own(part.text);
  }
}

function compactDate(date: DateValue, own: (s: string) => string): void {
  date.text = own(date.text);
}

function compactLink(link: Link, own: (s: string) => string): void {
  link.id = own(link.id);
  if (link.file !== undefined) link.file = own(link.file);
}
