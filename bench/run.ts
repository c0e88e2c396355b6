/**
 * `npm run bench`: ratios against baselines measured in the same run, on the same files, with
 * runs interleaved so machine noise hits both sides. Prints a table and writes
 * bench/results.json as { name: { value, target, unit: "x" } }. Nothing here is a pass/fail test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateWorkspace } from './generate';
import { timelineBench } from './timeline';
import { editorBench } from './editor';
import type { EditResult } from './incremental';

const ROOT = resolve(__dirname, '..');
const WORK = join(ROOT, 'bench/.work');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = { '1k': 1_000, '10k': 10_000, '50k': 50_000 } as const;

interface Result {
  value: number;
  target: number;
  unit: 'x';
}

function workspace(name: keyof typeof SIZES): string {
  const dir = join(WORK, name);
  const stamp = join(dir, ".generated-v2");
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== String(SIZES[name])) {
    const info = generateWorkspace(dir, SIZES[name]);
    writeFileSync(stamp, String(SIZES[name]));
    console.log(`generated ${name}: ${info.files} files, ${info.items} items, ${(info.bytes / 1e6).toFixed(1)} MB`);
  }
  return dir;
}

/**
 * The 10k workspace as a git repository with one commit, then a replan in the working tree:
 * every tenth project file's dates moved a week later (what `drift --since HEAD` reports).
 */
function driftWorkspace(): string {
  const dir = join(WORK, '10k-git');
  const stamp = join(dir, '.generated-drift-v1');
  if (existsSync(stamp)) return dir;
  rmSync(dir, { recursive: true, force: true });
  cpSync(workspace('10k'), dir, { recursive: true });
  const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@roadmark.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@roadmark.invalid' };
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '--no-gpg-sign', '-m', 'plan']]) execFileSync('git', args, { cwd: dir, env });
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.project\.(md|ya?ml)$/.test(f)).sort();
  files.forEach((f, i) => {
    if (i % 10) return;
    const path = join(dir, f);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/(\d{4})-(\d{2})-(0[1-9]|1\d|2[0-1])\b/g, (_, y: string, m: string, d: string) => `${y}-${m}-${String(Number(d) + 7).padStart(2, '0')}`));
  });
  writeFileSync(stamp, '1');
  return dir;
}

/** Wall time of one process, in ms. */
function time(cmd: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs A and B alternately RUNS times; returns the medians. */
function pair(a: () => number, b: () => number): [number, number] {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    as.push(a());
    bs.push(b());
  }
  return [median(as), median(bs)];
}

/** Benchmarks to run (`BENCH_ONLY=edit,heap`: names containing one of the words); default all. */
const ONLY = process.env.BENCH_ONLY?.split(',').filter(Boolean);
const wanted = (name: string) => !ONLY || ONLY.some((w) => name.includes(w));

/** Runs a bench script in its own process (a fresh heap, no JIT state from the other benchmarks); returns its JSON. */
function script<T>(args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

function main(): void {
  const previous = existsSync(join(ROOT, 'bench/results.json')) ? (JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) as Record<string, Result>) : {};
  const results: Record<string, Result> = ONLY ? { ...previous } : {};
  const rows: string[][] = [];
  const record = (name: string, a: number, b: number, target: number, what: string, unit = 'ms') => {
    const value = Number((a / b).toFixed(3));
    results[name] = { value, target, unit: 'x' };
    const show = (v: number) => (unit === 'B' ? `${(v / 1e6).toFixed(1)} MB` : `${v.toFixed(v < 10 ? 2 : 0)} ms`);
    rows.push([name, what, show(a), show(b), `${value.toFixed(2)}x`, `≤ ${target}x`, value <= target ? 'ok' : 'MISSED']);
  };
  const cli = join(ROOT, 'dist/cli.js');
  const big = workspace('50k');
  const check = (dir: string) => () => time(process.execPath, [cli, 'check', dir, '--format', 'json']);

  if (wanted('check-vs-parse')) {
    const [checkBig, parseBig] = pair(check(big), () => time(process.execPath, [join(ROOT, 'bench/baseline-parse.mjs'), big]));
    record('check-vs-parse', checkBig, parseBig, 1.0, 'check 50k ÷ remark+yaml parse only');
  }

  if (wanted('check-vs-markdownlint')) {
    const lint = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
    const [checkAgain, lintBig] = pair(check(big), () => time(process.execPath, [lint, `${big}/**/*.md`]));
    record('check-vs-markdownlint', checkAgain, lintBig, 0.5, 'check 50k ÷ markdownlint-cli2 (Markdown only)');
  }

  if (wanted('check-10k-vs-1k')) {
    const [check10k, check1k] = pair(check(workspace('10k')), check(workspace('1k')));
    record('check-10k-vs-1k', check10k, check1k, 12, 'scaling: 10× the items');
  }

  if (wanted('edit')) {
    // Each run: one process loads both workspaces and times BENCH_EDITS edits in each (interleaved edit/parse inside).
    const small = workspace('1k');
    const runs: Record<string, EditResult>[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(script<Record<string, EditResult>>(['bench/incremental.ts', small, big]));
    const of = (dir: string, key: 'edit' | 'parse') => median(runs.map((r) => r[dir][key]));
    console.log(`edit split at 50k (last run): ${JSON.stringify(runs[runs.length - 1][big], (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(2)) : v))}`);
    if (wanted('edit-vs-file-parse')) record('edit-vs-file-parse', of(big, 'edit'), of(big, 'parse'), 2, 'one-line edit → diagnostics at 50k ÷ parsing that file');
    if (wanted('edit-scaling')) record('edit-scaling', of(big, 'edit'), of(small, 'edit'), 1.5, 'the same edit at 50k ÷ at 1k');
  }

  if (wanted('heap')) {
    const heaps: { bytes: number; held: number; parsed: number }[] = [];
    for (let i = 0; i < Math.min(RUNS, 2); i++) heaps.push(script(['--expose-gc', 'bench/heap.ts', big]));
    const held = median(heaps.map((h) => h.held));
    console.log(`heap at 50k: parsed files ${(median(heaps.map((h) => h.parsed)) / 1e6).toFixed(0)} MB, all held ${(held / 1e6).toFixed(0)} MB, source ${(heaps[0].bytes / 1e6).toFixed(1)} MB`);
    record('heap-per-source-byte', held, heaps[0].bytes, 10, 'heap held at 50k (parsed files, incremental check) ÷ source bytes', 'B');
  }

  if (wanted('drift')) {
    const repo = driftWorkspace();
    const [drift, checked] = pair(() => time(process.execPath, [cli, 'drift', repo, '--since', 'HEAD', '--format', 'json']), check(repo));
    record('drift-vs-check', drift, checked, 2.5, 'drift --since HEAD of 10k (two plans read, diffed) ÷ check of it');
  }

  // In the real VS Code: minutes per run (a code-server start and a 50k scan each).
  if (wanted('editor')) for (const r of editorBench(big, Math.min(RUNS, 3))) record(r.name, r.a, r.b, r.target, r.what);

  if (wanted('timeline')) for (const r of timelineBench(workspace('10k'))) record(r.name, r.a, r.b, r.target, r.what);

  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length), 4));
  console.log(`\nbenchmark (median of ${RUNS}, interleaved)`);
  for (const r of [['name', 'what', 'A', 'B', 'A/B', 'target', ''], ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('\nwrote bench/results.json');
}

main();
