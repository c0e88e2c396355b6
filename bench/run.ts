/**
 * `npm run bench`: ratios against baselines measured in the same run, on the same files, with
 * runs interleaved so machine noise hits both sides. Prints a table and writes
 * bench/results.json as { name: { value, target, unit: "x" } }. Nothing here is a pass/fail test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateWorkspace } from './generate';
import { timelineBench } from './timeline';

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

function main(): void {
  const results: Record<string, Result> = {};
  const rows: string[][] = [];
  const record = (name: string, a: number, b: number, target: number, what: string) => {
    const value = Number((a / b).toFixed(3));
    results[name] = { value, target, unit: 'x' };
    rows.push([name, what, `${a.toFixed(0)} ms`, `${b.toFixed(0)} ms`, `${value.toFixed(2)}x`, `≤ ${target}x`, value <= target ? 'ok' : 'MISSED']);
  };
  const cli = join(ROOT, 'dist/cli.js');
  const big = workspace('50k');
  const check = (dir: string) => () => time(process.execPath, [cli, 'check', dir, '--format', 'json']);

  const [checkBig, parseBig] = pair(check(big), () => time(process.execPath, [join(ROOT, 'bench/baseline-parse.mjs'), big]));
  record('check-vs-parse', checkBig, parseBig, 1.25, 'check 50k ÷ remark+yaml parse only');

  const lint = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
  const [checkAgain, lintBig] = pair(check(big), () => time(process.execPath, [lint, `${big}/**/*.md`]));
  record('check-vs-markdownlint', checkAgain, lintBig, 0.5, 'check 50k ÷ markdownlint-cli2 (Markdown only)');

  const [check10k, check1k] = pair(check(workspace('10k')), check(workspace('1k')));
  record('check-10k-vs-1k', check10k, check1k, 12, 'scaling: 10× the items');

  for (const r of timelineBench(workspace('10k'))) record(r.name, r.a, r.b, r.target, r.what);

  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length), 4));
  console.log(`\nbenchmark (median of ${RUNS}, interleaved)`);
  for (const r of [['name', 'what', 'A', 'B', 'A/B', 'target', ''], ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('\nwrote bench/results.json');
}

main();
