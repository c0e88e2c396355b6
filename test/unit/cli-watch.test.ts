/**
 * `roadmark check --watch` as a user runs it: spawned, a file edited, the second report read,
 * then interrupted (Ctrl+C: exit 0). Native watchers and polling alike.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SUMMARY = /^(No problems \(.*|\d+ problems? \(.*\) in .*)today \d{4}-\d{2}-\d{2}\)?$/;

/** A project on its own delivers no initiative: `unlinked` is off so that a clean plan reports no problems. */
const CONFIG = 'today: 2026-11-23\nrules:\n  unlinked: off\n';
const PLAN = '---\ntype: project\nid: demo\n---\n## Milestone: Pilot {#pilot due=2027-01-10}\n';

/** A running watch: its stdout split into reports (each ends with the summary line), and its stderr. */
class Watch {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private waiters: (() => void)[] = [];

  constructor(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [CLI, 'check', '--watch', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    this.child.stdout!.on('data', (d) => this.changed(() => (this.stdout += d)));
    this.child.stderr!.on('data', (d) => this.changed(() => (this.stderr += d)));
  }

  private changed(apply: () => void): void {
    apply();
    for (const w of this.waiters.splice(0)) w();
  }

  reports(): string[] {
    const out: string[] = [];
    let current = '';
    for (const line of this.stdout.split(/(?<=\n)/)) {
      current += line;
      if (!line.endsWith('\n') || !SUMMARY.test(line.trimEnd())) continue;
      out.push(current);
      current = '';
    }
    return out;
  }

  /** Waits until `ready()` holds, failing after `ms`. */
  async until(ready: () => boolean, what: string, ms = 20000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      await new Promise<void>((done) => {
        this.waiters.push(done);
        setTimeout(done, 100);
      });
    }
  }

  watching(n: number): boolean {
    return (this.stderr.match(/^roadmark: watching for changes \(Ctrl\+C to stop\)$/gm) ?? []).length >= n;
  }

  async interrupt(): Promise<number | null> {
    const exited = new Promise<number | null>((done) => this.child.once('exit', (code) => done(code)));
    this.child.kill('SIGINT');
    return exited;
  }
}

describe('roadmark check --watch (dist/cli.js)', function () {
  this.timeout(60000);
  let root: string;
  let running: Watch | undefined;
  beforeEach(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    root = mkdtempSync(join(tmpdir(), 'roadmark-watch-'));
    mkdirSync(join(root, 'plans/sub'), { recursive: true });
    writeFileSync(join(root, '.roadmark.yaml'), CONFIG);
    writeFileSync(join(root, 'plans/demo.project.md'), PLAN);
  });
  afterEach(() => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    running = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  for (const mode of ['native', 'poll'] as const) {
    it(`reports again after an edit, a new file and a removal, and exits 0 on Ctrl+C (${mode})`, async () => {
      const w = (running = new Watch(['plans'], root, mode === 'poll' ? { ROADMARK_WATCH: 'poll' } : {}));
      await w.until(() => w.watching(1), 'the first report');
      assert.equal(w.reports().length, 1);
      assert.match(w.reports()[0], /^No problems \(1 plan file, 2 items, today 2026-11-23\)\n$/);

      writeFileSync(join(root, 'plans/demo.project.md'), PLAN.replace('2027-01-10', '2026-11-01'));
      await w.until(() => w.reports().length >= 2 && w.watching(2), 'the report after the edit');
      const second = w.reports()[1];
      assert.match(second, /^plans\/demo\.project\.md:5:4 {2}warning {2}Milestone 'Pilot' was due 2026-11-01 \(22 days ago\) and is not done {2}overdue$/m);
      assert.match(second, /1 problem \(0 errors, 1 warning, 0 infos\) in 1 plan file, 2 items/);
      assert.ok(!w.stdout.includes('\u001b['), 'no screen clearing off a terminal');

      // A new file in a new folder, then that file removed.
      mkdirSync(join(root, 'plans/sub/deeper'));
      writeFileSync(join(root, 'plans/sub/deeper/b.project.md'), PLAN.replace(/demo/g, 'b').replace('pilot', 'b1'));
      await w.until(() => w.reports().some((r) => r.includes('2 plan files, 4 items')) && w.watching(3), 'the report with the new file');
      unlinkSync(join(root, 'plans/sub/deeper/b.project.md'));
      await w.until(() => w.reports().at(-1)!.includes('1 plan file, 2 items'), 'the report after the removal');

      assert.equal(await w.interrupt(), 0);
      assert.ok(!/error|Error/.test(w.stderr), w.stderr);
    });
  }

  it('reads the config again when it changes, and reports a broken one without stopping', async () => {
    const w = (running = new Watch(['plans'], root));
    await w.until(() => w.watching(1), 'the first report');
    writeFileSync(join(root, '.roadmark.yaml'), CONFIG.replace('2026-11-23', '2027-02-01'));
    await w.until(() => w.reports().length >= 2, 'the report after the config change');
    assert.match(w.reports()[1], /overdue/);
    assert.match(w.reports()[1], /today 2027-02-01/);
    await w.until(() => w.watching(2), 'watching again');
    writeFileSync(join(root, '.roadmark.yaml'), CONFIG.replace('unlinked', 'overdew'));
    await w.until(() => /Unknown rule 'overdew'/.test(w.stderr), 'the config problem');
    assert.match(w.stderr, /^roadmark: \.roadmark\.yaml:3:3: Unknown rule 'overdew': did you mean 'overdue'\? \(fix it, and the check runs again\)$/m);
    writeFileSync(join(root, '.roadmark.yaml'), CONFIG);
    await w.until(() => w.reports().length >= 3, 'the report after the fix');
    assert.match(w.reports().at(-1)!, /^No problems/);
    assert.equal(await w.interrupt(), 0);
  });

  it('watches a file named on the command line, and SIGTERM ends it with exit 0 too', async () => {
    const w = (running = new Watch(['plans/demo.project.md', '--format', 'json'], root));
    await w.until(() => w.watching(1), 'the first report');
    writeFileSync(join(root, 'plans/demo.project.md'), PLAN.replace('Pilot', 'Pilot two'));
    // stdout and stderr are separate pipes: the second report may arrive after the second "watching".
    const documents = () => w.stdout.trim().split(/\n(?=\{)/).filter((d) => d.trim().endsWith('}'));
    await w.until(() => w.watching(2) && documents().length >= 2, 'the second report');
    const docs = documents().map((d) => JSON.parse(d) as { items: number });
    assert.equal(docs.length, 2);
    const exited = new Promise<number | null>((done) => w.child.once('exit', (code) => done(code)));
    w.child.kill('SIGTERM');
    assert.equal(await exited, 0);
  });

  it('refuses --watch on other commands, as it refuses a bad option', async () => {
    const r = spawn(process.execPath, [CLI, 'list', '--watch'], { cwd: root });
    let stderr = '';
    r.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((done) => r.on('exit', done));
    assert.equal(code, 2);
    assert.equal(stderr, 'roadmark: --watch applies to check only (see roadmark check --help)\n');
  });
});
