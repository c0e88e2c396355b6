/**
 * A seeded generator of realistic plan workspaces: a roadmap (goals with metrics, initiatives
 * with horizons and targets) and many projects in Markdown and YAML (about 70/30) with
 * milestones, dependencies, budgets, owners, task lists, prose, and a little invalid content
 * (impossible dates, unknown statuses and fields, a broken link, a YAML syntax error) so every
 * path of the checker runs. Same seed, same bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OWNERS = ['maya', 'jonas', 'lena', 'priya', 'tomas', 'noor', 'sam', 'kim'];
const STATUSES = ['planned', 'planned', 'in-progress', 'in-progress', 'done', 'blocked'];
const WORDS = ['clinic', 'retail', 'booking', 'supplier', 'training', 'pilot', 'launch', 'stock', 'serum', 'cream', 'routine', 'campaign', 'review', 'contract', 'shelving', 'lighting', 'catalogue', 'reminder', 'survey', 'pricing'];
const PROSE = 'The team agreed the scope in the weekly review; the budget covers the work below and the owner reports progress every Friday. Risks are listed in the notes and revisited at each milestone.';

interface Ctx {
  rnd: () => number;
  pick<T>(list: readonly T[]): T;
  int(lo: number, hi: number): number;
}

function context(seed: number): Ctx {
  const rnd = prng(seed);
  return { rnd, pick: (l) => l[Math.floor(rnd() * l.length)], int: (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)) };
}

/** 2026-11-23, the `today` the generated config pins, as a day offset from 2026-01-01. */
const TODAY_OFFSET = 326;

/** Most work that was due before today is done, as in a plan people keep up to date. */
function statusFor(c: Ctx, dueOffset: number): string {
  return dueOffset < TODAY_OFFSET && c.rnd() < 0.85 ? 'done' : c.pick(STATUSES);
}

function date(dayOffset: number): string {
  return new Date(Date.UTC(2026, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
}

function title(c: Ctx, n: number): string {
  return `${c.pick(WORDS)} ${c.pick(WORDS)} ${n}`.replace(/^\w/, (x) => x.toUpperCase());
}

interface Plan {
  initiatives: string[];
}

function roadmap(c: Ctx, initiatives: number): { text: string; plan: Plan; items: number } {
  const goals = Math.max(2, Math.round(initiatives / 6));
  const ids: string[] = [];
  let text = `---\ntype: roadmap\nid: glow\ntitle: Generated roadmap\nproduct: Glow\nvision: ${PROSE}\nowner: maya\n---\n# Roadmap\n\n${PROSE}\n\n`;
  for (let g = 0; g < goals; g++) {
    text += `## Goal: ${title(c, g)} {#goal-${g}}\n- metric: rebooking rate ${g}\n- current: ${c.int(10, 40)}%\n- target: ${c.int(45, 80)}%\n- due: 2027-06-30\n- owner: ${c.pick(OWNERS)}\n\n${PROSE}\n\n`;
    for (let i = g; i < initiatives; i += goals) {
      const id = `init-${i}`;
      ids.push(id);
      text += `### Initiative: ${title(c, i)} {#${id} horizon=${c.pick(['now', 'next', 'later'])} target=2027-Q${c.int(1, 4)} status=${c.pick(STATUSES)}}\n${PROSE}\n\n`;
    }
  }
  return { text, plan: { initiatives: ids }, items: 1 + goals + initiatives };
}

function markdownProject(c: Ctx, n: number, plan: Plan, milestones: number, invalid: boolean): { text: string; items: number } {
  let items = 1;
  const start = c.int(0, 300);
  let text = `---\ntype: project\nid: proj-${n}\ntitle: ${title(c, n)}\ndelivers: ${c.pick(plan.initiatives)}\nstart: ${date(start)}\nend: ${date(start + 200)}\nbudget: ${c.int(10, 90)},000 EUR\nspent: ${c.int(1, 80)},000 EUR\nowner: ${c.pick(OWNERS)}\nstatus: ${statusFor(c, start + 200)}\n---\n# ${title(c, n)}\n\n${PROSE}\n\n`;
  for (let m = 0; m < milestones; m++) {
    const due = start + 10 + m * c.int(5, 20);
    const id = `p${n}-m${m}`;
    const depends = m > 0 && c.rnd() < 0.6 ? ` depends=p${n}-m${m - 1}` : '';
    if (c.rnd() < 0.5) {
      text += `## Milestone: ${title(c, m)} {#${id} due=${date(due)} status=${statusFor(c, due)} owner=${c.pick(OWNERS)}${depends}}\n\n`;
    } else {
      text += `## Milestone: ${title(c, m)}\n- id: ${id}\n- due: ${date(due)}\n- status: ${statusFor(c, due)}\n- owner: ${c.pick(OWNERS)}\n${depends ? `- depends: p${n}-m${m - 1}\n` : ''}\n`;
    }
    text += `${PROSE}\n\n`;
    items++;
    const tasks = c.int(1, 4);
    for (let t = 0; t < tasks; t++) {
      const taskDue = due - c.int(1, 9);
      const done = taskDue < TODAY_OFFSET ? c.rnd() < 0.9 : c.rnd() < 0.3;
      text += `- [${done ? 'x' : ' '}] ${title(c, t)} {due=${date(taskDue)} owner=${c.pick(OWNERS)}}\n`;
      items++;
    }
    text += '\n| step | owner |\n| --- | --- |\n| brief | maya |\n| review | jonas |\n\n';
  }
  if (invalid) {
    text += `## Milestone: Broken bits {#p${n}-broken due=2027-02-30 status=finished depends=no-such-item}\n- owne: lena\n\n`;
    items++;
  }
  return { text, items };
}

function yamlProject(c: Ctx, n: number, plan: Plan, milestones: number, invalid: boolean): { text: string; items: number } {
  let items = 1;
  const start = c.int(0, 300);
  let text = `# ${PROSE}\ntype: project\nid: proj-${n}\ntitle: ${title(c, n)}\ndelivers: ${c.pick(plan.initiatives)}\nstart: ${date(start)}\nend: ${date(start + 200)}\nbudget: ${c.int(10, 90)}000 EUR\nspent: ${c.int(1, 80)}000 EUR\nowner: ${c.pick(OWNERS)}\nmilestones:\n`;
  for (let m = 0; m < milestones; m++) {
    const due = start + 10 + m * c.int(5, 20);
    text += `  - id: p${n}-m${m}\n    title: ${title(c, m)}\n    due: ${date(due)}\n    status: ${statusFor(c, due)}\n    owner: ${c.pick(OWNERS)}\n`;
    if (m > 0 && c.rnd() < 0.6) text += `    depends: [p${n}-m${m - 1}]\n`;
    items++;
    const tasks = c.int(1, 4);
    text += '    tasks:\n';
    for (let t = 0; t < tasks; t++) {
      text += `      - title: ${title(c, t)}\n        done: ${due < TODAY_OFFSET ? c.rnd() < 0.9 : c.rnd() < 0.3}\n        owner: ${c.pick(OWNERS)}\n`;
      items++;
    }
  }
  if (invalid) text += `  - id: p${n}-bad\n    title: Bad\n    due: 2026-13-01\n    spent: {a: [1\n`;
  return { text, items };
}

/** Writes a workspace of about `target` items under `dir`; returns the item count written. */
export function generateWorkspace(dir: string, target: number, seed = 42): { files: number; items: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'projects'), { recursive: true });
  const c = context(seed);
  const initiatives = Math.max(6, Math.round(target / 120));
  const road = roadmap(c, initiatives);
  writeFileSync(join(dir, 'roadmap.roadmap.md'), road.text);
  let items = road.items;
  let bytes = road.text.length;
  let files = 1;
  for (let n = 0; items < target; n++) {
    const milestones = c.int(3, 10);
    const invalid = n % 97 === 13;
    const yaml = c.rnd() < 0.3;
    const project = yaml ? yamlProject(c, n, road.plan, milestones, invalid) : markdownProject(c, n, road.plan, milestones, invalid);
    writeFileSync(join(dir, 'projects', `proj-${n}.project.${yaml ? 'yaml' : 'md'}`), project.text);
    items += project.items;
    bytes += project.text.length;
    files++;
  }
  writeFileSync(join(dir, '.roadmark.yaml'), 'today: 2026-11-23\n');
  return { files, items, bytes };
}
