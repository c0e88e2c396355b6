/**
 * Plan drift on real git repositories made here: a history that moves, adds, removes and
 * renames items and changes status, progress, scope, budget and links; `roadmark drift` and
 * `check --since` read it with git, and the core's diff is checked change kind by change kind.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { driftBetween, withBaseline } from '../../src/core/drift/index';
import { buildTimelineView } from '../../src/core/outline/timeline';
import { parseConfig } from '../../src/core/config/config';
import { day, parse, workspace } from './helpers';
import { checkWorkspace } from '../../src/core/check';
import { IncrementalCheck } from '../../src/core/incremental/index';
import { resolveFiles } from '../../src/core/model/workspace';
import { ruleBaseline } from '../../src/core/drift/index';

const CLI = resolve(__dirname, '../../dist/cli.js');

const ROADMAP_V1 = `---
type: roadmap
id: glow
---
## Goal: Retention {#retention}
### Initiative: Skincare line {#skincare-line target=2027-03-31}
### Initiative: Clinic app {#clinic-app target=2027-06-30}
`;

const PROJECT_V1 = `---
type: project
id: rollout
delivers: skincare-line
budget: 40000 EUR
end: 2027-03-15
---
## Milestone: Pilot {#pilot due=2027-01-31}
- [x] Book the clinic
- [ ] Train staff

## Milestone: Launch {#launch due=2027-03-01 depends=pilot status=planned}

## Milestone: Press day {#press due=2027-02-10}

## Milestone: Signage {#signage-v1 due=2027-02-20}
`;

const PROJECT_V2 = `---
type: project
id: rollout
delivers: skincare-line, clinic-app
budget: 55000 EUR
end: 2027-04-20
---
## Milestone: Pilot {#pilot due=2027-02-14 status=in-progress}
- [x] Book the clinic
- [x] Train staff
- [ ] Print the leaflets

## Milestone: Launch {#launch due=2027-04-15 depends=pilot status=planned}

## Milestone: Signage {#signage due=2027-02-20}

## Milestone: Retro {#retro due=2027-05-01}
`;

const YAML_V1 = 'type: project\nid: app\ndelivers: clinic-app\nend: 2027-06-01\nmilestones:\n  - id: beta\n    title: Beta\n    due: 2027-05-01\n    progress: 20%\n';
const YAML_V2 = 'type: project\nid: app\ndelivers: clinic-app\nend: 2027-06-01\nmilestones:\n  - id: beta\n    title: Beta\n    due: 2027-04-24\n    progress: 60%\n';

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function git(cwd: string, ...args: string[]): string {
  const stamp = process.env.DRIFT_TEST_DATE ?? '2026-10-01T12:00:00Z';
  const r = spawnSync('git', args, {
    cwd, encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp },
  });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function commit(root: string, message: string, date: string): void {
  process.env.DRIFT_TEST_DATE = date;
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--no-gpg-sign', '-m', message);
  delete process.env.DRIFT_TEST_DATE;
}

interface JsonChange { id: string; kind: string; title: string; file: string; line: number; change: string; field?: string; from?: string; to?: string; days?: number }
interface JsonDrift { since: { ref: string; commit: string; date: string }; changes: JsonChange[]; rollups: { id: string; kind: string; slipDays?: number; onTimeAtBaseline: boolean; lateNow: boolean; changes: number }[] }

describe('plan drift (git repositories made by the test)', function () {
  this.timeout(60000);
  let root: string;
  let baseCommit: string;

  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first (npm test does)');
    root = mkdtempSync(join(tmpdir(), 'roadmark-drift-'));
    git(root, 'init', '-q', '-b', 'main');
    write(root, { 'plans/glow.roadmap.md': ROADMAP_V1, 'plans/rollout.project.md': PROJECT_V1, 'plans/app.project.yaml': YAML_V1, 'plans/old.project.md': '---\ntype: project\nid: old\ndelivers: clinic-app\nend: 2027-01-10\n---\n' });
    commit(root, 'the plan as agreed', '2026-10-01T12:00:00Z');
    baseCommit = git(root, 'rev-parse', 'HEAD');
    git(root, 'tag', 'plan-2026-Q4');
    write(root, { 'plans/rollout.project.md': PROJECT_V2, 'plans/app.project.yaml': YAML_V2 });
    rmSync(join(root, 'plans/old.project.md'));
    commit(root, 'replan', '2026-11-02T12:00:00Z');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reports every kind of change, as JSON with the commit it compared with', () => {
    const r = run(['drift', '--since', 'plan-2026-Q4', '--format', 'json', '--today', '2026-11-23'], root);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as JsonDrift;
    assert.deepEqual(report.since, { ref: 'plan-2026-Q4', commit: baseCommit, date: '2026-10-01' });
    const find = (id: string, change: string, field?: string) => report.changes.find((c) => c.id === id && c.change === change && (field === undefined || c.field === field));
    assert.deepEqual(find('pilot', 'moved', 'due'), { id: 'pilot', kind: 'milestone', title: 'Pilot', file: 'plans/rollout.project.md', line: 8, change: 'moved', field: 'due', from: '2027-01-31', to: '2027-02-14', days: 14 });
    assert.equal(find('launch', 'moved', 'due')?.days, 45);
    assert.equal(find('rollout', 'moved', 'end')?.days, 36);
    assert.equal(find('beta', 'moved', 'due')?.days, -7, 'earlier is negative');
    assert.deepEqual(find('pilot', 'status'), { id: 'pilot', kind: 'milestone', title: 'Pilot', file: 'plans/rollout.project.md', line: 8, change: 'status', field: 'status', from: 'planned', to: 'in-progress' });
    assert.deepEqual([find('pilot', 'scope')?.from, find('pilot', 'scope')?.to], ['2 tasks', '3 tasks']);
    assert.deepEqual([find('beta', 'progress')?.from, find('beta', 'progress')?.to], ['20%', '60%']);
    assert.deepEqual([find('rollout', 'budget', 'budget')?.from, find('rollout', 'budget', 'budget')?.to], ['40,000 EUR', '55,000 EUR']);
    assert.deepEqual([find('rollout', 'links', 'delivers')?.from, find('rollout', 'links', 'delivers')?.to], ['skincare-line', 'skincare-line, clinic-app']);
    assert.deepEqual([find('signage', 'renamed')?.from, find('signage', 'renamed')?.to], ['signage-v1', 'signage'], 'an id changed in place is a rename');
    assert.equal(find('signage-v1', 'removed'), undefined, 'not also a removal');
    assert.equal(find('signage', 'added'), undefined, 'nor an addition');
    assert.ok(find('retro', 'added'));
    assert.ok(find('press', 'removed'));
    const removedFile = find('old', 'removed');
    assert.equal(removedFile?.file, 'plans/old.project.md', 'an item of a deleted file is removed, where it was');
    assert.equal(report.changes.filter((c) => c.kind === 'task').length, 0, 'tasks are their milestone\'s scope, not changes of their own');
    const initiative = report.rollups.find((u) => u.id === 'skincare-line')!;
    assert.equal(initiative.slipDays, 47, 'finish 2027-03-15 → 2027-05-01 (retro now delivers it too)');
    assert.ok(initiative.onTimeAtBaseline && initiative.lateNow, 'on time at the baseline, late now');
  });

  it('prints a text table and Markdown for a pull-request comment', () => {
    const text = run(['drift', '--since', 'plan-2026-Q4', '--today', '2026-11-23'], root);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`^Plan drift since plan-2026-Q4 \\(${baseCommit.slice(0, 7)}, 2026-10-01\\): \\d+ changes\n`));
    assert.match(text.stdout, /Pilot +milestone +due 2027-01-31 → 2027-02-14 \(14 days later\) +plans\/rollout\.project\.md:8/);
    const md = run(['drift', '--since', 'plan-2026-Q4', '--format', 'markdown', '--today', '2026-11-23'], root);
    assert.match(md.stdout, /^### Plan drift since `plan-2026-Q4`/);
    assert.match(md.stdout, /\| Pilot `pilot` \| due 2027-01-31 → 2027-02-14 \(14 days later\) \| plans\/rollout\.project\.md:8 \|/);
    assert.match(md.stdout, /\*\*On time at the baseline, late now:\*\* Skincare line/);
    for (const line of md.stdout.split('\n').filter((l) => l.startsWith('|'))) assert.equal(line.split(/(?<!\\)\|/).length, 5, `a row with its three cells, pipes in text escaped: ${line}`);
  });

  it('takes a date as the baseline: the last commit on the branch before that day', () => {
    const r = run(['drift', '--since', '2026-10-15', '--format', 'json', '--today', '2026-11-23'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as JsonDrift).since.commit, baseCommit);
    const none = run(['drift', '--since', '2026-09-01'], root);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^roadmark: no commit on the current branch before 2026-09-01/);
  });

  it('takes baseline: from the config when --since is not given, and says what is missing otherwise', () => {
    const bare = run(['drift'], root);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /drift needs a baseline: --since REF/);
    writeFileSync(join(root, '.roadmark.yaml'), 'baseline: plan-2026-Q4\n');
    try {
      const r = run(['drift', '--format', 'json', '--today', '2026-11-23'], root);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as JsonDrift).since.ref, 'plan-2026-Q4');
    } finally {
      rmSync(join(root, '.roadmark.yaml'));
    }
  });

  it('an unknown ref is exit 2 with the fetch to run; a shallow clone says so', () => {
    const r = run(['drift', '--since', 'origin/release'], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^roadmark: unknown git ref 'origin\/release': run git fetch origin release/);
    const shallow = mkdtempSync(join(tmpdir(), 'roadmark-shallow-'));
    try {
      const clone = spawnSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, shallow], { encoding: 'utf8' });
      assert.equal(clone.status, 0, clone.stderr);
      const s = run(['drift', '--since', 'plan-2026-Q4'], shallow);
      assert.equal(s.code, 2);
      assert.match(s.stderr, /this is a shallow clone: run git fetch origin plan-2026-Q4/);
      const outside = mkdtempSync(join(tmpdir(), 'roadmark-nogit-'));
      write(outside, { 'a.project.md': '---\ntype: project\n---\n' });
      const n = run(['drift', '--since', 'main'], outside);
      rmSync(outside, { recursive: true, force: true });
      assert.equal(n.code, 2);
      assert.match(n.stderr, /--since needs a git repository/);
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });

  it('check --since runs the slipped rule, in text, SARIF and GitHub formats; slippedDays raises the bar', () => {
    const text = run(['check', '--since', 'plan-2026-Q4', '--today', '2026-11-23'], root);
    const slipped = text.stdout.split('\n').filter((l) => l.endsWith('  slipped'));
    assert.deepEqual(slipped.map((l) => l.split('  ')[0]), ['plans/rollout.project.md:6:6', 'plans/rollout.project.md:8:29', 'plans/rollout.project.md:13:31']);
    assert.match(slipped[1], /info {2}Milestone 'Pilot' slipped 14 days since plan-2026-Q4 \(due was 2027-01-31\)/);
    assert.doesNotMatch(text.stdout, /'Beta' slipped/, 'earlier is not a slip');
    assert.equal(run(['check', '--today', '2026-11-23'], root).stdout.includes('slipped'), false, 'no baseline, no slipped');
    const sarif = JSON.parse(run(['check', '--since', 'plan-2026-Q4', '--format', 'sarif', '--today', '2026-11-23'], root).stdout);
    const results = sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'slipped');
    assert.equal(results.length, 3);
    assert.equal(results[0].level, 'note');
    const gh = run(['check', '--since', 'plan-2026-Q4', '--format', 'github', '--today', '2026-11-23'], root).stdout;
    assert.match(gh, /^::notice file=plans\/rollout\.project\.md,line=8,.*slipped 14 days since plan-2026-Q4/m);
    writeFileSync(join(root, '.roadmark.yaml'), 'slippedDays: 30\n');
    try {
      const high = run(['check', '--since', 'plan-2026-Q4', '--today', '2026-11-23'], root).stdout.split('\n').filter((l) => l.endsWith('  slipped'));
      assert.deepEqual(high.map((l) => l.split('  ')[0]), ['plans/rollout.project.md:6:6', 'plans/rollout.project.md:13:31'], 'only the moves over 30 days');
    } finally {
      rmSync(join(root, '.roadmark.yaml'));
    }
  });

  it('timeline --since keeps the baseline as ghosts in the page', () => {
    const r = run(['timeline', '--since', 'plan-2026-Q4', '--today', '2026-11-23'], root);
    assert.equal(r.code, 0, r.stderr);
    const model = /"baseline":\{"label":"plan-2026-Q4 \([0-9a-f]{7}, 2026-10-01\)"/.exec(r.stdout);
    assert.ok(model, 'the page carries the baseline');
  });

  it('refuses --since on commands it means nothing to, and an empty --since', () => {
    assert.match(run(['list', '--since', 'main'], root).stderr, /--since applies to drift, check and timeline only/);
    assert.match(run(['drift', '--since', ' '], root).stderr, /--since needs a git ref/);
  });
});

describe('plan drift (core)', () => {
  const base = () => workspace({ 'r.roadmap.md': ROADMAP_V1, 'p.project.md': PROJECT_V1 });

  it('finds nothing between a plan and itself', () => {
    const report = driftBetween(base(), base());
    assert.deepEqual(report.changes, []);
    assert.deepEqual(report.rollups, []);
  });

  it('tells a rename by place and deadline when the title changed too, and does not guess otherwise', () => {
    const now = workspace({ 'r.roadmap.md': ROADMAP_V1, 'p.project.md': PROJECT_V1.replace('Press day {#press', 'Press launch {#press-launch') });
    const renamed = driftBetween(base(), now).changes.find((c) => c.change === 'renamed');
    assert.deepEqual([renamed?.from, renamed?.to], ['press', 'press-launch']);
    const twoNew = workspace({ 'r.roadmap.md': ROADMAP_V1, 'p.project.md': PROJECT_V1.replace('## Milestone: Press day {#press due=2027-02-10}', '## Milestone: A {#a due=2027-02-12}\n\n## Milestone: B {#b due=2027-02-11}') });
    const kinds = driftBetween(base(), twoNew).changes.map((c) => `${c.id}:${c.change}`);
    assert.ok(kinds.includes('press:removed'), kinds.join(' '));
    assert.ok(kinds.includes('a:added') && kinds.includes('b:added'));
  });

  it('a link left on an id renamed elsewhere is not a links change either (broken-link says what is wrong)', () => {
    const was = workspace({ 'p.project.md': PROJECT_V1 });
    const now = workspace({ 'p.project.md': PROJECT_V1.replace('{#pilot due', '{#pilot-run due') });
    assert.deepEqual(driftBetween(was, now).changes.map((c) => `${c.id}:${c.change}`), ['pilot-run:renamed']);
  });

  it('a link to a renamed id is not a links change', () => {
    const was = workspace({ 'p.project.md': PROJECT_V1 });
    const now = workspace({ 'p.project.md': PROJECT_V1.replace('{#pilot due', '{#pilot-run due').replace('depends=pilot', 'depends=pilot-run') });
    const changes = driftBetween(was, now).changes.map((c) => `${c.id}:${c.change}`);
    assert.deepEqual(changes, ['pilot-run:renamed']);
  });

  it('puts ghosts on the timeline rows and a what-moved list on the view, and widens the axis to hold them', () => {
    const was = workspace({ 'r.roadmap.md': ROADMAP_V1, 'p.project.md': PROJECT_V1 });
    const now = workspace({ 'r.roadmap.md': ROADMAP_V1, 'p.project.md': PROJECT_V2 });
    const today = 20780;
    const view = withBaseline(buildTimelineView(now, { today }), now, was, driftBetween(was, now), 'plan-2026-Q4 (abc1234, 2026-10-01)');
    const pilot = view.rows.find((r) => r.title === 'Pilot')!;
    assert.equal(pilot.baseline?.end, 20849, 'the baseline due date, 2027-01-31');
    assert.notEqual(pilot.end, pilot.baseline?.end);
    assert.equal(view.rows.find((r) => r.title === 'Retro')?.added, true);
    assert.equal(view.baseline?.label, 'plan-2026-Q4 (abc1234, 2026-10-01)');
    assert.ok(view.baseline!.changes.some((c) => c.rowId === pilot.id && c.text === 'Pilot: due 2027-01-31 → 2027-02-14 (14 days later)'));
    assert.ok(view.baseline!.changes.some((c) => c.change === 'removed' && c.rowId === undefined));
    assert.ok(view.domain[0] <= 20849);
  });

  it('the slipped rule gives the same findings incrementally as in a full check, edit after edit', () => {
    const baseline = ruleBaseline('main', base().nodes);
    const options = { today: 20780, config: { riskWindowDays: 14, rules: {} }, baseline };
    const inc = new IncrementalCheck(options);
    const files = new Map([['r.roadmap.md', parse('r.roadmap.md', ROADMAP_V1)], ['p.project.md', parse('p.project.md', PROJECT_V1)]]);
    inc.update([...files.values()]);
    const steps = [PROJECT_V2, PROJECT_V1.replace('due=2027-01-31', 'due=2027-03-31'), PROJECT_V1.replace('{#pilot due=2027-01-31}', '{#pilot-run due=2027-02-28}'), PROJECT_V1];
    const seen: number[] = [];
    for (const text of steps) {
      files.set('p.project.md', parse('p.project.md', text));
      inc.update([files.get('p.project.md')!]);
      const full = checkWorkspace(resolveFiles([...files.values()]), options);
      assert.deepEqual(inc.diagnostics(), full);
      seen.push(full.filter((d) => d.rule === 'slipped').length);
    }
    assert.deepEqual(seen, [3, 1, 1, 0], 'the steps slip, then one milestone, then a renamed one (followed by its title), then none');
  });

  it('roll-ups count the changes of their own items: an id written twice in another project is not one of them', () => {
    const other = '---\ntype: project\nid: other\n---\n## Milestone: Elsewhere {#pilot due=2027-05-01}\n';
    const was = workspace({ 'p.project.md': PROJECT_V1, 'z.project.md': other });
    const now = workspace({ 'p.project.md': PROJECT_V1.replace('{#pilot due=2027-01-31}', '{#pilot due=2027-02-14}'), 'z.project.md': other });
    const rollups = driftBetween(was, now).rollups;
    assert.equal(rollups.find((r) => r.id === 'rollout')?.changes, 1);
    assert.equal(rollups.find((r) => r.id === 'other'), undefined, 'nothing moved in the other project');
  });

  it('an id written twice keeps each item its own ghost', () => {
    const twice = '---\ntype: project\nid: p\n---\n## Milestone: A {#dup due=2027-01-10}\n## Milestone: B {#dup due=2027-03-10}\n';
    const was = workspace({ 'p.project.md': twice });
    const now = workspace({ 'p.project.md': twice.replace('due=2027-03-10', 'due=2027-03-20') });
    const view = withBaseline(buildTimelineView(now, { today: 20780 }), now, was, driftBetween(was, now), 'main');
    const b = view.rows.find((r) => r.title === 'B')!;
    assert.equal(b.baseline?.end, day('2027-03-10'), "B's own ghost, not A's");
    assert.equal(view.rows.find((r) => r.title === 'A')!.baseline?.end, day('2027-01-10'));
  });

  it('reads slippedDays in the config, a whole number of days', () => {
    assert.equal(parseConfig('slippedDays: 7\n').config.slippedDays, 7);
    assert.match(parseConfig('slippedDays: soon\n').problems[0].message, /'slippedDays' must be a whole number of days/);
  });
});
