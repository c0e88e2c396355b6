/**
 * The in-`npm test` slice of the fuzz harness (test/fuzz/): a few thousand generated and mutated
 * plan files through every invariant of `npm run fuzz` — no exception, time, spans inside the
 * document, determinism, CLI reading = editor reading, JSON/SARIF output, edits, and the reading
 * promise. FUZZ_UNIT_RUNS changes the number of cases per campaign, FUZZ_SEED the seed.
 */
import assert from 'node:assert/strict';
import { newStats, report, runCampaign, shrink, type Campaign } from '../fuzz/harness';

const RUNS = Number(process.env.FUZZ_UNIT_RUNS) || 1000; // 2,000 cases in all: a few thousand checks of the reading promise on every npm test
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) | 0 : 20261128;

describe('fuzz: the invariants of test/fuzz on generated and mutated plan files', function () {
  this.timeout(300_000);
  for (const campaign of ['generated', 'mutated'] as Campaign[]) {
    it(`${campaign}: ${RUNS} cases, no violation`, () => {
      const stats = newStats(SEED);
      const t0 = performance.now();
      runCampaign(campaign, RUNS, stats);
      const ms = performance.now() - t0;
      // Shrink a few, briefly: enough to read the failure; `npm run fuzz` shrinks every one.
      [...stats.distinct.values()].slice(0, 3).forEach((d) => shrink(d, 2_000));
      assert.equal(stats.distinct.size, 0, report(stats, ms));
    });
  }
});
