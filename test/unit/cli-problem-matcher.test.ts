/**
 * The `$roadmark` problem matcher (package.json contributes.problemMatchers) against the CLI's
 * real text output: every diagnostic line is matched, into the same file, place, severity,
 * message and rule as `--format json` gives; nothing else is. VS Code matches with JavaScript
 * regular expressions on lines stripped of ANSI escapes, as done here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHECKING, WATCHING } from '../../src/cli/watch';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

interface Matcher {
  name: string;
  owner: string;
  fileLocation: string[];
  pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number };
  background?: { activeBegin: boolean; beginsPattern: string; endsPattern: string };
}

const matchers = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { problemMatchers: Matcher[] } }).contributes.problemMatchers;
// eslint-disable-next-line no-control-regex -- stripping ANSI escapes is the point
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the $roadmark problem matcher on real CLI output', () => {
  let root: string;
  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    root = mkdtempSync(join(tmpdir(), 'roadmark-matcher-'));
    const files: Record<string, string> = {
      '.roadmark.yaml': 'today: 2026-11-23\n',
      'plans/glow.roadmap.md': '---\ntype: roadmap\nid: glow\n---\n## Goal: Retention {#retention}\n### Initiative: Later  thing {#later horizon=now target=2027-Q1}\n### Initiative: Loose {#loose}\n',
      'plans/with space/roll:out.project.md': '---\ntype: project\nid: rollout\ndelivers: nowhere\n---\n## Milestone: Pilot  "two  spaces" {#pilot due=2026-11-11}\n## Milestone: Soon {#soon due=2026-11-30}\n- [ ] a\n- [ ] b\n## Milestone: Bad {#bad due=2026-02-30 owne=x}\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('is contributed as $roadmark (and $roadmark-watch), paths relative to the task\'s folder', () => {
    assert.deepEqual(matchers.map((m) => m.name), ['roadmark', 'roadmark-watch']);
    for (const m of matchers) {
      assert.equal(m.owner, 'roadmark');
      assert.deepEqual(m.fileLocation, ['relative', '${cwd}']);
    }
    assert.deepEqual(matchers[1].pattern, matchers[0].pattern, 'the watch matcher reads the same lines');
  });

  it('matches every diagnostic line of `roadmark check`, plain and coloured, into what --format json says', () => {
    const json = JSON.parse(run(['check', 'plans', '--format', 'json'], root).stdout) as { diagnostics: { file: string; line: number; column: number; severity: string; message: string; rule: string }[] };
    const severities = new Set(json.diagnostics.map((d) => d.severity));
    assert.deepEqual([...severities].sort(), ['error', 'info', 'warning'], 'the fixture has every severity');
    const { pattern } = matchers[0];
    const regexp = new RegExp(pattern.regexp);
    // Titles are read with their spaces collapsed, but a value quoted in a message may keep two: the rule is the last word.
    assert.deepEqual(regexp.exec("a b/c:d.md:3:14  error  Unknown status 'in  flight'  on x  invalid-value")?.slice(1), ['a b/c:d.md', '3', '14', 'error', "Unknown status 'in  flight'  on x", 'invalid-value']);
    for (const args of [['check', 'plans', '--no-color'], ['check', 'plans', '--color']]) {
      const r = run(args, root);
      assert.equal(r.code, 1);
      const lines = r.stdout.split('\n').map(stripAnsi);
      const found = lines.flatMap((line) => {
        const m = regexp.exec(line);
        return m ? [{ file: m[pattern.file], line: Number(m[pattern.line]), column: Number(m[pattern.column]), severity: m[pattern.severity], message: m[pattern.message], rule: m[pattern.code] }] : [];
      });
      assert.deepEqual(found, json.diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, message: d.message, rule: d.rule })), args.join(' '));
      assert.equal(lines.filter((l) => l !== '' && !regexp.test(l)).length, 1, 'the summary line is the only other line, and is not matched');
    }
  });

  it('the watch matcher\'s begin and end patterns are the lines check --watch prints', () => {
    const { background } = matchers[1];
    assert.ok(background?.activeBegin, 'active from the start: the first check runs before any change');
    assert.match(CHECKING, new RegExp(background.beginsPattern));
    assert.match(WATCHING, new RegExp(background.endsPattern));
    assert.doesNotMatch(WATCHING, new RegExp(background.beginsPattern));
  });
});
