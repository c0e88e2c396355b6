/**
 * The CLI against hostile or odd input: FIFOs and devices, huge files, link loops, files that
 * vanish, bad encodings, control characters in plan text, a reader that stops early, and
 * options out of range. Each case is the reproducer of a bug it once had.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, unlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findCandidates } from '../../src/cli/files';
import { parseCandidates } from '../../src/cli/load';

const CLI = resolve(__dirname, '../../dist/cli.js');

function run(args: string[], cwd: string, timeout = 15000) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

function write(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const PLAN = '---\ntype: project\nid: ok\n---\n## Milestone: Fine {#fine due=2099-01-01}\n';
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { files: number; items: number; diagnostics: { file: string; line: number; column: number; rule: string; severity: string; message: string }[] };
const posix = process.platform !== 'win32';
/** Any control character but the line feeds that end lines. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

describe('roadmark CLI on odd files (dist/cli.js)', function () {
  let root: string;
  beforeEach(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    root = mkdtempSync(join(tmpdir(), 'roadmark-odd-'));
    write(root, { '.roadmark.yaml': 'today: 2026-11-23\n', 'ok.project.md': PLAN });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  (posix ? it : it.skip)('refuses a FIFO or a device named on the command line at once (exit 2, one line), and skips a FIFO in a folder', () => {
    spawnSync('mkfifo', [join(root, 'pipe.project.md')]);
    const named = run(['check', 'pipe.project.md'], root, 5000);
    assert.equal(named.signal, null, 'did not block');
    assert.equal(named.code, 2);
    assert.equal(named.stderr, "roadmark: cannot read 'pipe.project.md': it is a named pipe (FIFO), not a file or folder\n");
    const zero = run(['check', '/dev/zero'], root, 5000);
    assert.equal(zero.signal, null, 'did not read forever');
    assert.equal(zero.code, 2);
    assert.equal(zero.stderr, "roadmark: cannot read '/dev/zero': it is a character device, not a file or folder\n");
    const walked = run(['check', '.', '--format', 'json'], root, 5000);
    assert.equal(walked.signal, null, 'did not block');
    assert.equal(walked.code, 0, walked.stderr);
    assert.equal(json(walked).files, 1, 'the FIFO is skipped, the plan read');
  });

  it('reports a file over the size limit as a parse-error on it without reading it whole', () => {
    const fd = openSync(join(root, 'huge.project.md'), 'w');
    ftruncateSync(fd, 1100 * 1024 * 1024); // sparse: 1.1 GB on paper, nothing on disk
    closeSync(fd);
    const r = run(['check', '.', '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    assert.ok(r.ms < 5000, `took ${r.ms} ms`);
    const out = json(r);
    assert.equal(out.files, 2, 'the rest is still reported');
    assert.deepEqual(out.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line, d.column, d.rule, d.message]), [
      ['huge.project.md', 1, 1, 'parse-error', 'This file is 1100.0 MB, over the 4 MB limit for a plan file; it was not read'],
    ]);
  });

  (posix ? it : it.skip)('ends on symbolic-link loops and reads a linked folder once', () => {
    write(root, { 'plans/a.project.md': PLAN.replace(/ok/g, 'a').replace('fine', 'a1') });
    symlinkSync('..', join(root, 'plans/up'));
    symlinkSync('.', join(root, 'plans/self'));
    symlinkSync('loop-b', join(root, 'loop-a'));
    symlinkSync('loop-a', join(root, 'loop-b'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'roadmark-linked-'));
    write(elsewhere, { 'shared.project.md': PLAN.replace(/ok/g, 'shared').replace('fine', 's1') });
    symlinkSync(elsewhere, join(root, 'shared'));
    symlinkSync(root, join(elsewhere, 'back'));
    try {
      const r = run(['check', '.', '--format', 'json'], root, 10000);
      assert.equal(r.signal, null, 'terminated');
      assert.equal(r.code, 0, r.stderr);
      assert.equal(json(r).files, 3, 'each plan once (no duplicate ids from the loops), the linked folder included');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('reports a file deleted between listing and reading as "no such file", the rest still read', async () => {
    write(root, { 'gone.project.md': PLAN.replace(/ok/g, 'gone') });
    const candidates = findCandidates(['.'], { root, include: [], exclude: [], cwd: root });
    assert.deepEqual(candidates.map((c) => c.shown), ['gone.project.md', 'ok.project.md']);
    unlinkSync(join(root, 'gone.project.md'));
    const files = await parseCandidates(candidates, 1);
    assert.deepEqual(files.map((f) => [f.path, f.problems.map((p) => `${p.rule}: ${p.message}`)]), [
      ['gone.project.md', ['parse-error: Cannot read this file: no such file']],
      ['ok.project.md', []],
    ]);
  });

  it('reads UTF-8 with one or two BOMs and UTF-16 with a BOM; reports Latin-1 and binary plan files at their start', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN.replace(/ok/g, 'wide').replace('fine', 'w1'), 'utf16le')]);
    write(root, {
      'bom.project.md': Buffer.concat([Buffer.from(bom), Buffer.from(PLAN.replace(/ok/g, 'bom').replace('fine', 'b1'))]),
      'bom2.project.md': Buffer.concat([Buffer.from([...bom, ...bom]), Buffer.from(PLAN.replace(/ok/g, 'bom2').replace('fine', 'b2'))]),
      'wide.project.md': utf16le,
      'latin.project.md': Buffer.from('---\ntype: project\n---\n## Milestone: Caf\u00e9 {#cafe}\n', 'latin1'),
      'image.roadmap.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'notes/latin-plan.yaml': Buffer.from('type: roadmap\ntitle: R\u00e9sum\u00e9\n', 'latin1'),
      'notes/latin-readme.md': Buffer.from('# R\u00e9sum\u00e9, not a plan\n', 'latin1'),
      'notes/logo.md': Buffer.from([0, 1, 2, 3]),
    });
    const r = run(['check', '.', '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    const out = json(r);
    assert.deepEqual(out.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}: ${d.message}`), [
      'image.roadmap.md:1:1 parse-error: This file is binary, not text: a plan file must be Markdown or YAML text',
      'latin.project.md:1:1 parse-error: This file is not valid UTF-8 (byte 39): save it as UTF-8',
      'notes/latin-plan.yaml:1:1 parse-error: This file is not valid UTF-8 (byte 22): save it as UTF-8',
    ]);
    assert.equal(out.files, 7, 'ok, bom, bom2, wide, latin, image, latin-plan; not the README or the binary logo');
    const list = JSON.parse(run(['list', '.', '--format', 'json'], root).stdout) as { items: { id: string; file: string; line: number; column: number }[] };
    const at = (id: string) => list.items.find((i) => i.id === id);
    assert.deepEqual([at('b1')?.line, at('b1')?.column], [5, 4], 'offsets as the editor shows them, after the BOM');
    assert.deepEqual([at('b2')?.line, at('b2')?.column], [5, 4], 'a doubled BOM as well');
    assert.deepEqual([at('w1')?.file, at('w1')?.line], ['wide.project.md', 5], 'UTF-16 LE read as text');
  });

  it('never lets control characters in plan text reach the terminal raw', () => {
    write(root, {
      'evil.project.yaml': 'type: project\nid: evil\nmilestones:\n  - id: m\n    title: "\\e[31mFAKE\\nfile.md:1:1: error fake\\u2028\\u009b2J\\ttab"\n    due: 2000-01-01\n',
    });
    const text = run(['check', 'evil.project.yaml'], root);
    const lines = text.stdout.split('\n').filter((l) => l.includes('overdue'));
    assert.equal(lines.length, 1, text.stdout);
    assert.equal(lines[0], "evil.project.yaml:4:9  warning  Milestone '\\x1b[31mFAKE\\nfile.md:1:1: error fake\\u2028\\x9b2J\\ttab' was due 2000-01-01 (9823 days ago) and is not done  overdue");
    assert.ok(!RAW_CONTROL.test(text.stdout), 'no raw control but the line ends');
    const github = run(['check', 'evil.project.yaml', '--format', 'github'], root).stdout;
    assert.equal(github.trimEnd().split('\n').filter((l) => l.includes('overdue')).length, 1);
    assert.ok(!RAW_CONTROL.test(github), github);
    assert.ok(github.includes("::Milestone '\\x1b[31mFAKE\\nfile.md:1:1: error fake\\u2028"), 'visible escapes; `:` kept in data');
    const list = run(['list', 'evil.project.yaml'], root).stdout;
    assert.equal(list.trimEnd().split('\n').length, 2, 'project and milestone, one line each');
    assert.equal(list.split('\n')[1].split('\t').length, 6, 'a tab in the title does not add a column');
    for (const format of ['json', 'sarif']) {
      const out = run(['check', 'evil.project.yaml', '--format', format], root).stdout;
      assert.ok(!RAW_CONTROL.test(out), `${format}: only escapes`);
      assert.ok(JSON.stringify(JSON.parse(out)).includes('\\u001b[31mFAKE\\nfile.md'), `${format}: the title survives`);
    }
  });

  it('escapes `%`, CR and LF in github data, and also `:` and `,` in properties', async () => {
    const { escapeData, escapeProperty } = await import('../../src/cli/format/github');
    assert.equal(escapeData('50% done\r\nnext'), '50%25 done\\r\\nnext');
    assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
  });
});

describe('roadmark CLI options and output (dist/cli.js)', function () {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'roadmark-opts-'));
    const many = Array.from({ length: 3000 }, (_, i) => `## Milestone: Late ${i} {#m${i} due=2000-01-01}\n`).join('');
    write(root, { '.roadmark.yaml': 'today: 2026-11-23\n', 'plans/a.project.md': PLAN, 'plans/b.project.md': PLAN.replace(/ok/g, 'b').replace('fine', 'b1'), 'plans/c.project.md': PLAN.replace(/ok/g, 'c').replace('fine', 'c1'), 'plans/d.project.md': PLAN.replace(/ok/g, 'd').replace('fine', 'd1'), 'big/late.project.md': `---\ntype: project\nid: late\n---\n${many}`, 'notes/meeting.md': '# Notes\nNothing planned here.\n', 'empty/.keep': '' });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('--jobs takes 0 to 64 and never starts more threads than files', () => {
    for (const bad of ['1000', '65', 'many', '1.5', '=-3']) {
      const r = run(['check', 'plans', bad.startsWith('=') ? `--jobs${bad}` : '--jobs', ...(bad.startsWith('=') ? [] : [bad])], root);
      assert.equal(r.code, 2, bad);
      assert.equal(r.stderr, `roadmark: --jobs needs a whole number from 0 to 64, not '${bad.replace('=', '')}' (see roadmark --help)\n`);
    }
    const one = run(['check', 'plans', '--format', 'json', '--jobs', '1'], root);
    const most = run(['check', 'plans', '--format', 'json', '--jobs', '64'], root);
    assert.equal(most.code, 0, most.stderr);
    assert.equal(most.stdout, one.stdout);
    assert.ok(most.ms < 3000, `--jobs 64 on 4 files took ${most.ms} ms`);
  });

  (posix ? it : it.skip)('exits quietly when the reader stops early (| head -1)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check big | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd: root, encoding: 'utf8' });
    assert.match(r.stdout, /^big\/late\.project\.md:\d+:\d+ {2}warning {2}/);
    assert.equal(r.stdout.split('\n').length, 2, 'one line');
    assert.equal(r.stderr, 'exit=0\n', 'no EPIPE stack trace; the exit code of the run');
  });

  it('exits quietly when stdout is closed under it', async () => {
    const child = spawn(process.execPath, [CLI, 'check', 'big'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((done) => child.on('close', done));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  it('reads a file named on the command line as a plan even without a plan name', () => {
    const r = run(['check', 'notes/meeting.md', '--format', 'json'], root);
    assert.equal(r.code, 0, r.stderr);
    const out = json(r);
    assert.equal(out.files, 1, 'a file-level result for the named file');
    assert.ok(out.diagnostics.some((d) => d.file === 'notes/meeting.md' && d.severity === 'info'), 'an info on how to make it a plan');
  });

  it('exits 2 when a PATH holds no plan file, unless --allow-empty; a mistyped path is exit 2 too', () => {
    const rule = '(plan files are named *.roadmap.md|yaml or *.project.md|yaml, or have type: roadmap|project)';
    for (const args of [['check', 'empty'], ['check', 'plans', 'empty'], ['list', 'empty'], ['check', 'notes']]) {
      const r = run(args, root);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, `roadmark: no plan files under ${args[args.length - 1]} ${rule}; use --allow-empty if that is expected\n`);
    }
    const allowed = run(['check', 'empty', '--allow-empty', '--format', 'json'], root);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.equal(json(allowed).files, 0);
    const typo = run(['check', 'plnas'], root);
    assert.equal(typo.code, 2);
    assert.equal(typo.stderr, "roadmark: cannot read 'plnas': no such file or directory\n");
  });

  it('prints each command\'s usage with examples, and suggests the command or option meant', () => {
    for (const command of ['check', 'list', 'timeline', 'export']) {
      for (const args of [[command, '--help'], ['help', command], [command, '-h']]) {
        const r = run(args, root);
        assert.equal(r.code, 0);
        assert.match(r.stdout, new RegExp(`^Usage: roadmark ${command} `));
        assert.match(r.stdout, new RegExp(`\nExamples:\n {2}roadmark ${command}`));
      }
    }
    assert.match(run(['--help'], root).stdout, /^Usage: roadmark <command>/);
    assert.ok(run(['--help'], root).stdout.includes('--allow-empty'));
    const cases: [string[], string][] = [
      [['chek'], "roadmark: unknown command 'chek': did you mean 'check'? (see roadmark --help)\n"],
      [['timelin', '--out', 'x.html'], "roadmark: unknown command 'timelin': did you mean 'timeline'? (see roadmark --help)\n"],
      [['zzz'], "roadmark: unknown command 'zzz': use check, list, drift, init, timeline or export (see roadmark --help)\n"],
      [['check', '--formt', 'json'], "roadmark: unknown option '--formt': did you mean '--format'? (see roadmark --help)\n"],
      [['check', '--max-warning', '3'], "roadmark: unknown option '--max-warning': did you mean '--max-warnings'? (see roadmark --help)\n"],
      [['check', '--allow-emtpy'], "roadmark: unknown option '--allow-emtpy': did you mean '--allow-empty'? (see roadmark --help)\n"],
      [['help', 'chek'], "roadmark: unknown command 'chek': did you mean 'check'? (see roadmark --help)\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = run(args, root);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, stderr);
    }
  });

  it('timeline writes HTML to stdout only when stdout is not a terminal', async () => {
    const { parseRequest } = await import('../../src/cli/args');
    assert.throws(() => parseRequest(['timeline'], true, {}), /timeline writes a whole HTML page: give --out FILE\.html \(or FILE\.svg\), or redirect stdout to a file/);
    assert.equal(parseRequest(['timeline', '--out', 't.html'], true, {}).out, 't.html');
    assert.equal(parseRequest(['timeline'], false, {}).out, undefined);
    const piped = run(['timeline', 'plans'], root);
    assert.equal(piped.code, 0, piped.stderr);
    assert.match(piped.stdout, /^<!DOCTYPE html>/i);
  });
});
