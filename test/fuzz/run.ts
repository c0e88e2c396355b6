/**
 * `npm run fuzz`: both campaigns, FUZZ_RUNS cases in all (default 100,000, half each),
 * FUZZ_SEED to replay (default fixed, printed), FUZZ_SHRINK_MS per distinct violation
 * (default 20 s; FUZZ_SHRINK_TOTAL_MS, default 300 s, for all of them), FUZZ_JOBS=1 to run the campaigns one after the other in this process
 * (default: one child process per campaign, in parallel). Prints counts per invariant and
 * campaign, the slowest case, every distinct violation with a shrunk reproducer, and exits 1
 * on any violation. FUZZ_TIME_LIMIT_S stops each campaign after that many seconds (busy machines).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { newStats, report, runCampaign, shrink, type Campaign } from './harness';
import { INVARIANTS } from './invariants';

export const DEFAULT_SEED = 20261128;
const runs = Number(process.env.FUZZ_RUNS) || 100_000;
const seed = process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== '' ? Number(process.env.FUZZ_SEED) | 0 : DEFAULT_SEED;
const shrinkMs = Number(process.env.FUZZ_SHRINK_MS) || 20_000;
/** All shrinking in one process stops after this; the rest are reported as found. */
const shrinkTotalMs = Number(process.env.FUZZ_SHRINK_TOTAL_MS) || 300_000;
const only = process.env.FUZZ_CAMPAIGN as Campaign | undefined;
const jobs = Number(process.env.FUZZ_JOBS) || 2;
/** Stop each campaign after this many seconds (the report then says how many cases ran); default: no limit. */
const timeLimitS = Number(process.env.FUZZ_TIME_LIMIT_S) || 0;
const CAMPAIGNS: Campaign[] = ['generated', 'mutated'];

interface Summary {
  campaign: Campaign;
  cases: number;
  perInvariant: Record<string, number>;
  distinct: number;
  slowest: { ms: number; what: string } | undefined;
  ms: number;
}

function share(campaign: Campaign): number {
  const i = CAMPAIGNS.indexOf(campaign);
  return Math.floor(runs / CAMPAIGNS.length) + (i === 0 ? runs % CAMPAIGNS.length : 0);
}

/** Runs campaigns in this process; returns their summaries. */
function runHere(campaigns: Campaign[], n: (c: Campaign) => number): Summary[] {
  const stats = newStats(seed);
  const t0 = performance.now();
  for (const campaign of campaigns) {
    const start = performance.now();
    const total = n(campaign);
    runCampaign(campaign, total, stats, (done) => {
      if (done % 2000 !== 0) return;
      const s = stats.campaigns[campaign];
      const counts = Object.keys(INVARIANTS).map((k) => `${k}=${s.perInvariant[k as keyof typeof INVARIANTS]}`).join(' ');
      console.error(`  ${campaign}: ${done}/${total} (${((performance.now() - start) / 1000).toFixed(0)} s; cases with violations per invariant: ${counts}; ${stats.distinct.size} distinct; slowest ${stats.slowest?.ms.toFixed(0)} ms)`);
    }, timeLimitS ? (timeLimitS * 1000) / campaigns.length : undefined);
    if (stats.campaigns[campaign].cases < total) console.log(`campaign ${campaign}: stopped by FUZZ_TIME_LIMIT_S=${timeLimitS} after ${stats.campaigns[campaign].cases} of ${total} cases`);
  }
  const runMs = performance.now() - t0;
  for (const d of stats.distinct.values()) {
    const left = shrinkTotalMs - (performance.now() - t0 - runMs);
    if (left <= 0) break;
    console.error(`  shrinking ${d.violation.tag}…`);
    shrink(d, Math.min(shrinkMs, left));
  }
  console.log(report(stats, runMs));
  console.log(`(shrinking took ${((performance.now() - t0 - runMs) / 1000).toFixed(1)} s more)`);
  return campaigns.map((campaign) => {
    const s = stats.campaigns[campaign];
    const slow = stats.slowest && stats.slowest.campaign === campaign ? stats.slowest : undefined;
    return {
      campaign, cases: s.cases, perInvariant: s.perInvariant, ms: s.ms,
      distinct: [...stats.distinct.values()].filter((d) => d.campaign === campaign).length,
      slowest: slow && { ms: slow.ms, what: slow.c.note ?? slow.c.files.map((f) => `${f.path} ${f.text.length} chars`).join(', ') },
    };
  });
}

async function runChildren(): Promise<Summary[]> {
  const dir = mkdtempSync(join(tmpdir(), 'roadmark-fuzz-'));
  const children = CAMPAIGNS.map((campaign) => new Promise<{ campaign: Campaign; out: string; code: number | null }>((resolve) => {
    const out: string[] = [];
    const child = spawn(process.execPath, [...process.execArgv, __filename], {
      env: { ...process.env, FUZZ_CAMPAIGN: campaign, FUZZ_RUNS: String(share(campaign)), FUZZ_SEED: String(seed), FUZZ_SUMMARY: join(dir, `${campaign}.json`) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (b: Buffer) => out.push(b.toString()));
    child.on('close', (code) => resolve({ campaign, out: out.join(''), code }));
  }));
  const done = await Promise.all(children);
  const summaries: Summary[] = [];
  for (const d of done) {
    console.log(`==================== campaign ${d.campaign} (exit ${d.code})`);
    console.log(d.out);
    try {
      summaries.push(...(JSON.parse(readFileSync(join(dir, `${d.campaign}.json`), 'utf8')) as Summary[]));
    } catch {
      console.log(`campaign ${d.campaign} wrote no summary (crashed?)`);
      summaries.push({ campaign: d.campaign, cases: 0, perInvariant: {}, distinct: 1, slowest: undefined, ms: 0 });
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return summaries;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const child = process.env.FUZZ_SUMMARY;
  if (!child) console.log(`roadmark fuzz: ${runs} cases, seed ${seed} (FUZZ_SEED=${seed} FUZZ_RUNS=${runs} to replay)`);
  const summaries = only
    ? runHere([only], () => runs)
    : jobs > 1 ? await runChildren() : runHere(CAMPAIGNS, share);
  if (child) {
    writeFileSync(child, JSON.stringify(summaries));
    process.exitCode = summaries.some((s) => s.distinct) ? 1 : 0;
    return;
  }
  console.log('==================== summary');
  const ran = summaries.reduce((a, s) => a + s.cases, 0);
  if (ran < runs) console.log(`NOTE: ${ran} of ${runs} cases ran (FUZZ_TIME_LIMIT_S=${timeLimitS})`);
  console.log(`seed ${seed}; ${ran} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s wall time`);
  for (const s of summaries) {
    console.log(`campaign ${s.campaign}: ${s.cases} cases in ${(s.ms / 1000).toFixed(1)} s, ${s.distinct} distinct violation(s)`);
    for (const [inv, label] of Object.entries(INVARIANTS)) console.log(`  (${inv}) ${label}: ${s.perInvariant[inv] ?? 0} case(s)`);
  }
  const slowest = summaries.filter((s) => s.slowest).sort((a, b) => b.slowest!.ms - a.slowest!.ms)[0];
  if (slowest) console.log(`slowest case: ${slowest.slowest!.ms.toFixed(1)} ms (${slowest.campaign}: ${slowest.slowest!.what})`);
  const bad = summaries.some((s) => s.distinct);
  console.log(bad ? 'FAIL: violations found (reproducers above)' : 'OK: no violation');
  process.exitCode = bad ? 1 : 0;
}

void main();
