/**
 * The rule pages run (as remark-lint tests its docs): every example of docs/rules/<id>.md is
 * written to a temp folder and checked with the built CLI from inside that folder, as a reader
 * would, and what it prints must be the page's output block, exactly.
 *
 * The convention the pages follow (docs/rules/README.md, "Examples"):
 *
 *     <!-- roadmark-example today=2026-11-23 -->
 *     In Markdown:
 *
 *     `a.project.md`            ← a paragraph that is only a code span: the next fence is that file
 *
 *     ```markdown
 *     …the file…
 *     ```
 *
 *     `roadmark check --today 2026-11-23` prints:
 *
 *     ```text                   ← the first fence without a file name: the output; ends the example
 *     …exactly what the CLI prints…
 *     ```
 *
 * A file named `` `a.project.md` at the baseline `` is the file as committed before the example's
 * own files are written: the folder becomes a git repository with that one commit, and the
 * check runs with `--since HEAD` (the `slipped` rule compares with it).
 *
 * With ROADMARK_UPDATE_RULE_DOCS=1 the test writes the actual output into the pages instead of
 * failing (then review the diff).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { RULE_IDS } from '../../src/core/rules/index';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const DOCS = join(ROOT, 'docs/rules');
const UPDATE = process.env.ROADMARK_UPDATE_RULE_DOCS === '1';

interface Fence {
  info: string;
  /** Line index of the opening fence and of the closing one. */
  open: number;
  close: number;
  body: string;
}

export interface Example {
  today: string;
  /** 1-based line of the marker comment, for messages. */
  line: number;
  files: { name: string; text: string }[];
  /** Files as committed at the baseline (`--since HEAD`). */
  baseline: { name: string; text: string }[];
  /** PATHs named on the command line instead of the example's folder. */
  paths?: string[];
  /** The paragraph just before the output block. */
  leadIn: string;
  output: Fence;
}

/** `paths=a.md,b` (optional): the PATHs given to `check` instead of the example's folder. */
const MARKER = /^<!--\s*roadmark-example\s+today=(\d{4}-\d{2}-\d{2})(?:\s+paths=(\S+))?\s*-->$/;
const FILE_NAME = /^`([^`\s]+)`( at the baseline)?$/;

/** The examples of one page, by the convention above; throws on a page that breaks it. */
export function parseExamples(text: string, page: string): Example[] {
  const lines = text.split('\n');
  const examples: Example[] = [];
  let current: Omit<Example, 'output' | 'leadIn'> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i].trim());
    if (marker) {
      if (current) throw new Error(`${page}:${current.line}: an example without an output block before the next one`);
      current = { today: marker[1], line: i + 1, files: [], baseline: [], ...(marker[2] ? { paths: marker[2].split(',') } : {}) };
      continue;
    }
    const open = /^(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const close = lines.findIndex((l, j) => j > i && l.startsWith(open[1]) && l.slice(open[1].length).trim() === '');
    if (close < 0) throw new Error(`${page}:${i + 1}: a code block that is never closed`);
    const fence: Fence = { info: open[2].trim(), open: i, close, body: lines.slice(i + 1, close).join('\n') };
    i = close;
    if (!current) continue;
    // The paragraph before the fence: the nearest non-blank line above it.
    let p = fence.open - 1;
    while (p >= 0 && lines[p].trim() === '') p--;
    const name = FILE_NAME.exec(lines[p]?.trim() ?? '');
    if (name) {
      (name[2] ? current.baseline : current.files).push({ name: name[1], text: fence.body });
    } else {
      if (current.files.length === 0) throw new Error(`${page}:${current.line}: an example with no files before its output block`);
      examples.push({ ...current, leadIn: lines[p]?.trim() ?? '', output: fence });
      current = undefined;
    }
  }
  if (current) throw new Error(`${page}:${current.line}: an example without an output block`);
  return examples;
}

/** Writes the files to a fresh folder and runs `roadmark check <folder> --today` inside it. */
function runExample(example: Example, page: string): { stdout: string; stderr: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'roadmark-rule-docs-'));
  try {
    if (example.baseline.length) commitBaseline(dir, example, page);
    for (const file of example.files) {
      const path = normalize(file.name);
      assert.ok(!isAbsolute(path) && !path.startsWith('..'), `${page}:${example.line}: '${file.name}' must be a relative path inside the example`);
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      assert.ok(!example.files.some((f) => f !== file && normalize(f.name) === path), `${page}:${example.line}: '${file.name}' appears twice in one example`);
      writeFileSync(join(dir, path), `${file.text}\n`);
    }
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    const since = example.baseline.length ? ['--since', 'HEAD'] : [];
    const r = spawnSync(process.execPath, [CLI, 'check', ...(example.paths ?? [dir]), '--today', example.today, ...since], { cwd: dir, encoding: 'utf8', env });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The baseline files in one commit (fixed author and dates, so its hash is the same on every run), then taken out of the folder. */
function commitBaseline(dir: string, example: Example, page: string): void {
  const stamp = `${example.today}T09:00:00Z`;
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Roadmark', GIT_AUTHOR_EMAIL: 'docs@roadmark.invalid', GIT_COMMITTER_NAME: 'Roadmark', GIT_COMMITTER_EMAIL: 'docs@roadmark.invalid', GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp };
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env });
    assert.equal(r.status, 0, `${page}:${example.line}: git ${args.join(' ')} failed: ${r.stderr}`);
  };
  for (const file of example.baseline) {
    mkdirSync(dirname(join(dir, normalize(file.name))), { recursive: true });
    writeFileSync(join(dir, normalize(file.name)), `${file.text}\n`);
  }
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', 'baseline');
  for (const file of example.baseline) rmSync(join(dir, normalize(file.name)));
}

const withoutFinalNewline = (s: string) => s.replace(/\n$/, '');

const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();

describe('rule docs: the examples of docs/rules/*.md print what the pages say', () => {
  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first (npm test does)');
  });

  it('there is one page per rule, and no page for a rule that does not exist', () => {
    assert.deepEqual(pages.map((p) => p.replace(/\.md$/, '')), [...RULE_IDS].sort());
  });

  it('the convention is read correctly: files, today and the output block', () => {
    const page = [
      '<!-- roadmark-example today=2026-11-23 -->', 'In Markdown:', '', '`plans/a.project.md`', '', '```markdown', '---', 'type: project', '---', '```', '',
      '`roadmark check --today 2026-11-23` prints:', '', '```text', 'line one', '', 'summary', '```', '', '```yaml', 'rules: {}', '```',
    ].join('\n');
    const [example, ...more] = parseExamples(page, 'inline');
    assert.equal(more.length, 0, 'a fence after the output block is no part of the example');
    assert.equal(example.today, '2026-11-23');
    assert.deepEqual(example.files, [{ name: 'plans/a.project.md', text: '---\ntype: project\n---' }]);
    assert.equal(example.output.body, 'line one\n\nsummary');
    assert.throws(() => parseExamples('<!-- roadmark-example today=2026-11-23 -->\n`a.project.md`\n\n```yaml\nid: a\n```\n', 'inline'), /without an output block/);
    assert.throws(() => parseExamples('<!-- roadmark-example today=2026-11-23 -->\n\n```text\nout\n```\n', 'inline'), /no files/);
  });

  for (const page of pages) {
    const id = page.replace(/\.md$/, '');
    it(`${page}: every example prints exactly its output block`, () => {
      const path = join(DOCS, page);
      const text = readFileSync(path, 'utf8');
      const examples = parseExamples(text, `docs/rules/${page}`);
      assert.ok(examples.length > 0, `docs/rules/${page} has no example marked with <!-- roadmark-example today=YYYY-MM-DD -->`);
      const problems: string[] = [];
      const updates: { example: Example; actual: string }[] = [];
      for (const example of examples) {
        const where = `docs/rules/${page}:${example.output.open + 1}`;
        const run = runExample(example, `docs/rules/${page}`);
        const actual = withoutFinalNewline(run.stdout);
        if (run.status !== 0 && run.status !== 1) problems.push(`${where}: the CLI exited with ${run.status}: ${run.stderr}`);
        if (run.stderr !== '') problems.push(`${where}: the CLI wrote to stderr:\n${run.stderr}`);
        if (example.baseline.length && !example.leadIn.includes('--since HEAD')) problems.push(`${where}: an example with files at the baseline must say \`--since HEAD\` before its output: '${example.leadIn}'`);
        if (!example.leadIn.includes(`--today ${example.today}`)) {
          problems.push(`${where}: the sentence before the output names another day than the marker's today=${example.today}: '${example.leadIn}'`);
        }
        if (!new RegExp(`  ${id}$`, 'm').test(actual)) problems.push(`${where}: the example does not trigger ${id} at all`);
        if (actual !== withoutFinalNewline(example.output.body)) {
          updates.push({ example, actual });
          problems.push(`${where}: the page's output block is not what \`roadmark check --today ${example.today}\` prints for the example at line ${example.line}.\n`
            + `--- the page says:\n${example.output.body}\n`
            + `--- the CLI prints (paste this over the block):\n\`\`\`${example.output.info}\n${actual}\n\`\`\``);
        }
      }
      if (UPDATE && updates.length) {
        const lines = text.split('\n');
        // Bottom-up, so earlier line numbers stay valid.
        for (const { example, actual } of updates.sort((a, b) => b.example.output.open - a.example.output.open)) {
          lines.splice(example.output.open + 1, example.output.close - example.output.open - 1, ...actual.split('\n'));
        }
        writeFileSync(path, lines.join('\n'));
        const rest = problems.filter((p) => !p.includes("the page's output block is not what"));
        if (rest.length) assert.fail(rest.join('\n\n'));
        return;
      }
      if (problems.length) assert.fail(problems.join('\n\n'));
    });
  }
});
