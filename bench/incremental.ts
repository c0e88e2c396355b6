/**
 * Benchmarks of the incremental check, in process: a generated workspace is loaded into an
 * IncrementalCheck, then one file is edited again and again (a due date moved on one line) and
 * each edit is timed from the new text to its diagnostics: parse that file, update, read the
 * diagnostics of the files reported changed. The edited file is the same text in every
 * workspace (added to it, delivering an initiative and depending on a milestone of another
 * file), so sizes compare like with like.
 *
 * `node --import tsx bench/incremental.ts <dir>...` prints JSON: per workspace the median edit
 * time, the median parse time of the same text, and the split of one edit.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IncrementalCheck } from '../src/core/incremental/index';
import type { ParsedFile } from '../src/core/model/types';
import { parsePlanFile } from '../src/core/parse/index';
import { dayFromParts } from '../src/core/dates';

const ROUNDS = Number(process.env.BENCH_EDITS ?? 60);
const TODAY = dayFromParts(2026, 11, 23);
const EDITED = 'projects/bench-edit.project.md';

/** The file edited: as large as a generated project (8 milestones, tasks, prose, a table each). */
export function editedText(due: string): string {
  const prose = 'The team agreed the scope in the weekly review; the budget covers the work below and the owner reports progress every Friday.';
  let text = `---\ntype: project\nid: bench-edit\ntitle: Bench edit\ndelivers: init-1\nstart: 2026-09-01\nend: 2027-04-01\nbudget: 40,000 EUR\nspent: 12,000 EUR\nowner: maya\nstatus: in-progress\n---\n# Bench edit\n\n${prose}\n\n`;
  for (let m = 0; m < 8; m++) {
    const date = m === 3 ? due : `2026-${String(9 + Math.floor(m / 2)).padStart(2, '0')}-${String(10 + m).padStart(2, '0')}`;
    text += `## Milestone: Step ${m} {#bench-m${m} due=${date} status=${m < 2 ? 'done' : 'planned'} owner=lena${m > 0 ? ` depends=bench-m${m - 1}` : ' depends=p1-m0'}}\n\n${prose}\n\n`;
    for (let t = 0; t < 3; t++) text += `- [${t === 0 ? 'x' : ' '}] Task ${t} of step ${m} {due=2026-12-0${t + 1} owner=sam}\n`;
    text += '\n| step | owner |\n| --- | --- |\n| brief | maya |\n| review | jonas |\n\n';
  }
  return text;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function loadWorkspace(dir: string): { files: ParsedFile[]; bytes: number } {
  const files: ParsedFile[] = [];
  let bytes = 0;
  for (const abs of walk(dir)) {
    if (!/\.(md|ya?ml)$/.test(abs) || abs.endsWith('.roadmark.yaml')) continue;
    const text = readFileSync(abs, 'utf8');
    bytes += Buffer.byteLength(text);
    const parsed = parsePlanFile(relative(dir, abs).replace(/\\/g, '/'), text);
    if (parsed) files.push(parsed);
  }
  return { files, bytes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface EditResult {
  items: number;
  /** Median ms from new text to its diagnostics. */
  edit: number;
  /** Median ms to parse the same text alone. */
  parse: number;
  update: number;
  changedFiles: number;
  /** One rename of an id (the edited project's), and one moved initiative target in the roadmap: ms, for the README. */
  rename: number;
  roadmap: number;
}

export function editBench(dir: string): EditResult {
  const { files } = loadWorkspace(dir);
  const inc = new IncrementalCheck({ today: TODAY, config: { riskWindowDays: 14, rules: {} } });
  inc.update([...files, parsePlanFile(EDITED, editedText('2026-12-20'))!]);
  const items = inc.resolved().nodes.length;
  const edits: number[] = [];
  const parses: number[] = [];
  const updates: number[] = [];
  let changedFiles = 0;
  for (let i = 0; i < ROUNDS; i++) {
    // Alternate between an order that holds and one that breaks (a dependency-order warning comes and goes).
    const text = editedText(i % 2 ? '2026-12-20' : '2026-10-01');
    // Which side goes first alternates too, so a collection that one side's garbage starts does not always land on the other.
    const parseAlone = () => {
      const started = performance.now();
      parsePlanFile(EDITED, text);
      parses.push(performance.now() - started);
    };
    if (i % 4 >= 2) parseAlone();
    const started = performance.now();
    const parsed = parsePlanFile(EDITED, text)!;
    const parsedAt = performance.now();
    const { changedFiles: changed } = inc.update([parsed]);
    updates.push(performance.now() - parsedAt);
    for (const f of changed) inc.diagnostics(f);
    edits.push(performance.now() - started);
    changedFiles = Math.max(changedFiles, changed.size);
    if (i % 4 < 2) parseAlone();
  }
  let started = performance.now();
  inc.update([parsePlanFile(EDITED, editedText('2026-12-20').replace('id: bench-edit', 'id: bench-renamed'))!]);
  const rename = performance.now() - started;
  // An initiative's target moved to another quarter (same length: the other items keep their positions), parse included.
  const roadmapText = readFileSync(join(dir, 'roadmap.roadmap.md'), 'utf8');
  const moved = roadmapText.replace(/target=2027-Q(\d)/, (_, q: string) => `target=2027-Q${q === '4' ? 1 : Number(q) + 1}`);
  started = performance.now();
  inc.update([parsePlanFile('roadmap.roadmap.md', moved)!]);
  const roadmap = performance.now() - started;
  return { items, edit: median(edits), parse: median(parses), update: median(updates), changedFiles, rename, roadmap };
}

if (require.main === module) {
  const out: Record<string, EditResult> = {};
  for (const dir of process.argv.slice(2)) out[dir] = editBench(dir);
  process.stdout.write(JSON.stringify(out) + '\n');
}
