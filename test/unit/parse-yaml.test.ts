import assert from 'node:assert/strict';
import { positionAt } from '../../src/core/lines';
import { parse } from './helpers';

const ROADMAP = `type: roadmap
id: glow
product: Glow skincare line
vision: Every client leaves with a routine they keep.
goals:
  - id: retention
    title: Grow client retention
    metric: 90-day rebooking rate
    current: 38%
    target: 50%
    due: 2027-06-30
    initiatives:
      - id: loyalty
        title: Loyalty programme
initiatives:
  - id: skincare-line
    title: Launch our own skincare line
    goal: retention
    horizon: now
    target: 2027-Q1
    status: in-progress
`;

describe('YAML plan files', () => {
  it('reads the spec roadmap: goals, initiatives, nesting', () => {
    const file = parse('glow.roadmap.yaml', ROADMAP);
    assert.deepEqual(file.items.map((i) => `${i.kind}:${i.id}:${i.parent}`), ['roadmap:glow:-1', 'goal:retention:0', 'initiative:loyalty:1', 'initiative:skincare-line:0']);
    const line = file.items[3];
    assert.equal(line.horizon, 'now');
    assert.equal(line.status, 'in-progress');
    assert.equal(line.target?.text, '2027-Q1');
    assert.deepEqual(line.goal.map((l) => l.id), ['retention']);
    assert.equal(file.items[1].due?.text, '2027-06-30');
    assert.equal(file.items[1].target, undefined, "a goal's target is a metric value, not a date");
    assert.deepEqual(file.problems, []);
    assert.equal(ROADMAP.slice(line.anchor.start, line.anchor.end), 'skincare-line', 'anchor: the id value');
  });

  it('reads projects with milestones and tasks (mappings and plain titles)', () => {
    const text = 'type: project\nid: booking\ndelivers: [online-booking]\nmilestones:\n  - id: api\n    due: 2027-02-01\n    depends:\n      - contract\n    tasks:\n      - title: Get sandbox keys\n        done: true\n      - Write the adapter\n';
    const file = parse('booking.project.yaml', text);
    assert.deepEqual(file.items.map((i) => `${i.kind}:${i.id}:${i.status}`), ['project:booking:planned', 'milestone:api:planned', 'task:api/get-sandbox-keys:done', 'task:api/write-the-adapter:planned']);
    const api = file.items[1];
    assert.deepEqual(api.depends.map((l) => text.slice(l.span.start, l.span.end)), ['contract'], 'list links point at the element');
  });

  it('reports a syntax error at its position and still reads what it can', () => {
    const text = 'type: project\nid: p\nmilestones:\n  - id: a\n    due: 2027-01-01\n   bad: indent\n';
    const file = parse('p.project.yaml', text);
    assert.equal(file.problems[0].rule, 'parse-error');
    assert.equal(positionAt(file.lineStarts, file.problems[0].span.start).line, 6);
    assert.equal(file.items[0].id, 'p');
  });

  it('reports a list where a date belongs, and a mapping where a status belongs', () => {
    const file = parse('p.project.yaml', 'type: project\nend: [2027-01-01, 2027-02-01]\nstatus: {a: 1}\n');
    assert.deepEqual(file.problems.map((p) => p.rule), ['invalid-date', 'invalid-value']);
    assert.match(file.problems[0].message, /one date, not a list/);
  });

  it('reports a file that is not a mapping', () => {
    const file = parse('p.project.yaml', '- just\n- a list\n');
    assert.equal(file.problems[0].rule, 'parse-error');
    assert.match(file.problems[0].message, /must be a YAML mapping/);
    assert.equal(file.items[0].id, 'p');
  });

  it('reads an empty YAML plan file as its file-level item', () => {
    const file = parse('plans/new.roadmap.yml', '');
    assert.deepEqual(file.items.map((i) => `${i.kind}:${i.id}`), ['roadmap:new']);
    assert.deepEqual(file.problems, []);
  });

  it('treats keys case-insensitively with - and _ alike, and reports keys of another kind', () => {
    const file = parse('p.project.yaml', 'type: project\nDelivers: x\nmilestones:\n  - id: m\n    Due_Date: 2027-01-01\n    budget: 5\n');
    assert.deepEqual(file.items[0].delivers.map((l) => l.id), ['x']);
    assert.deepEqual(file.problems.map((p) => p.rule), ['unknown-field', 'unknown-field']);
    assert.match(file.problems[1].message, /does not apply to milestone/);
  });
});
