/**
 * The workspace index: parsed files added, replaced and removed one at a time (as an editor
 * does on each keystroke), and a resolved view of them (ids, links, reverse links,
 * inheritance) rebuilt lazily after a change. Resolving is linear in the number of items; the
 * editor patches it instead through core/incremental, which shares the pieces exported here.
 */
import type { DependencyType, Item, Kind, Link, ParsedFile } from './types';

/** One resolved `depends` link: the item depended on, with the link's type and lag (1.1). */
export interface Dependency {
  node: PlanNode;
  type: DependencyType;
  /** Calendar days; negative is a lead. */
  lagDays: number;
  link: Link;
}

export interface PlanNode {
  item: Item;
  file: ParsedFile;
  /** Index of the item in its file. */
  index: number;
  parent?: PlanNode;
  children: PlanNode[];
  /** The project a milestone or task belongs to (itself for a project). */
  project?: PlanNode;
  /** Goals an initiative serves: its `goal` links, else the goal it is nested under. */
  goals: PlanNode[];
  /** Initiatives delivered: own `delivers`, else inherited (milestone ← project ← enclosing initiative). */
  delivers: PlanNode[];
  depends: PlanNode[];
  /** The same links as `depends`, in the same order, with their type and lag. */
  dependencies: Dependency[];
  /** Reverse of `delivers`: what delivers this initiative. */
  deliveredBy: PlanNode[];
  /** Reverse of `depends`. */
  dependents: PlanNode[];
}

export interface DuplicateDefinition {
  node: PlanNode;
  first: PlanNode;
}

export interface ResolvedWorkspace {
  /** Files sorted by path. */
  files: ParsedFile[];
  /** Every item, in file order then document order. */
  nodes: PlanNode[];
  /** The first definition of every id (tasks only when their id was written). */
  byId: Map<string, PlanNode>;
  /** Every definition of an id, first first (tasks only when their id was written). */
  definitions: Map<string, PlanNode[]>;
  duplicates: DuplicateDefinition[];
  nodeOf(file: string, index: number): PlanNode | undefined;
  /**
   * What a link from `from` reaches: the first definition of its id of a kind in `kinds` (1.1:
   * ids are one namespace, yet a link prefers a definition it accepts), else the first
   * definition at all. A link to another file (`[t](plan.md#id)`) looks only in that file.
   */
  resolveLink(from: PlanNode, link: Link, kinds?: readonly Kind[]): PlanNode | undefined;
}

/** The kinds a link field may point at. */
export const LINK_TARGETS: Record<'goal' | 'delivers' | 'depends', readonly Kind[]> = {
  goal: ['goal'],
  delivers: ['initiative'],
  depends: ['milestone', 'project'],
};

export class PlanWorkspace {
  private readonly files = new Map<string, ParsedFile>();
  private resolved: ResolvedWorkspace | undefined;
  /** Bumped on every change; hosts use it to drop stale results. */
  generation = 0;

  set(file: ParsedFile): void {
    this.files.set(file.path, file);
    this.changed();
  }

  delete(path: string): boolean {
    const had = this.files.delete(path);
    if (had) this.changed();
    return had;
  }

  get(path: string): ParsedFile | undefined {
    return this.files.get(path);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  resolve(): ResolvedWorkspace {
    this.resolved ??= resolveFiles([...this.files.values()]);
    return this.resolved;
  }

  private changed(): void {
    this.resolved = undefined;
    this.generation++;
  }
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function resolveFiles(input: ParsedFile[]): ResolvedWorkspace {
  const files = [...input].sort((a, b) => comparePaths(a.path, b.path));
  const nodes: PlanNode[] = [];
  const perFile = new Map<string, PlanNode[]>();
  for (const file of files) {
    const fileNodes = createNodes(file);
    perFile.set(file.path, fileNodes);
    nodes.push(...fileNodes);
  }
  const { byId, definitions, duplicates } = indexIds(nodes);
  const global = new Map<string, DefinitionEntry>();
  const perFileIds = new Map<string, Map<string, DefinitionEntry>>();
  for (const [id, defs] of definitions) {
    for (const d of defs) {
      addDefinition(global, id, d);
      let inFile = perFileIds.get(d.file.path);
      if (!inFile) perFileIds.set(d.file.path, (inFile = new Map()));
      addDefinition(inFile, id, d);
    }
  }
  const resolveLink = linkResolver(
    (id) => global.get(id),
    (path, id) => perFileIds.get(path)?.get(id),
  );
  for (const node of nodes) linkNode(node, resolveLink);
  // Parents come before children in document order, so inherited delivers are already known.
  for (const node of nodes) node.delivers = effectiveDelivers(node, resolveLink);
  for (const node of nodes) {
    for (const target of node.delivers) if (node.item.kind !== 'task') addTo(target, 'deliveredBy', node);
    for (const dep of node.depends) addTo(dep, 'dependents', node);
  }
  return { files, nodes, byId, definitions, duplicates, nodeOf: (file, index) => perFile.get(file)?.[index], resolveLink };
}

/** The nodes of one file, parents and children linked; every link field still empty. */
export function createNodes(file: ParsedFile): PlanNode[] {
  const fileNodes = file.items.map((item, index): PlanNode => ({
    item, file, index, children: NONE, goals: NONE, delivers: NONE, depends: NONE, dependencies: NO_DEPENDENCIES, deliveredBy: NONE, dependents: NONE,
  }));
  for (const node of fileNodes) {
    node.parent = node.item.parent >= 0 ? fileNodes[node.item.parent] : undefined;
    if (node.parent) addTo(node.parent, 'children', node);
  }
  return fileNodes;
}

/**
 * The empty lists every node starts with, shared and frozen (most nodes have no children, links
 * or reverse links: a list each would cost more than the items). Add through addTo.
 */
export const NONE: PlanNode[] = Object.freeze([]) as unknown as PlanNode[];
const NO_DEPENDENCIES: Dependency[] = Object.freeze([]) as unknown as Dependency[];

/** Appends to one of a node's lists, giving it its own array on the first entry. */
export function addTo(node: PlanNode, list: 'children' | 'deliveredBy' | 'dependents', item: PlanNode): void {
  if (node[list] === NONE) node[list] = [item];
  else node[list].push(item);
}

/** Workspace order: by file path, then document order. The order of `nodes`, of `definitions`, of reverse links. */
export function compareNodes(a: PlanNode, b: PlanNode): number {
  return a.file === b.file || a.file.path === b.file.path ? a.index - b.index : comparePaths(a.file.path, b.file.path);
}

/** Whether a node is in the id table: every item but a task whose id was not written. */
export function isDefinition(node: PlanNode): boolean {
  return node.item.kind !== 'task' || node.item.idExplicit;
}

/**
 * resolveLink over an id table: `global(id)` the definitions of an id anywhere, `inFile(path,
 * id)` in one file. Among the first definition of each accepted kind, the earliest wins.
 */
export function linkResolver(global: (id: string) => DefinitionEntry | undefined, inFile: (path: string, id: string) => DefinitionEntry | undefined): ResolveLink {
  return (from, link, kinds) => {
    const path = link.file === undefined ? undefined : linkedFilePath(from.file.path, link.file);
    const entry = link.file === undefined ? global(link.id) : path === undefined ? undefined : inFile(path, link.id);
    if (!entry) return undefined;
    if (!('byKind' in entry)) return entry;
    let best: PlanNode | undefined;
    for (const kind of kinds ?? []) {
      const candidate = entry.byKind.get(kind);
      if (candidate && (!best || compareNodes(candidate, best) < 0)) best = candidate;
    }
    return best ?? entry.first;
  };
}

/** Sets a node's own forward links: dependencies, depends, goals, project (not delivers, which inherit: see effectiveDelivers). */
export function linkNode(node: PlanNode, resolveLink: ResolveLink): void {
  node.dependencies = dependenciesOf(node, resolveLink);
  node.depends = node.dependencies.length ? node.dependencies.map((d) => d.node) : NONE;
  node.goals = node.item.goal.length ? lookup(node, node.item.goal, 'goal', resolveLink) : nestedIn(node, 'goal');
  node.project = node.item.kind === 'project' ? node : nestedIn(node, 'project')[0];
}

function lookup(node: PlanNode, links: Link[], field: keyof typeof LINK_TARGETS, resolveLink: ResolveLink): PlanNode[] {
  const kinds = LINK_TARGETS[field];
  const out: PlanNode[] = [];
  for (const link of links) {
    const target = resolveLink(node, link, kinds);
    if (target && kinds.includes(target.item.kind)) out.push(target);
  }
  return out.length ? out : NONE;
}

function indexIds(nodes: PlanNode[]): { byId: Map<string, PlanNode>; definitions: Map<string, PlanNode[]>; duplicates: DuplicateDefinition[] } {
  const byId = new Map<string, PlanNode>();
  const definitions = new Map<string, PlanNode[]>();
  const duplicates: DuplicateDefinition[] = [];
  for (const node of nodes) {
    if (!isDefinition(node)) continue;
    const defs = definitions.get(node.item.id);
    if (defs) {
      duplicates.push({ node, first: defs[0] });
      defs.push(node);
    } else {
      byId.set(node.item.id, node);
      definitions.set(node.item.id, [node]);
    }
  }
  return { byId, definitions, duplicates };
}

export type ResolveLink = ResolvedWorkspace['resolveLink'];

/** The definitions of one id: the first, and the first of each kind. */
export interface Definitions {
  first: PlanNode;
  byKind: Map<Kind, PlanNode>;
}

/** An id defined once is its node; more often, its Definitions. */
export type DefinitionEntry = PlanNode | Definitions;

export function addDefinition(table: Map<string, DefinitionEntry>, id: string, node: PlanNode): void {
  let entry = table.get(id);
  if (!entry) {
    table.set(id, node);
    return;
  }
  if (!('byKind' in entry)) table.set(id, (entry = { first: entry, byKind: new Map([[entry.item.kind, entry]]) }));
  if (!entry.byKind.has(node.item.kind)) entry.byKind.set(node.item.kind, node);
}

function dependenciesOf(node: PlanNode, resolveLink: ResolveLink): Dependency[] {
  const kinds = LINK_TARGETS.depends;
  const out: Dependency[] = [];
  for (const link of node.item.depends) {
    const target = resolveLink(node, link, kinds);
    if (target && kinds.includes(target.item.kind)) out.push({ node: target, type: link.dep?.type ?? 'FS', lagDays: link.dep?.lagDays ?? 0, link });
  }
  return out.length ? out : NO_DEPENDENCIES;
}

/**
 * The workspace-relative path a Markdown link's file part names, from the linking file's
 * folder (a leading `/`: from the workspace root): `/` separators, `./` and `../` resolved,
 * `%20` decoded. Undefined when it climbs above the workspace root.
 */
export function linkedFilePath(fromPath: string, written: string): string | undefined {
  let target = written.replace(/\\/g, '/');
  try {
    target = decodeURIComponent(target);
  } catch {
    // A stray `%` is taken as written.
  }
  const from = fromPath.replace(/\\/g, '/');
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  const parts = [...base];
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

function nestedIn(node: PlanNode, kind: Kind): PlanNode[] {
  for (let p = node.parent; p; p = p.parent) if (p.item.kind === kind) return [p];
  return NONE;
}

/** A node's delivers: its own links, else inherited (its parents' must be set first). */
export function effectiveDelivers(node: PlanNode, resolveLink: ResolveLink): PlanNode[] {
  const { kind, delivers } = node.item;
  if (delivers.length) return lookup(node, delivers, 'delivers', resolveLink);
  if (kind === 'milestone' || kind === 'task') return node.project?.delivers ?? nestedIn(node, 'initiative');
  if (kind === 'project') return nestedIn(node, 'initiative');
  return NONE;
}
