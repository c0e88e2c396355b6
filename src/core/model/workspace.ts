/**
 * The workspace index: parsed files added, replaced and removed one at a time (as an editor
 * does on each keystroke), and a resolved view of them (ids, links, reverse links,
 * inheritance) rebuilt lazily after a change. Resolving is linear in the number of items and
 * costs far less than parsing, so it is redone whole rather than patched.
 */
import type { Item, Kind, Link, ParsedFile } from './types';

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
  duplicates: DuplicateDefinition[];
  nodeOf(file: string, index: number): PlanNode | undefined;
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
    const fileNodes = file.items.map((item, index): PlanNode => ({
      item, file, index, children: [], goals: [], delivers: [], depends: [], deliveredBy: [], dependents: [],
    }));
    for (const node of fileNodes) {
      node.parent = node.item.parent >= 0 ? fileNodes[node.item.parent] : undefined;
      node.parent?.children.push(node);
    }
    perFile.set(file.path, fileNodes);
    nodes.push(...fileNodes);
  }
  const { byId, duplicates } = indexIds(nodes);
  const lookup = (links: Link[], field: keyof typeof LINK_TARGETS): PlanNode[] =>
    links.map((l) => byId.get(l.id)).filter((n): n is PlanNode => n !== undefined && LINK_TARGETS[field].includes(n.item.kind));
  for (const node of nodes) {
    node.depends = lookup(node.item.depends, 'depends');
    node.goals = node.item.goal.length ? lookup(node.item.goal, 'goal') : nestedIn(node, 'goal');
    node.project = node.item.kind === 'project' ? node : nestedIn(node, 'project')[0];
  }
  // Parents come before children in document order, so inherited delivers are already known.
  for (const node of nodes) node.delivers = effectiveDelivers(node, lookup);
  for (const node of nodes) {
    for (const target of node.delivers) if (node.item.kind !== 'task') target.deliveredBy.push(node);
    for (const dep of node.depends) dep.dependents.push(node);
  }
  return { files, nodes, byId, duplicates, nodeOf: (file, index) => perFile.get(file)?.[index] };
}

function indexIds(nodes: PlanNode[]): { byId: Map<string, PlanNode>; duplicates: DuplicateDefinition[] } {
  const byId = new Map<string, PlanNode>();
  const duplicates: DuplicateDefinition[] = [];
  for (const node of nodes) {
    if (node.item.kind === 'task' && !node.item.idExplicit) continue;
    const first = byId.get(node.item.id);
    if (first) duplicates.push({ node, first });
    else byId.set(node.item.id, node);
  }
  return { byId, duplicates };
}

function nestedIn(node: PlanNode, kind: Kind): PlanNode[] {
  for (let p = node.parent; p; p = p.parent) if (p.item.kind === kind) return [p];
  return [];
}

function effectiveDelivers(node: PlanNode, lookup: (links: Link[], field: 'delivers') => PlanNode[]): PlanNode[] {
  const { kind, delivers } = node.item;
  if (delivers.length) return lookup(delivers, 'delivers');
  if (kind === 'milestone' || kind === 'task') return node.project?.delivers ?? nestedIn(node, 'initiative');
  if (kind === 'project') return nestedIn(node, 'initiative');
  return [];
}
