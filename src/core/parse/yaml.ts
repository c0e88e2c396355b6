/** YAML plan files: the top-level mapping is the file-level item; child lists hold the rest. */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { childKindOf } from '../model/fields';
import type { FileType, Item, Kind, Problem, Span } from '../model/types';
import { interpretFields, problem } from './interpret';
import { fieldText, fileStem, newItem, slugId } from './item';
import { collectAnchors, mapPairs, nodeSpan, pairToField, parseYamlAt, type Anchors, type YamlPair } from './yaml-fields';
import { isAlias } from 'yaml';

export function readYamlType(text: string): { declaredType?: string; doc: ReturnType<typeof parseYamlAt> } {
  const parsed = parseYamlAt(text, 0);
  const contents = parsed.doc.contents;
  let declaredType: string | undefined;
  if (isMap(contents)) {
    const typeNode = contents.get('type', true);
    if (isScalar(typeNode)) declaredType = String(typeNode.value);
  }
  return { declaredType, doc: parsed };
}

export function parseYamlPlan(path: string, text: string, type: FileType, parsed: ReturnType<typeof parseYamlAt>): { items: Item[]; problems: Problem[] } {
  const problems = [...parsed.problems];
  const items: Item[] = [];
  const contents = parsed.doc.contents as Node | null;
  const whole = { start: 0, end: text.length };
  if (!isMap(contents)) {
    if (contents !== null) {
      problems.push(problem('parse-error', nodeSpan(contents, 0, { start: 0, end: 0 }), `A ${type} file must be a YAML mapping of fields (type, id, title, …)`));
    }
    const item = newItem(type, fileStem(path), { start: 0, end: 0 }, whole, -1, []);
    item.id = slugId(fileStem(path)) || 'untitled';
    items.push(item);
    return { items, problems };
  }
  new YamlExtractor(path, items, problems, collectAnchors(parsed.doc)).readItem(contents, type, -1, whole);
  return { items, problems };
}

class YamlExtractor {
  private readonly recovering: boolean;

  constructor(private readonly path: string, private readonly items: Item[], private readonly problems: Problem[], private readonly anchors: Anchors) {
    this.recovering = problems.some((p) => p.rule === 'parse-error');
  }

  readItem(map: YAMLMap, kind: Kind, parent: number, extent: Span): void {
    const pairs = mapPairs(map, 0);
    const fields = pairs.filter((p) => childKindOf(kind, p.key) === undefined).map((p) => pairToField(p, 0, this.anchors));
    const idField = fields.find((f) => f.key === 'id');
    const anchor = idField && !idField.isList ? idField.valueSpan : pairs[0]?.keySpan ?? extent;
    const written = fieldText(fields, 'id');
    const title = fieldText(fields, 'title') ?? written ?? (parent < 0 ? fileStem(this.path) : '');
    const item = newItem(kind, title, anchor, extent, parent, fields);
    item.id = written || slugId(title) || (parent < 0 ? slugId(fileStem(this.path)) : '');
    item.idExplicit = Boolean(written);
    if (kind === 'task') this.readTaskState(item);
    else if (!item.id) {
      // After a syntax error the partial document holds fragments; the error is reported already.
      if (this.recovering) return;
      this.problems.push(problem('parse-error', anchor, `This ${kind} has neither an id nor a title`));
      item.id = `${this.items[0]?.id ?? 'item'}-${this.items.length}`;
    }
    if (kind === 'task' && !written) item.id = `${this.items[parent]?.id ?? 'task'}/${slugId(title) || 'task'}`;
    this.items.push(item);
    interpretFields(item, this.problems);
    const index = this.items.length - 1;
    for (const pair of pairs) {
      const childKind = childKindOf(kind, pair.key);
      if (childKind) this.readChildren(pair, childKind, index);
    }
  }

  private readTaskState(item: Item): void {
    const done = item.fields.find((f) => f.key === 'done');
    item.status = done?.scalarType === 'boolean' && done.parts[0]?.text === 'true' ? 'done' : 'planned';
  }

  private readChildren(pair: YamlPair, kind: Kind, parent: number): void {
    const list = pair.value;
    if (list === null || (isScalar(list) && list.value === null)) return;
    if (isAlias(list)) {
      // Items behind an alias would be defined twice (and an alias bomb grows exponentially): not read, said so.
      this.problems.push(problem('invalid-value', nodeSpan(list, 0, pair.keySpan), `'${pair.rawKey}' is an alias: write the ${kind}s themselves (an id may be defined only once)`));
      return;
    }
    if (!isSeq(list)) {
      this.problems.push(problem('invalid-value', nodeSpan(list, 0, pair.keySpan), `'${pair.rawKey}' must be a list of ${kind}s`));
      return;
    }
    for (const entry of list.items as Node[]) {
      const extent = nodeSpan(entry, 0, pair.span);
      if (isMap(entry)) this.readItem(entry, kind, parent, extent);
      else if (kind === 'task' && isScalar(entry) && typeof entry.value === 'string') this.readTaskTitle(entry.value, extent, parent);
      else this.problems.push(problem('invalid-value', extent, `Each entry of '${pair.rawKey}' must be a mapping of ${kind} fields`));
    }
  }

  /** `tasks: [Order samples]`: a task written as its title alone. */
  private readTaskTitle(title: string, span: Span, parent: number): void {
    const item = newItem('task', title, span, span, parent, []);
    item.id = `${this.items[parent]?.id ?? 'task'}/${slugId(title) || 'task'}`;
    this.items.push(item);
  }
}
