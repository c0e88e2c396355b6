/** `roadmark init`: a starter plan that checks clean, written once and never over a file that exists. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { starterValues } from '../../src/cli/init';
import { day } from './helpers';

const CLI = resolve(__dirname, '../../dist/cli.js');
const STARTER = ['.roadmark.yaml', 'plans/product.roadmap.md', 'plans/first-project.project.md'];

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('roadmark init (dist/cli.js)', () => {
  let root: string;
  beforeEach(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    root = mkdtempSync(join(tmpdir(), 'roadmark-init-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes a roadmap, a project and .roadmark.yaml that check reads with no problem at all', () => {
    const r = run(['init', '--today', '2026-11-23'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, STARTER.map((f) => `created ${f}\n`).join('') + "Next: edit the plans, then run 'roadmark check'\n");
    for (const f of STARTER) assert.ok(existsSync(join(root, f)), f);
    const check = run(['check', '--today', '2026-11-23', '--format', 'json'], root);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    const out = JSON.parse(check.stdout) as { files: number; items: number; diagnostics: unknown[] };
    assert.deepEqual([out.files, out.diagnostics], [2, []]);
    assert.equal(out.items, 8);
    const list = run(['list', '--format', 'json'], root);
    assert.deepEqual((JSON.parse(list.stdout) as { items: { id: string }[] }).items.map((i) => i.id).slice(0, 4), ['product', 'retention', 'first-initiative', 'first-project'], 'the project delivers the initiative');
  });

  it('checks clean on any day of the year it is written', () => {
    for (const today of ['2026-01-01', '2026-03-31', '2026-06-30', '2026-07-01', '2026-09-30', '2026-12-31', '2028-02-29']) {
      const dir = join(root, today);
      assert.equal(run(['init', dir, '--today', today], root).code, 0);
      const check = run(['check', dir, '--today', today, '--format', 'json'], root);
      assert.deepEqual(JSON.parse(check.stdout).diagnostics, [], today);
    }
  });

  it('never overwrites: a file that exists is reported and kept; exit 0, also when everything exists', () => {
    mkdirSync(join(root, 'plans'));
    writeFileSync(join(root, 'plans/product.roadmap.md'), 'mine\n');
    const r = run(['init'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^created \.roadmark\.yaml\nkept plans\/product\.roadmap\.md \(it exists; not overwritten\)\ncreated plans\/first-project\.project\.md\n/);
    assert.equal(readFileSync(join(root, 'plans/product.roadmap.md'), 'utf8'), 'mine\n');
    assert.match(readFileSync(join(root, 'plans/first-project.project.md'), 'utf8'), /^# delivers: <initiative id from your roadmap>$/m, 'no link to an initiative that is not there');
    const again = run(['init'], root);
    assert.equal(again.code, 0);
    assert.equal(again.stdout, STARTER.map((f) => `kept ${f} (it exists; not overwritten)\n`).join('') + 'Nothing to do: every starter file is already there\n');
  });

  it('writes into a folder given (creating it), and no .roadmark.yaml next to a .roadmark.yml', () => {
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs/.roadmark.yml'), 'riskWindowDays: 7\n');
    const r = run(['init', 'docs/plan'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^created docs\/plan\/\.roadmark\.yaml\n.*'roadmark check docs\/plan'\n$/s);
    const yml = run(['init', 'docs'], root);
    assert.match(yml.stdout, /^kept docs\/\.roadmark\.yml \(a config exists; \.roadmark\.yaml not written\)\ncreated docs\/plans\/product\.roadmap\.md\n/);
    assert.ok(!existsSync(join(root, 'docs/.roadmark.yaml')));
  });

  it('exits 2 with one line when it cannot write', () => {
    writeFileSync(join(root, 'file'), '');
    const blocked = run(['init', 'file'], root);
    assert.equal(blocked.code, 2);
    assert.equal(blocked.stderr, "roadmark: cannot create 'file': a file is in the way\n");
    if (process.platform !== 'win32' && process.getuid?.() !== 0) {
      mkdirSync(join(root, 'ro'));
      chmodSync(join(root, 'ro'), 0o500);
      const denied = run(['init', 'ro'], root);
      assert.equal(denied.code, 2);
      assert.match(denied.stderr, /^roadmark: cannot write 'ro\/\.roadmark\.yaml': permission denied\n$/);
    }
    assert.equal(run(['init', '--format', 'json'], root).code, 2);
  });

  it('dates the starter from today: the next quarter\'s end, the end of the half after it', () => {
    assert.deepEqual(starterValues(day('2026-11-23')), { today: '2026-11-23', owner: 'you', kickoff: '2026-12-21', nextQuarter: '2027-03-31', nextHalf: '2027-06-30' });
    assert.deepEqual(starterValues(day('2026-02-10')), { today: '2026-02-10', owner: 'you', kickoff: '2026-03-10', nextQuarter: '2026-06-30', nextHalf: '2026-12-31' });
  });
});
