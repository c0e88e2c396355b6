/**
 * Property: drift reports exactly what was done to a plan. A random project (milestones with
 * due dates, statuses, budgets, dependencies, in Markdown or YAML) goes through random replans —
 * a due date moved by some days, a status changed, a milestone removed or added, an id renamed
 * in place — each on its own milestone, and `driftBetween` must report each one as what it is
 * (a rename never as a removal and an addition, a move with its days) and nothing else.
 * FUZZ_RUNS scales it (default 60).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { driftBetween } from '../../src/core/drift/index';
import { formatDay } from '../../src/core/dates';
import { day, workspace } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS) || 60;
const STATUSES = ['planned', 'in-progress', 'done', 'blocked'] as const;

interface Milestone { id: string; title: string; due: number; status: string; depends?: string }

function render(milestones: Milestone[], yaml: boolean): string {
  if (yaml) {
    const body = milestones.map((m) => `  - id: ${m.id}\n    title: ${m.title}\n    due: ${formatDay(m.due)}\n    status: ${m.status}${m.depends ? `\n    depends: ${m.depends}` : ''}\n`).join('');
    return `type: project\nid: proj\ntitle: Project\nmilestones:\n${body}`;
  }
  const body = milestones.map((m) => `## Milestone: ${m.title} {#${m.id} due=${formatDay(m.due)} status=${m.status}${m.depends ? ` depends=${m.depends}` : ''}}\n\nNotes.\n\n`).join('');
  return `---\ntype: project\nid: proj\n---\n${body}`;
}

type Op = { op: 'move'; days: number } | { op: 'status'; to: (typeof STATUSES)[number] } | { op: 'remove' } | { op: 'rename' } | { op: 'keep' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('move' as const), days: fc.integer({ min: -40, max: 40 }).filter((d) => d !== 0) }),
  fc.record({ op: fc.constant('status' as const), to: fc.constantFrom(...STATUSES) }),
  fc.constant({ op: 'remove' as const }),
  fc.constant({ op: 'rename' as const }),
  fc.constant({ op: 'keep' as const }),
);

const scenario = fc.record({
  yaml: fc.boolean(),
  count: fc.integer({ min: 1, max: 8 }),
  ops: fc.array(opArb, { minLength: 8, maxLength: 8 }),
  added: fc.integer({ min: 0, max: 2 }),
  start: fc.integer({ min: 0, max: 300 }),
});

describe('drift property: each replan is reported as what it is, and nothing else', function () {
  this.timeout(120000);
  it(`holds on ${RUNS} random replans`, () => {
    fc.assert(fc.property(scenario, ({ yaml, count, ops, added, start }) => {
      const base: Milestone[] = Array.from({ length: count }, (_, i) => ({
        id: `m${i}`, title: `Step ${i}`, due: day('2027-01-01') + start + i * 7, status: 'planned', depends: i > 0 && i % 3 === 0 ? `m${i - 1}` : undefined,
      }));
      const expected = new Set<string>();
      const now: Milestone[] = [];
      base.forEach((m, i) => {
        const op = ops[i];
        // A milestone another one depends on is never removed or renamed: the dependent's link would change too.
        const depended = base.some((o) => o.depends === m.id);
        if (op.op === 'remove' && !depended) {
          expected.add(`${m.id}:removed`);
          return;
        }
        if (op.op === 'rename' && !depended) {
          now.push({ ...m, id: `${m.id}-renamed` });
          expected.add(`${m.id}-renamed:renamed:${m.id}`);
          return;
        }
        if (op.op === 'move') {
          now.push({ ...m, due: m.due + op.days });
          expected.add(`${m.id}:moved:${op.days}`);
          return;
        }
        if (op.op === 'status' && op.to !== m.status) {
          now.push({ ...m, status: op.to });
          expected.add(`${m.id}:status:${op.to}`);
          return;
        }
        now.push(m);
      });
      for (let j = 0; j < added; j++) {
        now.push({ id: `new${j}`, title: `New step ${j}`, due: day('2027-06-01') + j, status: 'planned' });
        expected.add(`new${j}:added`);
      }
      const path = yaml ? 'p.project.yaml' : 'p.project.md';
      const was = workspace({ [path]: render(base, yaml) });
      const is = workspace({ [path]: render(now, yaml) });
      assert.deepEqual(driftBetween(was, was).changes, [], 'a plan against itself');
      const seen = new Set(driftBetween(was, is).changes.filter((c) => c.kind === 'milestone').map((c) => {
        switch (c.change) {
          case 'moved': return `${c.id}:moved:${c.days}`;
          case 'status': return `${c.id}:status:${c.to}`;
          case 'renamed': return `${c.id}:renamed:${c.from}`;
          default: return `${c.id}:${c.change}`;
        }
      }));
      assert.deepEqual([...seen].sort(), [...expected].sort());
    }), { numRuns: RUNS });
  });
});
