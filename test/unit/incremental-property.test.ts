/**
 * Property: the incremental check equals a full check, always. Random workspaces (a roadmap or
 * two, Markdown and YAML projects in folders, ids drawn from small pools so they collide, links
 * across files, Markdown links to other files) go through random edit sequences — change a date,
 * rename an id, change a status, relink, add a cycle, delete or add a file, break and mend
 * YAML or front matter, tick tasks — and after every step the incremental diagnostics equal
 * `checkWorkspace(resolveFiles(files))`, the changed files reported are exactly those whose
 * diagnostics changed, and the resolved links equal a full resolve's. FUZZ_RUNS scales it
 * (default: 40 sequences of up to 12 steps, a few hundred steps).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkWorkspace, type Diagnostic } from '../../src/core/check';
import { IncrementalCheck } from '../../src/core/incremental/index';
import type { ParsedFile } from '../../src/core/model/types';
import { resolveFiles, type PlanNode, type ResolvedWorkspace } from '../../src/core/model/workspace';
import { parsePlanFile } from '../../src/core/parse/index';
import { day } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS) || 40;
const TODAY = day('2026-11-23');
const CONFIG = { riskWindowDays: 14, rules: {} };

const IDS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'p0', 'p1', 'i0', 'i1', 'i2', 'g0', 'g1', 'x'];
const PATHS = ['r.roadmap.md', 'a.project.md', 'b.project.yaml', 'c.project.md', 'sub/d.project.md', 'sub/e.project.yaml', 'q.roadmap.yaml'];
const DATES = ['2026-10-01', '2027-02-30', '2026-11-20', '2026-11-30', '2026-12-05', '2027-01-15', '2027-Q1', '2026-12', '2027-03-01'];
const STATUSES = ['planned', 'in-progress', 'done', 'blocked', 'dropped', 'sometime'];
const LINKS = [...IDS, 'sub/d.project.md#m1', 'a.project.md#m2', 'd.project.md#m3', '../a.project.md#m0', 'nope.md#m1', 'i9', 'm11'];

interface MTask { title: string; done: boolean; id?: string }
interface MItem { kind: string; id: string; status: string; date?: string; depends: string[]; delivers: string[]; goal: string[]; horizon: string; tasks: MTask[] }
interface MFile { path: string; id: string; status: string; end?: string; delivers: string[]; spent: number; items: MItem[]; broken: number }

const pick = <T>(list: readonly T[], n: number): T => list[Math.abs(n) % list.length];

function isRoadmap(path: string): boolean {
  return path.includes('.roadmap.');
}

function newItem(path: string, n: number[]): MItem {
  const roadmap = isRoadmap(path);
  const kind = roadmap ? pick(['goal', 'initiative', 'initiative'], n[0]) : 'milestone';
  return {
    kind, id: pick(IDS, n[1]), status: pick(STATUSES, n[2]), date: n[3] % 5 === 0 ? undefined : pick(DATES, n[3]),
    depends: n[4] % 3 === 0 ? [pick(LINKS, n[5])] : [], delivers: n[6] % 4 === 0 ? [pick(IDS, n[7])] : [],
    goal: roadmap && n[8] % 3 === 0 ? [pick(IDS, n[9])] : [], horizon: pick(['now', 'next', 'later'], n[10]),
    tasks: Array.from({ length: n[11] % 3 }, (_, i) => ({ title: `Task ${i}`, done: (n[12] + i) % 2 === 0, id: (n[13] + i) % 4 === 0 ? pick(IDS, n[13] + i) : undefined })),
  };
}

function newFile(path: string, n: number[]): MFile {
  const items = Array.from({ length: 1 + (n[0] % 4) }, (_, i) => newItem(path, n.slice(i + 1).concat(n).slice(0, 14)));
  return { path, id: pick(IDS, n[1] + 7), status: pick(STATUSES, n[2]), end: n[3] % 3 ? pick(DATES, n[4]) : undefined, delivers: n[5] % 2 ? [pick(IDS, n[6])] : [], spent: n[7] % 20, items, broken: 0 };
}

function fieldList(item: MItem): string {
  let text = `- id: ${item.id}\n- status: ${item.status}\n`;
  if (item.date) text += `- ${item.kind === 'initiative' ? 'target' : 'due'}: ${item.date}\n`;
  if (item.depends.length) text += `- depends: ${item.depends.map((l) => (l.includes('#') ? `[t](${l})` : l)).join(', ')}\n`;
  if (item.delivers.length) text += `- delivers: ${item.delivers.join(', ')}\n`;
  if (item.goal.length) text += `- goal: ${item.goal.join(', ')}\n`;
  if (item.kind === 'initiative') text += `- horizon: ${item.horizon}\n`;
  return text;
}

function markdown(f: MFile): string {
  const roadmap = isRoadmap(f.path);
  let text = roadmap
    ? `---\ntype: roadmap\nid: ${f.id}\n---\n# Roadmap\n\n`
    : `---\ntype: project\nid: ${f.id}\nstatus: ${f.status}\n${f.end ? `end: ${f.end}\n` : ''}${f.delivers.length ? `delivers: ${f.delivers.join(', ')}\n` : ''}budget: 10 EUR\nspent: ${f.spent} EUR\n---\n# Project\n\n`;
  if (f.broken === 1) text = text.replace('---\n#', 'key: [unclosed\n---\n#');
  for (const item of f.items) {
    const heading = item.kind === 'goal' ? '## Goal' : item.kind === 'initiative' ? '### Initiative' : '## Milestone';
    text += `${heading}: ${item.kind} ${item.id}\n${fieldList(item)}\n`;
    for (const t of item.tasks) text += `- [${t.done ? 'x' : ' '}] ${t.title}${t.id ? ` {#${t.id}}` : ''}\n`;
    text += '\n';
  }
  return text;
}

function yamlList(key: string, links: string[]): string {
  return links.length ? `    ${key}: [${links.map((l) => (l.includes('#') ? `"${l}"` : l)).join(', ')}]\n` : '';
}

function yaml(f: MFile): string {
  const roadmap = isRoadmap(f.path);
  let text = roadmap ? `type: roadmap\nid: ${f.id}\ninitiatives:\n` : `type: project\nid: ${f.id}\nstatus: ${f.status}\n${f.end ? `end: ${f.end}\n` : ''}${f.delivers.length ? `delivers: [${f.delivers.join(', ')}]\n` : ''}milestones:\n`;
  for (const item of f.items) {
    text += `  - id: ${item.id}\n    title: ${item.kind} ${item.id}\n    status: ${item.status}\n`;
    if (item.date) text += `    ${roadmap ? 'target' : 'due'}: ${item.date}\n`;
    text += yamlList('depends', item.depends.filter((l) => !l.includes('#'))) + yamlList('delivers', item.delivers) + (roadmap ? yamlList('goal', item.goal) : '');
    if (roadmap) text += `    horizon: ${item.horizon}\n`;
    if (!roadmap && item.tasks.length) {
      text += '    tasks:\n';
      for (const t of item.tasks) text += `      - title: ${t.title}\n        done: ${t.done}\n${t.id ? `        id: ${t.id}\n` : ''}`;
    }
  }
  if (f.broken === 1) text += '  - id: bad\n    spent: {a: [1\n';
  return text;
}

function parsed(f: MFile): ParsedFile {
  const text = f.path.endsWith('.md') ? markdown(f) : yaml(f);
  return parsePlanFile(f.path, text) ?? assert.fail(`${f.path} is not a plan file:\n${text}`);
}

/** An edit: which, and numbers it picks its targets with. */
type Edit = [number, number, number, number, number];

function apply(files: Map<string, MFile>, [op, a, b, c, d]: Edit): { changed: string[]; removed: string[] } {
  const present = [...files.values()];
  const f = present.length ? pick(present, a) : undefined;
  const item = f?.items.length ? pick(f.items, b) : undefined;
  const touched = { changed: f ? [f.path] : [], removed: [] as string[] };
  switch (op % 12) {
    case 0: if (item) item.date = pick([...DATES, undefined], c); break;
    case 1: if (item) item.id = pick(IDS, c); break;
    case 2: if (item) item.status = pick(STATUSES, c); break;
    case 3: if (item) item.depends = c % 3 === 0 ? [] : [pick(LINKS, c), ...(d % 2 ? [pick(LINKS, d)] : [])]; break;
    case 4: if (item) item.delivers = c % 3 === 0 ? [] : [pick(IDS, c)]; break;
    case 5: {
      // A cycle: two items of any files depend on each other.
      const g = present.length ? pick(present, c) : undefined;
      const other = g?.items.length ? pick(g.items, d) : undefined;
      if (!item || !other) break;
      item.depends = [...item.depends, other.id];
      other.depends = [...other.depends, item.id];
      if (g && g !== f) touched.changed.push(g.path);
      break;
    }
    case 6: if (f) {
      files.delete(f.path);
      return { changed: [], removed: [f.path] };
    } break;
    case 7: {
      const path = pick(PATHS, c);
      files.set(path, newFile(path, [a, b, c, d, a + b, b + c, c + d, a + d, a * 3, b * 5, c * 7, d * 11, a + 1, b + 2, c + 3]));
      return { changed: [path], removed: [] };
    }
    case 8: if (f) f.broken = f.broken ? 0 : 1; break;
    case 9: if (item?.tasks.length) { const t = pick(item.tasks, c); t.done = !t.done; } else if (item) item.tasks.push({ title: 'New', done: c % 2 === 0, id: d % 3 === 0 ? pick(IDS, d) : undefined }); break;
    case 10: if (f) {
      if (c % 2 && f.items.length > 1) f.items.splice(Math.abs(b) % f.items.length, 1);
      else f.items.splice(Math.abs(b) % (f.items.length + 1), 0, newItem(f.path, [a, b, c, d, a + b, b + c, c + d, a + d, a * 3, b * 5, c * 7, d * 11, a + 1, b + 2]));
    } break;
    case 11: if (f) {
      if (c % 2) f.id = pick(IDS, d);
      else f.delivers = d % 3 === 0 ? [] : [pick(IDS, d)];
    } break;
  }
  return touched;
}

/** The links of every node, as text: what resolveFiles gives and the incremental view must too. */
function links(ws: ResolvedWorkspace): string[] {
  const name = (n: PlanNode) => `${n.file.path}#${n.index}`;
  const names = (ns: PlanNode[]) => ns.map(name).join(',');
  return ws.nodes.map((n) => `${name(n)} d[${names(n.depends)}] v[${names(n.delivers)}] g[${names(n.goals)}] p[${n.project ? name(n.project) : ''}] by[${names(n.deliveredBy)}] dep[${names(n.dependents)}]`)
    .concat(ws.duplicates.map((d) => `dup ${name(d.node)} of ${name(d.first)}`));
}

function byFile(diags: Diagnostic[]): Map<string, string> {
  const out = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    const list = out.get(d.file) ?? [];
    list.push(d);
    out.set(d.file, list);
  }
  return new Map([...out].map(([k, v]) => [k, JSON.stringify(v)]));
}

const numbers = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 15, maxLength: 15 });
const edit = fc.tuple(fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.nat(1000));
const scenario = fc.record({
  initial: fc.uniqueArray(fc.tuple(fc.constantFrom(...PATHS), numbers), { minLength: 1, maxLength: 6, selector: ([p]) => p }),
  edits: fc.array(edit, { minLength: 1, maxLength: 12 }),
});

describe('incremental check (property)', function () {
  this.timeout(600_000);

  it('equals a full check after every step of random edit sequences', () => {
    let steps = 0;
    fc.assert(fc.property(scenario, ({ initial, edits }) => {
      const files = new Map<string, MFile>(initial.map(([path, n]) => [path, newFile(path, n)]));
      const inc = new IncrementalCheck({ today: TODAY, config: CONFIG });
      let previous = new Map<string, string>();
      const step = (changed: string[], removed: string[], what: string) => {
        const result = inc.update(changed.filter((p) => files.has(p)).map((p) => parsed(files.get(p)!)), removed);
        const all = [...files.values()].map(parsed);
        const ws = resolveFiles(all);
        const full = checkWorkspace(ws, { today: TODAY, config: CONFIG });
        assert.deepEqual(inc.diagnostics(), full, `diagnostics after ${what}`);
        assert.deepEqual(links(inc.resolved()), links(ws), `links after ${what}`);
        const now = byFile(full);
        const differ = new Set([...now.keys(), ...previous.keys()].filter((p) => now.get(p) !== previous.get(p)));
        assert.deepEqual([...result.changedFiles].sort(), [...differ].sort(), `changed files after ${what}`);
        for (const p of differ) assert.deepEqual(inc.diagnostics(p), full.filter((d) => d.file === p));
        previous = now;
        steps++;
      };
      step([...files.keys()], [], 'the first load');
      edits.forEach((e, i) => {
        const { changed, removed } = apply(files, e);
        step(changed, removed, `edit ${i} ${JSON.stringify(e)}`);
      });
    }), { numRuns: RUNS });
    assert.ok(steps >= RUNS, `${steps} steps`);
  });

  it('reports no file when an edit changes nothing', () => {
    const inc = new IncrementalCheck({ today: TODAY, config: CONFIG });
    const file = newFile('a.project.md', [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]);
    inc.update([parsed(file)]);
    const again = inc.update([parsed(file)]);
    assert.equal(again.changedFiles.size, 0);
    assert.equal(again.generation, 2);
  });
});
