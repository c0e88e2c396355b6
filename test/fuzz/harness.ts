/**
 * Runs the two campaigns (generated plan files, mutated real files) through the invariants,
 * counting violations per invariant and campaign, and shrinks one reproducer per distinct
 * violation with fast-check (replaying the failing run by seed and path).
 */
import fc from 'fast-check';
import { generatedCase, type Case } from './generate';
import { INVARIANTS, runCase, type Invariant, type Violation } from './invariants';
import { mutatedCase } from './mutate';

export type Campaign = Case['campaign'];

export interface Distinct {
  campaign: Campaign;
  violation: Violation;
  /** fast-check run index (replay path) of the first case that showed it. */
  path: string;
  seed: number;
  count: number;
  shrunk?: { c: Case; violation: Violation; path?: string };
}

export interface CampaignStats {
  cases: number;
  expects: number;
  casesWithViolations: number;
  perInvariant: Record<Invariant, number>;
  ms: number;
}

export interface Stats {
  seed: number;
  campaigns: Record<Campaign, CampaignStats>;
  distinct: Map<string, Distinct>;
  slowest: { ms: number; campaign: Campaign; c: Case } | undefined;
}

export function arbitraryOf(campaign: Campaign): fc.Arbitrary<Case> {
  return campaign === 'generated' ? generatedCase : mutatedCase();
}

const emptyCounts = (): Record<Invariant, number> => Object.fromEntries(Object.keys(INVARIANTS).map((k) => [k, 0])) as Record<Invariant, number>;

export function newStats(seed: number): Stats {
  const campaign = (): CampaignStats => ({ cases: 0, expects: 0, casesWithViolations: 0, perInvariant: emptyCounts(), ms: 0 });
  return { seed, campaigns: { generated: campaign(), mutated: campaign() }, distinct: new Map(), slowest: undefined };
}

export function campaignSeed(seed: number, campaign: Campaign): number {
  return campaign === 'generated' ? seed : (seed + 1) | 0;
}

/** Runs `runs` cases of a campaign; never stops at a violation, so every invariant is counted. */
export function runCampaign(campaign: Campaign, runs: number, stats: Stats, progress?: (done: number) => void, timeLimitMs?: number): void {
  const seed = campaignSeed(stats.seed, campaign);
  const s = stats.campaigns[campaign];
  const t0 = performance.now();
  let index = 0;
  fc.assert(fc.property(arbitraryOf(campaign), (c) => {
    const path = String(index++);
    const r = runCase(c);
    s.cases++;
    s.expects += c.expects.length;
    if (!stats.slowest || r.pipelineMs > stats.slowest.ms) stats.slowest = { ms: r.pipelineMs, campaign, c };
    if (r.violations.length) s.casesWithViolations++;
    const seenHere = new Set<string>();
    for (const v of r.violations) {
      if (!seenHere.has(v.invariant)) s.perInvariant[v.invariant]++;
      seenHere.add(v.invariant);
      const d = stats.distinct.get(v.tag);
      if (d) d.count++;
      else stats.distinct.set(v.tag, { campaign, violation: v, path, seed, count: 1 });
    }
    if (progress && index % 1000 === 0) progress(index);
    return true;
  }), { numRuns: runs, seed, ...(timeLimitMs ? { interruptAfterTimeLimit: timeLimitMs, markInterruptAsFailure: false } : {}) });
  s.ms += performance.now() - t0;
}

/** Replays the first failing run of a distinct violation and shrinks it (bounded in time). */
export function shrink(d: Distinct, budgetMs = 60_000): void {
  const deadline = performance.now() + budgetMs;
  const result = fc.check(fc.property(arbitraryOf(d.campaign), (c) => {
    if (performance.now() > deadline) return true;
    return !runCase(c).violations.some((v) => v.tag === d.violation.tag);
  }), { seed: d.seed, path: d.path, numRuns: Number(d.path) + 1 });
  if (result.failed && result.counterexample) {
    const c = result.counterexample[0];
    const violation = runCase(c).violations.find((v) => v.tag === d.violation.tag) ?? d.violation;
    d.shrunk = { c, violation, path: result.counterexamplePath ?? undefined };
  }
}

/** A reproducer as text: the files (as JSON strings, every character visible) and what broke. */
export function describeCase(c: Case): string {
  const lines = [`campaign: ${c.campaign}${c.note ? ` (${c.note})` : ''}, editSeed ${c.editSeed}`];
  for (const f of c.files) {
    const shown = f.text.length > 4000 ? `${JSON.stringify(f.text.slice(0, 4000))}…(${f.text.length} chars)` : JSON.stringify(f.text);
    lines.push(`  ${f.path}${f.explicit ? ' (explicit)' : ''}: ${shown}`);
  }
  return lines.join('\n');
}

export function report(stats: Stats, totalMs: number): string {
  const out: string[] = [];
  out.push(`seed ${stats.seed} (FUZZ_SEED=${stats.seed} to replay)`);
  for (const [name, s] of Object.entries(stats.campaigns)) {
    if (!s.cases) continue;
    out.push(`campaign ${name}: ${s.cases} cases, ${s.expects} reading-promise entries, ${s.casesWithViolations} cases with violations, ${(s.ms / 1000).toFixed(1)} s`);
    for (const [inv, label] of Object.entries(INVARIANTS)) out.push(`  (${inv}) ${label}: ${s.perInvariant[inv as Invariant]} case(s)`);
  }
  if (stats.slowest) out.push(`slowest case: ${stats.slowest.ms.toFixed(1)} ms (${stats.slowest.campaign}; ${stats.slowest.c.note ?? stats.slowest.c.files.map((f) => `${f.path} ${f.text.length} chars`).join(', ')})`);
  out.push(`total time: ${(totalMs / 1000).toFixed(1)} s`);
  out.push(`distinct violations: ${stats.distinct.size}`);
  for (const [tag, d] of stats.distinct) {
    out.push('', `[${d.violation.invariant}] ${tag} — ${d.count} occurrence(s), first at ${d.campaign} run ${d.path} (seed ${d.seed})`);
    const shown = d.shrunk ?? { c: undefined, violation: d.violation };
    out.push(`  ${shown.violation.message.replace(/\n/g, '\n  ')}`);
    if (d.shrunk) out.push(`  shrunk reproducer (fast-check path ${d.shrunk.path}):`, '  ' + describeCase(d.shrunk.c).replace(/\n/g, '\n  '));
  }
  return out.join('\n');
}
