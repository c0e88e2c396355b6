/**
 * The incremental check: a resolved workspace and its diagnostics kept across edits, each edit
 * recomputing only what it can change, with a result equal to a from-scratch
 * `checkWorkspace(resolveFiles(files))` after every update (test/unit/incremental-property.test.ts
 * compares the two over random edit sequences).
 *
 * What an update recomputes, and why that is enough:
 * 1. Ids. The definitions of every id defined in a changed or removed file, before or after
 *    (the *dirty ids*), are patched in place; no other id's definitions can change.
 * 2. Links. A link resolves through the definitions of the id it names and nothing else, so the
 *    links that can change are those of the changed files and of the files whose links name a
 *    dirty id (an index id → files naming it says which): these *relinked files* are relinked
 *    whole, because inheritance (`delivers` from the project, goals and projects from nesting)
 *    stays inside a file. Reverse links are patched: the relinked nodes' old contributions are
 *    taken out of `deliveredBy`/`dependents`, the new ones put in at their place in workspace
 *    order (the order a full resolve gives).
 * 3. Cycles. Only a cycle through a relinked node can have gained or lost a link: those are
 *    dropped, and Tarjan runs from the relinked nodes and the dropped cycles' members over what
 *    they reach, which is closed under `depends`, so the cycles it finds are whole.
 * 4. Rules. A per-node rule (`Rule.checkNode`) reads its node, the node's file, what its links
 *    reach and the reverse links into it; so it is re-run for the *dirty nodes*: those of the
 *    relinked files; the initiatives whose `deliveredBy` changed (status-mismatch, unplanned);
 *    every definition of a dirty id (duplicate-id points at the first one); the members of
 *    cycles gained or lost and the nodes depending on them (dependency-order skips cycles);
 *    broken links when the suggestion candidates changed, links to another file when the set
 *    of files did (broken-link). A rule without `checkNode` reads only the parser's problems
 *    and is re-run for the changed files.
 * A re-parsed file with the same items (count, kinds, ids, nesting) keeps its node objects: its
 * ids are not dirty and links into it stand; its own nodes are relinked, and the readers of an
 * item that changed or moved (dependents, deliverers, nodes naming its id, the other
 * definitions of its id) are re-checked.
 * Diagnostics are kept per node and rule (and per file for the file rules); the files whose
 * sorted diagnostics differ from what was last published are reported as changed.
 */
import type { CheckOptions, Diagnostic } from '../check';
import { compareDiagnostics, locate } from '../check';
import { DEFAULT_RISK_WINDOW_DAYS } from '../config/config';
import type { Day } from '../dates';
import type { Item, ParsedFile, Severity } from '../model/types';
import {
  addDefinition, addTo, compareNodes, createNodes, effectiveDelivers, isDefinition, LINK_TARGETS, linkNode, linkResolver, NONE,
  type DefinitionEntry, type Definitions, type DuplicateDefinition, type PlanNode, type ResolvedWorkspace,
} from '../model/workspace';
import { asksSuggestion, type LinkCheck } from '../rules/broken-link';
import { RULES } from '../rules/index';
import type { Finding, NodeRuleContext, Rule } from '../rules/rule';
import { cyclesFrom } from '../schedule/cycles';

export interface IncrementalOptions {
  today: Day;
  /** Severities (`off` skips a rule), the risk window, the config's own fields. */
  config?: CheckOptions['config'];
  baseline?: CheckOptions['baseline'];
}

export interface UpdateResult {
  /** Files whose diagnostics differ from before the update (removed files with diagnostics included). */
  changedFiles: Set<string>;
  /** Bumped by every update. */
  generation: number;
}

interface ActiveRule {
  rule: Rule;
  /** Position in RULES: the order of a full check's output before sorting. */
  order: number;
  severity: Severity;
}

const EMPTY: readonly Diagnostic[] = [];
const FIELDS = ['goal', 'delivers', 'depends'] as const;
const KINDS = 6;

/** What the last update did, for benchmarks and logs: counts, and milliseconds per phase. */
export interface UpdateStats {
  relinkedFiles: number;
  dirtyNodes: number;
  ids: number;
  links: number;
  cycles: number;
  rules: number;
  publish: number;
}

export class IncrementalCheck {
  /** Bumped by every update. */
  generation = 0;
  stats: UpdateStats = { relinkedFiles: 0, dirtyNodes: 0, ids: 0, links: 0, cycles: 0, rules: 0, publish: 0 };
  private readonly today: Day;
  private readonly riskWindowDays: number;
  private readonly fields?: readonly string[];
  private readonly baseline: CheckOptions['baseline'];
  private readonly slippedDays?: number;
  private readonly nodeRules: ActiveRule[] = [];
  private readonly fileRules: ActiveRule[] = [];

  private readonly files = new Map<string, ParsedFile>();
  private readonly nodesByFile = new Map<string, PlanNode[]>();
  private sortedPaths: string[] | undefined;
  /** Every definition of an id, in workspace order. */
  private readonly definitions = new Map<string, PlanNode[]>();
  private readonly byId = new Map<string, PlanNode>();
  /** The first definitions of each kind, of ids defined more than once (an id defined once resolves to its node). */
  private readonly globalIds = new Map<string, Definitions>();
  private readonly fileIds = new Map<string, Map<string, DefinitionEntry>>();
  /** id → the nodes with a link naming it. */
  private readonly namers = new Map<string, Set<PlanNode>>();
  private readonly cycles = new Map<PlanNode, Set<PlanNode>>();
  /** Nodes with a link naming no id (their message holds a suggestion), nodes with a link to another file. */
  private readonly suggesting = new Set<PlanNode>();
  private readonly fileLinking = new Set<PlanNode>();
  private readonly linkCheck: LinkCheck;
  private readonly view: ResolvedWorkspace;
  private viewCache: { files?: ParsedFile[]; nodes?: PlanNode[]; duplicates?: DuplicateDefinition[] } = {};

  /** Per node, per rule (index into nodeRules): its diagnostics; nodes without any are absent. */
  private readonly nodeDiagnostics = new Map<PlanNode, (readonly Diagnostic[])[]>();
  /** Per file, per file rule: its diagnostics. */
  private readonly fileDiagnostics = new Map<string, (readonly Diagnostic[])[]>();
  /** Per file: its sorted diagnostics, as last published; files without any are absent. */
  private readonly published = new Map<string, Diagnostic[]>();

  constructor(options: IncrementalOptions) {
    this.today = options.today;
    this.riskWindowDays = options.config?.riskWindowDays ?? DEFAULT_RISK_WINDOW_DAYS;
    this.fields = options.config?.fields;
    this.baseline = options.baseline;
    this.slippedDays = options.config?.slippedDays;
    RULES.forEach((rule, order) => {
      const severity = options.config?.rules?.[rule.id] ?? rule.defaultSeverity;
      if (severity === 'off') return;
      (rule.checkNode ? this.nodeRules : this.fileRules).push({ rule, order, severity });
    });
    const resolveLink = linkResolver((id) => this.globalIds.get(id) ?? this.definitions.get(id)?.[0], (path, id) => this.fileIds.get(path)?.get(id));
    const view = {
      byId: this.byId,
      definitions: this.definitions,
      nodeOf: (file: string, index: number) => this.nodesByFile.get(file)?.[index],
      resolveLink,
    };
    // Materialised on first use after an update: the rules of an update never ask for them.
    Object.defineProperties(view, {
      files: { enumerable: true, get: () => (this.viewCache.files ??= this.paths().map((p) => this.files.get(p)!)) },
      nodes: { enumerable: true, get: () => (this.viewCache.nodes ??= this.paths().flatMap((p) => this.nodesByFile.get(p)!)) },
      duplicates: { enumerable: true, get: () => (this.viewCache.duplicates ??= this.duplicates()) },
    });
    this.view = view as ResolvedWorkspace;
    this.linkCheck = { ws: this.view, paths: new Set(), suggesters: new Map(), ids: () => this.idsInOrder() };
  }

  /**
   * The resolved workspace, patched in place by every update (take what you need before the
   * next). Equal to `resolveFiles` of the same files, except that `byId` and `definitions`
   * iterate in no particular order.
   */
  resolved(): ResolvedWorkspace {
    return this.view;
  }

  /** The file as last given, if present. */
  file(path: string): ParsedFile | undefined {
    return this.files.get(path);
  }

  /** Sorted diagnostics of one file, or of the workspace (by file, then position): what `checkWorkspace` returns. */
  diagnostics(file?: string): Diagnostic[] {
    if (file !== undefined) return this.published.get(file) ?? [];
    return [...this.published.keys()].sort(comparePaths).flatMap((p) => this.published.get(p)!);
  }

  /**
   * Applies one edit: `changed` files are added or replace the file of their path, `removed`
   * paths are dropped (a path in both stays, as changed). Returns the files whose diagnostics
   * changed.
   */
  update(changed: readonly ParsedFile[], removed: readonly string[] = []): UpdateResult {
    this.generation++;
    this.viewCache = {};
    const incoming = new Map<string, ParsedFile | undefined>();
    for (const path of removed) if (this.files.has(path)) incoming.set(path, undefined);
    for (const file of changed) incoming.set(file.path, file);
    const changedFiles = new Set<string>();
    if (incoming.size === 0) return { changedFiles, generation: this.generation };

    let clock = performance.now();
    const lap = () => {
      const now = performance.now();
      const ms = now - clock;
      clock = now;
      return ms;
    };
    // 1. Ids: out with the old nodes, in with the new.
    const dirtyIds = new Set<string>();
    const dead: PlanNode[] = [];
    /** Nodes kept across a re-parse (same items, kinds, ids and nesting: only values changed); those whose item reads differently now, and their ids. */
    const reused: PlanNode[] = [];
    const edited: PlanNode[] = [];
    const editedIds = new Set<string>();
    const before = new Map<string, IdState>();
    const note = (id: string) => {
      if (dirtyIds.has(id)) return;
      dirtyIds.add(id);
      before.set(id, this.idState(id));
    };
    let pathsChanged = false;
    for (const [path, file] of incoming) {
      const old = this.nodesByFile.get(path) ?? [];
      for (const n of old) this.name(n, false);
      if (file && old.length && sameShape(old, file)) {
        // Same node objects: links into the file stay as they are; only what reads the items is re-checked.
        const moved = firstMovedOffset(this.files.get(path)!.lineStarts, file.lineStarts);
        this.files.set(path, file);
        for (const n of old) {
          if (!sameItem(n.item, file.items[n.index], moved)) {
            edited.push(n);
            if (isDefinition(n)) editedIds.add(n.item.id);
          }
          n.item = file.items[n.index];
          n.file = file;
          this.name(n, true);
          reused.push(n);
        }
        continue;
      }
      for (const n of old) {
        dead.push(n);
        if (isDefinition(n)) {
          note(n.item.id);
          removeDefinition(this.definitions, n);
        }
      }
      if (!file) {
        this.files.delete(path);
        this.nodesByFile.delete(path);
        this.fileIds.delete(path);
        this.fileDiagnostics.delete(path);
        pathsChanged = true;
        continue;
      }
      if (!this.files.has(path)) pathsChanged = true;
      this.files.set(path, file);
      const nodes = createNodes(file);
      this.nodesByFile.set(path, nodes);
      const inFile = new Map<string, DefinitionEntry>();
      for (const n of nodes) {
        this.name(n, true);
        if (!isDefinition(n)) continue;
        note(n.item.id);
        insertSorted(this.definitions, n.item.id, n);
        addDefinition(inFile, n.item.id, n);
      }
      this.fileIds.set(path, inFile);
    }
    if (pathsChanged) {
      this.sortedPaths = undefined;
      (this.linkCheck.paths as Set<string>).clear();
      for (const p of this.files.keys()) (this.linkCheck.paths as Set<string>).add(p);
    }
    for (const id of dirtyIds) this.reindex(id);

    const idsMs = lap();
    // 2. Links: the changed files and those naming a dirty id.
    const relinked = new Set<string>();
    for (const [path, file] of incoming) if (file) relinked.add(path);
    for (const id of dirtyIds) for (const n of this.namers.get(id) ?? []) relinked.add(n.file.path);
    const relinkedPaths = [...relinked].sort(comparePaths);
    const deliveredTo = new Set<PlanNode>();
    const oldCycles = new Set<Set<PlanNode>>();
    const unlink = (n: PlanNode) => {
      if (n.item.kind !== 'task') for (const t of n.delivers) {
        deliveredTo.add(t);
        removeSorted(t.deliveredBy, n);
      }
      for (const d of n.depends) removeSorted(d.dependents, n);
      const cycle = this.cycles.get(n);
      if (cycle) oldCycles.add(cycle);
      this.nodeDiagnostics.delete(n);
      this.suggesting.delete(n);
      this.fileLinking.delete(n);
    };
    for (const n of dead) unlink(n);
    for (const n of reused) unlink(n);
    for (const path of relinkedPaths) if (!incoming.has(path)) for (const n of this.nodesByFile.get(path)!) unlink(n);
    const resolveLink = this.view.resolveLink;
    const relinkedNodes: PlanNode[] = [];
    for (const path of relinkedPaths) {
      const nodes = this.nodesByFile.get(path)!;
      for (const n of nodes) linkNode(n, resolveLink);
      for (const n of nodes) n.delivers = effectiveDelivers(n, resolveLink);
      for (const n of nodes) {
        relinkedNodes.push(n);
        if (n.item.kind !== 'task') for (const t of n.delivers) {
          deliveredTo.add(t);
          insertNode(t, 'deliveredBy', n);
        }
        for (const d of n.depends) insertNode(d, 'dependents', n);
        if (FIELDS.some((f) => n.item[f].some((l) => l.file !== undefined))) this.fileLinking.add(n);
      }
    }

    const linksMs = lap();
    // 3. Cycles through a relinked node, lost or gained.
    const dirty = new Set<PlanNode>(relinkedNodes);
    const roots: PlanNode[] = [...relinkedNodes];
    const cycleMoved: PlanNode[] = [];
    for (const cycle of oldCycles) {
      for (const n of cycle) {
        if (this.cycles.get(n) === cycle) this.cycles.delete(n);
        if (this.alive(n)) {
          roots.push(n);
          cycleMoved.push(n);
        }
      }
    }
    const isRoot = new Set(roots);
    for (const cycle of cyclesFrom(roots)) {
      if (!cycle.some((n) => isRoot.has(n))) continue;
      const members = new Set(cycle);
      for (const n of cycle) {
        this.cycles.set(n, members);
        cycleMoved.push(n);
      }
    }
    for (const n of cycleMoved) {
      dirty.add(n);
      for (const d of n.dependents) dirty.add(d);
    }

    const cyclesMs = lap();
    // 4. The other nodes whose findings read what changed.
    for (const t of deliveredTo) if (this.alive(t)) dirty.add(t);
    for (const id of dirtyIds) for (const n of this.definitions.get(id) ?? []) dirty.add(n);
    // Readers of a kept node's item: what depends on it or delivers it, what names its id, the other definitions of its id.
    for (const n of edited) {
      for (const d of n.dependents) dirty.add(d);
      for (const d of n.deliveredBy) dirty.add(d);
    }
    for (const id of editedIds) {
      for (const n of this.definitions.get(id) ?? []) dirty.add(n);
      for (const n of this.namers.get(id) ?? []) dirty.add(n);
    }
    if (this.candidatesChanged(dirtyIds, before)) {
      this.linkCheck.suggesters.clear();
      for (const n of this.suggesting) dirty.add(n);
    }
    if (pathsChanged) for (const n of this.fileLinking) dirty.add(n);

    // 5. Rules.
    const affected = new Set<string>(incoming.keys());
    const ctx: NodeRuleContext = {
      ws: this.view, today: this.today, riskWindowDays: this.riskWindowDays, fields: this.fields, baseline: this.baseline, slippedDays: this.slippedDays,
      cycleOf: (n) => this.cycles.get(n), memo: new Map<string, unknown>([['broken-link', this.linkCheck]]),
    };
    for (const n of dirty) {
      affected.add(n.file.path);
      this.checkNode(ctx, n);
    }
    for (const [path, file] of incoming) {
      if (!file) continue;
      const fileWs = { files: [file] } as unknown as ResolvedWorkspace;
      this.fileDiagnostics.set(path, this.fileRules.map(({ rule, severity }) => this.located(rule.check({ ...ctx, ws: fileWs }), rule.id, severity)));
    }

    const rulesMs = lap();
    // 6. Publish what differs.
    for (const path of affected) {
      const next = this.files.has(path) ? this.assemble(path) : [];
      const prev = this.published.get(path) ?? [];
      if (sameDiagnostics(prev, next)) continue;
      changedFiles.add(path);
      if (next.length) this.published.set(path, next);
      else this.published.delete(path);
    }
    this.stats = { relinkedFiles: relinkedPaths.length, dirtyNodes: dirty.size, ids: idsMs, links: linksMs, cycles: cyclesMs, rules: rulesMs, publish: lap() };
    return { changedFiles, generation: this.generation };
  }

  private alive(n: PlanNode): boolean {
    return this.nodesByFile.get(n.file.path)?.[n.index] === n;
  }

  private paths(): string[] {
    return (this.sortedPaths ??= [...this.files.keys()].sort(comparePaths));
  }

  /** The id's entry of the global table, and byId, from its definitions. */
  private reindex(id: string): void {
    const defs = this.definitions.get(id);
    if (!defs?.length) {
      this.definitions.delete(id);
      this.byId.delete(id);
      this.globalIds.delete(id);
      return;
    }
    this.byId.set(id, defs[0]);
    if (defs.length === 1) {
      this.globalIds.delete(id);
      return;
    }
    const entry: Definitions = { first: defs[0], byKind: new Map() };
    for (const d of defs) {
      if (!entry.byKind.has(d.item.kind)) entry.byKind.set(d.item.kind, d);
      if (entry.byKind.size === KINDS) break;
    }
    this.globalIds.set(id, entry);
  }

  /** Adds a node to (or takes it out of) the index id → nodes naming it, by its item's links. */
  private name(n: PlanNode, add: boolean): void {
    for (const f of FIELDS) {
      for (const l of n.item[f]) {
        let set = this.namers.get(l.id);
        if (add) {
          if (!set) this.namers.set(l.id, (set = new Set()));
          set.add(n);
        } else if (set) {
          set.delete(n);
          if (set.size === 0) this.namers.delete(l.id);
        }
      }
    }
  }

  private checkNode(ctx: NodeRuleContext, n: PlanNode): void {
    let all: (readonly Diagnostic[])[] | undefined;
    for (let r = 0; r < this.nodeRules.length; r++) {
      const { rule, severity } = this.nodeRules[r];
      const findings = rule.checkNode!(ctx, n);
      if (!findings.length) continue;
      all ??= new Array<readonly Diagnostic[]>(this.nodeRules.length).fill(EMPTY);
      all[r] = this.located(findings, rule.id, severity);
    }
    if (all) this.nodeDiagnostics.set(n, all);
    else this.nodeDiagnostics.delete(n);
    if (asksSuggestion(this.view, n)) this.suggesting.add(n);
    else this.suggesting.delete(n);
  }

  private located(findings: Finding[], rule: string, severity: Severity): readonly Diagnostic[] {
    return findings.length ? findings.map((f) => this.toDiagnostic(f, rule, severity)) : EMPTY;
  }

  private toDiagnostic(f: Finding, rule: string, severity: Severity): Diagnostic {
    const d: Diagnostic = { ...locate(this.files.get(f.file), f.file, f.span), rule, severity, message: f.message };
    if (f.item !== undefined) d.item = f.item;
    if (f.fixes?.length) d.fixes = f.fixes;
    if (f.related?.length) d.related = f.related.map((r) => ({ ...locate(this.files.get(r.file), r.file, r.span), message: r.message }));
    return d;
  }

  /** A file's diagnostics in the order a full check gives them: rule by rule, node by node, then sorted (stably). */
  private assemble(path: string): Diagnostic[] {
    const groups: { order: number; list: readonly Diagnostic[] }[] = [];
    const fileLists = this.fileDiagnostics.get(path);
    this.fileRules.forEach(({ order }, r) => {
      const list = fileLists?.[r];
      if (list?.length) groups.push({ order, list });
    });
    const nodes = this.nodesByFile.get(path)!;
    const byRule = new Map<number, Diagnostic[]>();
    for (const n of nodes) {
      const all = this.nodeDiagnostics.get(n);
      if (!all) continue;
      all.forEach((list, r) => {
        if (!list.length) return;
        const order = this.nodeRules[r].order;
        let into = byRule.get(order);
        if (!into) byRule.set(order, (into = []));
        into.push(...list);
      });
    }
    for (const [order, list] of byRule) groups.push({ order, list });
    groups.sort((a, b) => a.order - b.order);
    return groups.flatMap((g) => g.list).sort(compareDiagnostics);
  }

  private duplicates(): DuplicateDefinition[] {
    const out: DuplicateDefinition[] = [];
    for (const n of this.view.nodes) {
      if (!isDefinition(n)) continue;
      const first = this.definitions.get(n.item.id)![0];
      if (first !== n) out.push({ node: n, first });
    }
    return out;
  }

  /** Every id in the order of its first definition (the order a full resolve's `definitions` has). */
  private *idsInOrder(): Iterable<string> {
    for (const p of this.paths()) for (const n of this.nodesByFile.get(p)!) if (isDefinition(n) && this.definitions.get(n.item.id)![0] === n) yield n.item.id;
  }

  /** Where an id's first definition is, and which link fields it is a candidate for. */
  private idState(id: string): IdState {
    const defs = this.definitions.get(id);
    if (!defs?.length) return undefined;
    let mask = 0;
    FIELDS.forEach((f, i) => {
      if (defs.some((d) => LINK_TARGETS[f].includes(d.item.kind))) mask |= 1 << i;
    });
    return { path: defs[0].file.path, index: defs[0].index, mask };
  }

  /**
   * Whether the suggestion candidates (ids with a definition of a kind a field accepts, in the
   * order of first definition) changed. Only dirty ids can have moved, and only relative to one
   * another within a file (every id first defined in a changed file is dirty): comparing the
   * dirty ids' (file, id, fields) in order before and after is enough.
   */
  private candidatesChanged(dirtyIds: ReadonlySet<string>, before: ReadonlyMap<string, IdState>): boolean {
    const list = (state: (id: string) => IdState) => {
      const out: { id: string; path: string; index: number; mask: number }[] = [];
      for (const id of dirtyIds) {
        const s = state(id);
        if (s && s.mask) out.push({ id, ...s });
      }
      return out.sort((a, b) => comparePaths(a.path, b.path) || a.index - b.index);
    };
    const a = list((id) => before.get(id));
    const b = list((id) => this.idState(id));
    return a.length !== b.length || a.some((x, i) => x.id !== b[i].id || x.path !== b[i].path || x.mask !== b[i].mask);
  }
}

/** Whether a re-parsed file has the items of the old one: same count, kinds, ids (written or not) and nesting. */
function sameShape(old: readonly PlanNode[], file: ParsedFile): boolean {
  if (old.length !== file.items.length) return false;
  for (let i = 0; i < old.length; i++) {
    const a = old[i].item;
    const b = file.items[i];
    if (a.kind !== b.kind || a.id !== b.id || a.idExplicit !== b.idExplicit || a.parent !== b.parent) return false;
  }
  return true;
}

/**
 * The first offset where positions differ between two versions of a file's line starts (a line
 * start added, removed or moved): spans before it are at the same line and column.
 */
function firstMovedOffset(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return Math.min(a[i], b[i]);
  return a.length === b.length ? Infinity : n > 0 ? Math.max(a[n - 1], b[n - 1]) : 0;
}

/** Whether what another node's diagnostics can read of an item is unchanged: the same item, its spans at the same lines and columns. */
function sameItem(a: Item, b: Item, moved: number): boolean {
  let last = 0;
  const text = (item: Item) => JSON.stringify(item, (key, value: unknown) => {
    if (key === 'end' && typeof value === 'number' && value > last) last = value;
    return value;
  });
  return text(a) === text(b) && last < moved;
}

type IdState = { path: string; index: number; mask: number } | undefined;

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Inserts a node into a reverse list kept in workspace order (appending when it goes last, as a cold load does). */
function insertNode(target: PlanNode, key: 'deliveredBy' | 'dependents', n: PlanNode): void {
  const list = target[key];
  if (list === NONE || list.length === 0 || compareNodes(list[list.length - 1], n) < 0) addTo(target, key, n);
  else list.splice(lowerBound(list, n), 0, n);
}

function insertSorted(table: Map<string, PlanNode[]>, id: string, n: PlanNode): void {
  const list = table.get(id);
  if (!list) table.set(id, [n]);
  else if (list.length === 0 || compareNodes(list[list.length - 1], n) < 0) list.push(n);
  else list.splice(lowerBound(list, n), 0, n);
}

function removeDefinition(table: Map<string, PlanNode[]>, n: PlanNode): void {
  const list = table.get(n.item.id);
  if (list) removeSorted(list, n);
}

/** Removes a node from a list in workspace order (binary search, then its own object). */
function removeSorted(list: PlanNode[], n: PlanNode): void {
  let i = lowerBound(list, n);
  while (i < list.length && list[i] !== n && compareNodes(list[i], n) === 0) i++;
  if (list[i] === n) list.splice(i, 1);
  else {
    const at = list.indexOf(n);
    if (at >= 0) list.splice(at, 1);
  }
}

function lowerBound(list: PlanNode[], n: PlanNode): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareNodes(list[mid], n) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  return true;
}
