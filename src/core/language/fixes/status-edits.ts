/**
 * The smallest edit that closes or reopens one item: a Markdown task's box (`[ ]` → `[x]` or
 * `[-]`, and back to `[ ]`), a YAML task's `done:`, else the written status value, else a
 * `status:` added where the item keeps its fields (mark-done's setFieldEdit).
 */
import { synonymOf } from '../../model/fields';
import type { Item, ParsedFile } from '../../model/types';
import { markDoneEdit, setFieldEdit, taskBoxAt, type MarkDoneResult } from '../mark-done';

const YAML_PATH = /\.ya?ml$/i;

/** The status a reopened item gets where a status is written. */
export const REOPENED = 'in-progress';

/** Closes item `index` as done or dropped; `text` is without its BOM. */
export function closeEdit(file: ParsedFile, index: number, status: 'done' | 'dropped', text: string): MarkDoneResult {
  if (status === 'done') return markDoneEdit(file, index, text);
  const item = file.items[index];
  if (!item) return { ok: false, reason: 'The item is no longer in the file' };
  if (item.kind === 'task' && !YAML_PATH.test(file.path) && !writtenStatus(item) && !hasEmojiStatus(item)) return boxEdit(item, text, '-');
  return setFieldEdit(file, index, 'status', 'dropped', text);
}

/** Reopens item `index`: unticks a task's box, sets `done: false`, or writes `status: in-progress`. */
export function reopenEdit(file: ParsedFile, index: number, text: string): MarkDoneResult {
  const item = file.items[index];
  if (!item) return { ok: false, reason: 'The item is no longer in the file' };
  if (hasEmojiStatus(item)) return { ok: false, reason: `'${item.title}' is closed by its ✅ or ❌ date: remove the date to reopen it` };
  if (item.kind !== 'task' || writtenStatus(item)) return setFieldEdit(file, index, 'status', REOPENED, text);
  if (!YAML_PATH.test(file.path)) return boxEdit(item, text, ' ');
  const done = item.fields.find((f) => f.key === 'done');
  if (done && !done.isList && !done.shape && done.valueSpan.end > done.valueSpan.start) return { ok: true, edit: { span: done.valueSpan, newText: 'false' } };
  return { ok: false, reason: `Cannot find what closes '${item.title}'` };
}

function writtenStatus(item: Item): boolean {
  return item.fields.some((f) => f.key === 'status' || synonymOf(f.key) === 'status');
}

function hasEmojiStatus(item: Item): boolean {
  return item.fields.some((f) => f.key === 'done-on' || f.key === 'dropped-on');
}

/** The character inside a Markdown task's box. */
function boxEdit(item: Item, text: string, mark: string): MarkDoneResult {
  const at = taskBoxAt(text, item.extent);
  if (at === undefined) return { ok: false, reason: `No task box found on '${item.title}'` };
  if (text[at] === mark) return { ok: false, reason: `'${item.title}' is already marked so` };
  return { ok: true, edit: { span: { start: at, end: at + 1 }, newText: mark } };
}
