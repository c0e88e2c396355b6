/**
 * The CI entry points: the composite action's steps run in bash against the real CLI (npx
 * stubbed to run dist/cli.js), and the pre-commit hook's file pattern.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

interface Step { id?: string; if?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string> }
interface Action { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

describe('action.yml (composite action)', function () {
  let root: string;
  let bin: string;
  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    root = mkdtempSync(join(tmpdir(), 'roadmark-action-'));
    bin = join(root, '.bin');
    mkdirSync(bin);
    // npx --yes roadmark@VERSION ARGS… → node dist/cli.js ARGS…, recording the version asked for.
    writeFileSync(join(bin, 'npx'), `#!/usr/bin/env bash\n[ "$1" = --yes ] || exit 99\necho "$2" > "${root}/npx-package"\nshift 2\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, 'npx'), 0o755);
    mkdirSync(join(root, 'repo/plans'), { recursive: true });
    writeFileSync(join(root, 'repo/.roadmark.yaml'), 'today: 2026-11-23\nrules:\n  unlinked: off\n');
    writeFileSync(join(root, 'repo/plans/a.project.md'), '---\ntype: project\nid: a\n---\n## Milestone: Late {#late due=2026-11-01}\n');
    writeFileSync(join(root, 'repo/plans/b.project.md'), '---\ntype: project\nid: b\n---\n## Milestone: Fine {#fine due=2027-01-01}\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** Runs the step with id `check`, then the last step, as the runner would: inputs through the env the step declares. */
  function runAction(inputs: Record<string, string>) {
    const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default])), ...inputs };
    const output = join(root, `output-${Math.random().toString(36).slice(2)}`);
    const summary = `${output}-summary`;
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const env = (step: Step, extra: Record<string, string> = {}) => {
      const declared = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace(/\$\{\{ inputs\.([\w-]+) \}\}/, (_, name: string) => values[name] ?? '').replace(/\$\{\{ steps\.check\.outputs\.([\w-]+) \}\}/, (_, name: string) => extra[name] ?? '')]));
      return { ...process.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_ACTION_PATH: ROOT, NO_COLOR: '1', ...declared };
    };
    const steps = action.runs.steps;
    const check = steps.find((s) => s.id === 'check')!;
    const first = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', check.run!], { cwd: join(root, 'repo'), env: env(check), encoding: 'utf8' });
    const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=', 2) as [string, string]));
    const last = steps[steps.length - 1];
    const verdict = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', last.run!], { cwd: join(root, 'repo'), env: env(last, outputs), encoding: 'utf8' });
    return { first, outputs, verdict, npx: readFileSync(join(root, 'npx-package'), 'utf8').trim(), summary: readFileSync(summary, 'utf8') };
  }

  it('is a composite action with the inputs the docs name, and uploads SARIF with codeql-action', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-on', 'format', 'paths', 'sarif-file', 'since', 'today', 'version']);
    assert.equal(action.inputs.format.default, 'github');
    assert.equal(action.inputs['fail-on'].default, 'error');
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'an upload-sarif step');
    assert.match(upload.if!, /inputs\.format == 'sarif'/);
    assert.equal(upload.with!.sarif_file, '${{ inputs.sarif-file }}');
  });

  it('annotates with --format github, runs the version of its package.json, and fails on errors only by default', () => {
    const r = runAction({});
    assert.equal(r.npx, `roadmark@${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}`);
    assert.match(r.first.stdout, /^::warning file=plans\/a\.project\.md,line=5,col=4,.*::Milestone 'Late' was due 2026-11-01/m);
    assert.equal(r.outputs['exit-code'], '0', 'a warning is no failure');
    assert.equal(r.verdict.status, 0);
  });

  it('fail-on warning fails on a warning; never passes; today, config and paths reach the CLI', () => {
    const strict = runAction({ 'fail-on': 'warning', version: '9.9.9' });
    assert.equal(strict.npx, 'roadmark@9.9.9');
    assert.equal(strict.outputs['exit-code'], '1');
    assert.equal(strict.verdict.status, 1);
    assert.match(strict.verdict.stdout, /::error title=roadmark::/);
    const lenient = runAction({ 'fail-on': 'never', today: '2027-06-01', format: 'text' });
    assert.match(lenient.first.stdout, /today 2027-06-01/);
    assert.equal(lenient.verdict.status, 0);
    const one = runAction({ paths: 'plans/b.project.md', format: 'text' });
    assert.match(one.first.stdout, /^No problems \(1 plan file/m);
    const lines = runAction({ paths: 'plans/a.project.md\nplans/b.project.md\n', format: 'text', config: '.roadmark.yaml' });
    assert.match(lines.first.stdout, /in 2 plan files/);
  });

  it('writes SARIF to the file named, and fails the job when the check cannot run', () => {
    const r = runAction({ format: 'sarif' });
    assert.equal(r.outputs['sarif-file'], 'roadmark.sarif');
    assert.equal(JSON.parse(readFileSync(join(root, 'repo/roadmark.sarif'), 'utf8')).version, '2.1.0');
    const broken = runAction({ paths: 'nowhere' });
    assert.equal(broken.outputs['exit-code'], '2');
    assert.equal(broken.verdict.status, 2);
    const bad = runAction({ format: 'xml' });
    assert.equal(bad.outputs['exit-code'], '2');
    assert.match(bad.first.stdout, /::error title=roadmark::format must be github, sarif or text/);
  });
});

describe('action.yml with a drift baseline (since)', function () {
  this.timeout(60000);
  it('reports slipped deadlines and writes the drift table to the job summary', () => {
    const repo = mkdtempSync(join(tmpdir(), 'roadmark-action-drift-'));
    const bin = join(repo, '..', `${repo.split('/').pop()}-bin`);
    mkdirSync(bin);
    writeFileSync(join(bin, 'npx'), `#!/usr/bin/env bash\nshift 2\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, 'npx'), 0o755);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@t.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@t.invalid' } });
    try {
      mkdirSync(join(repo, 'plans'));
      writeFileSync(join(repo, 'plans/a.project.md'), '---\ntype: project\nid: a\n---\n## Milestone: Pilot {#pilot due=2027-01-10}\n');
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('commit', '-q', '--no-gpg-sign', '-m', 'plan');
      git('tag', 'agreed');
      writeFileSync(join(repo, 'plans/a.project.md'), '---\ntype: project\nid: a\n---\n## Milestone: Pilot {#pilot due=2027-01-24}\n');
      const output = join(repo, '..', `${repo.split('/').pop()}-output`);
      const summary = `${output}-summary`;
      writeFileSync(output, '');
      writeFileSync(summary, '');
      const check = action.runs.steps.find((s) => s.id === 'check')!;
      const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_ACTION_PATH: ROOT, NO_COLOR: '1', INPUT_PATHS: '.', INPUT_FORMAT: 'github', INPUT_TODAY: '2026-11-23', INPUT_CONFIG: '', INPUT_FAIL_ON: 'error', INPUT_VERSION: '1.0.0', INPUT_SARIF_FILE: 'roadmark.sarif', INPUT_SINCE: 'agreed' };
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', check.run!], { cwd: repo, env, encoding: 'utf8' });
      assert.match(r.stdout, /^::notice file=plans\/a\.project\.md,line=5,.*Milestone 'Pilot' slipped 14 days since agreed \(due was 2027-01-10\)/m);
      const table = readFileSync(summary, 'utf8');
      assert.match(table, /^### Plan drift since `agreed`/);
      assert.match(table, /\| Pilot `pilot` \| due 2027-01-10 → 2027-01-24 \(14 days later\) \| plans\/a\.project\.md:5 \|/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
      for (const leftover of [bin, `${bin.replace(/-bin$/, '-output')}`, `${bin.replace(/-bin$/, '-output')}-summary`]) rmSync(leftover, { recursive: true, force: true });
    }
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];

  it('runs roadmark check on the whole plan (node, no file names passed)', () => {
    assert.equal(hooks.length, 1);
    assert.deepEqual([hooks[0].id, hooks[0].entry, hooks[0].language, hooks[0].pass_filenames], ['roadmark-check', 'roadmark check', 'node', false]);
  });

  it('runs when a plan file or the config changes, not for other files', () => {
    const files = new RegExp(hooks[0].files);
    for (const yes of ['q3.roadmap.md', 'plans/rollout.project.md', 'a/b/x.project.yaml', 'x.roadmap.yml', 'p.project.markdown', '.roadmark.yaml', 'docs/.roadmark.yml']) assert.ok(files.test(yes), yes);
    for (const no of ['README.md', 'roadmap.md', 'project.yaml', 'x.roadmap.md.bak', 'x.roadmark.yaml', 'a.project.md/notes.txt', 'package.json']) assert.ok(!files.test(no), no);
  });
});
