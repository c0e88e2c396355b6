import assert from 'node:assert/strict';
import { RULE_IDS } from '../../src/core/rules/index';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';

const CLI = resolve(__dirname, '../../dist/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const FILES = {
  '.roadmark.yaml': 'today: 2026-11-23\n',
  'plans/glow.roadmap.md': '---\ntype: roadmap\nid: glow\n---\n## Goal: Retention {#retention}\n### Initiative: Skincare line {#skincare-line target=2027-Q1 horizon=now}\n',
  'plans/rollout.project.md': '---\ntype: project\nid: rollout\ndelivers: skincare-line\n---\n## Milestone: Pilot {#pilot due=2026-11-11}\n## Milestone: Launch {#launch due=2027-04-15 depends=pilot}\n',
  'plans/broken.project.yaml': 'type: project\nid: broken\ndelivers: nowhere\n',
  'node_modules/x/ignored.project.md': '## Milestone: Ignored {#ignored due=2000-01-01}\n',
  'README.md': '# Not a plan\n',
};

describe('roadmark CLI (dist/cli.js)', function () {
  let root: string;
  before(() => {
    assert.ok(existsSync(CLI), `dist/cli.js is missing: run \`npm run build\` first (npm test does)`);
    root = mkdtempSync(join(tmpdir(), 'roadmark-cli-'));
    write(root, FILES);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('check --format json prints the spec object, sorted, with paths relative to the cwd', () => {
    const r = run(['check', 'plans', '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    assert.equal(out.today, '2026-11-23', 'today from the config found above the path');
    assert.equal(out.files, 3);
    assert.equal(out.items, 7);
    assert.deepEqual(out.diagnostics.map((d: { file: string; line: number; column: number; rule: string }) => `${d.file}:${d.line}:${d.column} ${d.rule}`), [
      'plans/broken.project.yaml:3:11 broken-link',
      'plans/rollout.project.md:6:4 overdue',
      'plans/rollout.project.md:7:31 after-target',
    ]);
    const overdue = out.diagnostics[1];
    assert.deepEqual(Object.keys(overdue), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'item', 'message']);
    assert.equal(overdue.message, "Milestone 'Pilot' was due 2026-11-11 (12 days ago) and is not done");
    assert.deepEqual([overdue.endLine, overdue.endColumn], [6, 44], 'the heading text');
  });

  it('check text output looks like a compiler, with a summary line and no colour off a terminal', () => {
    const r = run(['check', 'plans'], root);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], "plans/broken.project.yaml:3:11  error  Project 'broken' delivers 'nowhere', which is not defined  broken-link");
    assert.match(lines[lines.length - 1], /^3 problems \(1 error, 2 warnings, 0 infos\) in 3 plan files, 7 items, today 2026-11-23$/);
    assert.ok(!r.stdout.includes('\u001b['), 'no ANSI colour when not a TTY');
    assert.ok(run(["check", "plans", "--color"], root).stdout.includes("\u001b[31merror"), "red errors with --color");
  });

  it('check --format sarif is valid SARIF 2.1.0 with rules, help and help URIs', () => {
    const r = run(['check', 'plans', '--format', 'sarif'], root);
    const sarif = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const valid = ajv.validate(schema, JSON.parse(r.stdout));
    assert.ok(valid, JSON.stringify(ajv.errors?.slice(0, 5)));
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.rules.length, RULE_IDS.length);
    for (const rule of run0.tool.driver.rules) {
      assert.match(rule.helpUri, /^https:\/\/.+\/docs\/rules\/[a-z-]+\.md$/);
      assert.ok(rule.help.text.length > 10);
    }
    assert.equal(run0.results.length, 3);
    const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'after-target');
    assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'after-target');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'plans/rollout.project.md');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 7, startColumn: 31, endLine: 7, endColumn: 45 });
    assert.equal(result.relatedLocations[0].physicalLocation.artifactLocation.uri, 'plans/glow.roadmap.md');
  });

  it('check --format github prints workflow commands', () => {
    const r = run(['check', 'plans', '--format', 'github'], root);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[0], "::error file=plans/broken.project.yaml,line=3,col=11,endLine=3,endColumn=18,title=roadmark broken-link::Project 'broken' delivers 'nowhere', which is not defined");
    assert.match(lines[1], /^::warning file=plans\/rollout\.project\.md,line=6,col=4,/);
  });

  it('exit codes: 0 without errors, 1 over --max-warnings, --quiet shows errors only', () => {
    const healthy = ['check', 'plans/rollout.project.md', 'plans/glow.roadmap.md'];
    assert.equal(run(healthy, root).code, 0, 'two warnings, no error');
    assert.equal(run([...healthy, '--max-warnings', '1'], root).code, 1);
    assert.equal(run([...healthy, '--max-warnings', '2'], root).code, 0);
    const quiet = run(['check', 'plans', '--quiet', '--format', 'json'], root);
    assert.deepEqual(JSON.parse(quiet.stdout).diagnostics.map((d: { rule: string }) => d.rule), ['broken-link']);
  });

  it('--today overrides the config', () => {
    const out = JSON.parse(run(['check', 'plans', '--today', '2026-11-01', '--format', 'json'], root).stdout);
    assert.equal(out.today, '2026-11-01');
    assert.ok(!out.diagnostics.some((d: { rule: string }) => d.rule === 'overdue'));
  });

  it('skips node_modules and files that are not plans', () => {
    const out = JSON.parse(run(['list', '.', '--format', 'json'], root).stdout);
    assert.deepEqual(out.items.map((i: { id: string }) => i.id).sort(), ['broken', 'glow', 'launch', 'pilot', 'retention', 'rollout', 'skincare-line']);
  });

  it('list prints one item per line, in the Roadmap tree\'s order', () => {
    const r = run(['list', 'plans'], root);
    assert.equal(r.code, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 7);
    assert.deepEqual(lines.map((l) => l.split('\t').slice(1, 3).join(' ')), [
      'roadmap glow', '  goal retention', '    initiative skincare-line', '      project rollout', '        milestone pilot', '        milestone launch',
      'project broken',
    ]);
    assert.match(lines[6], /^plans\/broken\.project\.yaml:2:5\tproject\tbroken\tplanned\t-\tbroken$/);
  });

  it('exits 2 with a one-line reason on bad options, paths, dates and config', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--format', 'xml'], /unknown format 'xml'/],
      [['check', '--bogus'], /unknown option '--bogus'/],
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['check', 'missing-folder'], /cannot read 'missing-folder': no such file or directory/],
      [['check', '--today', '2026-02-30'], /--today needs a date/],
      [['check', '--max-warnings', 'many'], /--max-warnings needs a whole number/],
      [['check', '--config', 'nope.yaml'], /cannot read config 'nope.yaml'/],
      [['timeline', '--out', 'plan.pdf'], /timeline writes .html or .svg/],
      [['timeline', '--zoom', 'decade'], /unknown zoom 'decade'/],
    ];
    for (const [args, message] of cases) {
      const r = run(args, root);
      assert.equal(r.code, 2, `${args.join(' ')} → ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, 'one line');
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    }
  });

  it('exits 2 on a bad config, naming the file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmark-badcfg-'));
    write(dir, { '.roadmark.yaml': 'today: 2026-11-23\nrules:\n  overdew: error\n', 'a.project.md': '' });
    const r = run(['check', '.'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "roadmark: .roadmark.yaml:3:3: Unknown rule 'overdew': did you mean 'overdue'?\n");
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same result with and without worker threads', () => {
    const a = run(['check', 'plans', '--format', 'json', '--jobs', '0'], root).stdout;
    const b = run(['check', 'plans', '--format', 'json', '--jobs', '2'], root).stdout;
    assert.equal(a, b);
  });

  it('prints help and version', () => {
    assert.match(run(['--help'], root).stdout, /Usage: roadmark <command>/);
    assert.match(run(['--version'], root).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('a bare roadmark prints the short help on stderr and exits 2 (a command is required)', () => {
    const r = run([], root);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Usage: roadmark <command> \[PATH\.\.\.\] \[options\]\n\nCommands:\n {2}check /);
    for (const command of ['check', 'list', 'drift', 'init', 'timeline', 'export']) assert.match(r.stderr, new RegExp(`\n {2}${command} `));
    assert.match(r.stderr, /Run 'roadmark --help' for the options/);
    assert.ok(!r.stderr.includes('(see --help)'), 'no doubled pointer');
    assert.ok(!r.stderr.includes('Options:'), 'the short help, not the whole');
  });

  it('every error message starts in lower case after "roadmark: ", with one pointer to the help', () => {
    for (const args of [['check', '--bogus'], ['check', '--format'], ['frobnicate'], ['list', '--kind', 'epic'], ['check', '--jobs', 'x'], ['check', 'missing-folder'], ['init', 'a', 'b']]) {
      const r = run(args, root);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^roadmark: [a-z-]/, r.stderr);
      assert.ok((r.stderr.match(/\(see /g) ?? []).length <= 1, r.stderr);
    }
  });
});

describe('roadmark timeline (dist/cli.js)', () => {
  it('writes a self-contained HTML page with a CSP nonce, and a whole-plan SVG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmark-timeline-'));
    const html = join(dir, 't.html');
    const svg = join(dir, 't.svg');
    assert.equal(spawnSync(process.execPath, [CLI, 'timeline', 'examples', '--out', html]).status, 0);
    assert.equal(spawnSync(process.execPath, [CLI, 'timeline', 'examples', '--out', svg, '--zoom', 'quarter']).status, 0);
    const page = readFileSync(html, 'utf8');
    const nonce = /script-src 'nonce-([^']+)'/.exec(page)?.[1];
    assert.ok(nonce, 'CSP with a script nonce');
    assert.ok(page.includes(`<script nonce="${nonce}">`));
    assert.ok(!/<script[^>]+src=|<link[^>]+href=|https?:\/\//.test(page.replace(/"https?:\/\/[^"]*"/g, '')), 'no external resources');
    const image = readFileSync(svg, 'utf8');
    assert.match(image, /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok((image.match(/class="bar/g) ?? []).length > 5);
  });
});

describe('roadmark check --cache (dist/cli.js)', () => {
  it('gives the same report from the cache, re-reads a changed file, and ignores a broken cache', () => {
    const root = mkdtempSync(join(tmpdir(), 'roadmark-cache-'));
    write(root, FILES);
    const plain = run(['check', 'plans', '--format', 'json'], root).stdout;
    const first = run(['check', 'plans', '--format', 'json', '--cache'], root);
    assert.equal(first.stdout, plain);
    assert.ok(existsSync(join(root, '.roadmarkcache')), 'the cache is written next to the cwd');
    assert.equal(run(['check', 'plans', '--format', 'json', '--cache'], root).stdout, plain, 'warm run, same report');
    writeFileSync(join(root, 'plans/rollout.project.md'), FILES['plans/rollout.project.md'].replace('due=2026-11-11', 'due=2026-12-11'));
    const changed = JSON.parse(run(['check', 'plans', '--format', 'json', '--cache'], root).stdout) as { diagnostics: { rule: string }[] };
    assert.ok(!changed.diagnostics.some((d) => d.rule === 'overdue'), 'the edited file was parsed again');
    writeFileSync(join(root, '.roadmarkcache'), '{"format": 1, "version": ');
    const recovered = run(['check', 'plans', '--format', 'json', '--cache'], root);
    assert.equal(recovered.code, 1);
    assert.equal(recovered.stdout, JSON.stringify(changed, null, 2) + '\n');
  });
});
