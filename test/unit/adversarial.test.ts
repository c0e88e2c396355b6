/**
 * The adversarial workspace: every hostile file of the fuzzing campaign side by side with one
 * healthy plan. Each hostile file must end as a located diagnostic (or a documented skip), the
 * healthy plan must still be reported, and the whole check must finish (a hang or a crash fails).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sectionStarts } from '../../src/core/parse/markdown-blocks';

const CLI = resolve(__dirname, '../../dist/cli.js');

const HEALTHY = '---\ntype: project\nid: healthy\n---\n## Milestone: Late {#late due=2026-01-01}\n';

/** name → [text, what must be reported on it: rule and the line it points at]. */
function hostileFiles(): Record<string, [string, { rule: string; line: number } | 'read']> {
  const aliasBomb = ['type: project', 'id: bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 0; i < 9; i++) aliasBomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
  aliasBomb.push('milestones: *j');
  const cycle = ['type: project', 'id: ring', 'milestones:'];
  for (let i = 0; i < 4000; i++) cycle.push(`  - {id: r${i}, due: 2027-01-01, depends: r${(i + 1) % 4000}}`);
  const broken = ['type: project', 'id: lost', 'milestones:'];
  for (let i = 0; i < 2000; i++) broken.push(`  - {id: l${i}, depends: missing-${i}}`);
  return {
    'brackets-a.project.yaml': ['['.repeat(1000), { rule: 'parse-error', line: 1 }],
    'brackets-b.project.yaml': ['['.repeat(1000), { rule: 'parse-error', line: 1 }],
    'dashes.project.md': ['- '.repeat(3000) + 'x\n', { rule: 'parse-error', line: 1 }],
    'quotes.project.md': ['> '.repeat(10000) + 'x\n', { rule: 'parse-error', line: 1 }],
    'deep-list.project.md': [Array.from({ length: 3000 }, (_, i) => `${' '.repeat(Math.min(i, 100) * 2)}- [ ] t${i}`).join('\n'), 'read'],
    'deep.project.yaml': [Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), { rule: 'parse-error', line: 65 }],
    'alias-bomb.project.yaml': [aliasBomb.join('\n'), { rule: 'invalid-value', line: 13 }],
    'constructor.project.yaml': ['type: project\nid: c\nconstructor: x\nstatus: constructor\n', { rule: 'unknown-field', line: 3 }],
    'huge.project.md': ['x'.repeat(20 * 1024 * 1024), { rule: 'parse-error', line: 1 }],
    'long-heading.project.md': [`## Milestone: ${'word '.repeat(20000)}{#long due=2026-02-01}\n`, { rule: 'overdue', line: 1 }],
    'ring.project.yaml': [cycle.join('\n'), { rule: 'dependency-cycle', line: 4 }],
    'lost.project.yaml': [broken.join('\n'), { rule: 'broken-link', line: 4 }],
    'cr-only.project.md': ['---\rtype: project\rid: cr\r---\r## Milestone: Old {due=2026-01-01}\r', { rule: 'overdue', line: 5 }],
    'binary.project.md': [Array.from({ length: 4000 }, (_, i) => String.fromCharCode(1 + (i % 7))).join(''), { rule: 'parse-error', line: 1 }],
  };
}

describe('the adversarial workspace (dist/cli.js)', function () {
  this.timeout(120_000);
  let root: string;
  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
    root = mkdtempSync(join(tmpdir(), 'roadmark-adversarial-'));
    mkdirSync(join(root, 'plans'));
    writeFileSync(join(root, 'plans', 'healthy.project.md'), HEALTHY);
    for (const [name, [text]] of Object.entries(hostileFiles())) writeFileSync(join(root, 'plans', name), text);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('reports every hostile file where it stands, and the healthy plan too, without crashing or hanging', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', 'plans', '--format', 'json', '--today', '2026-11-27'], { cwd: root, encoding: 'utf8', timeout: 100_000, maxBuffer: 512 * 1024 * 1024 });
    assert.equal(r.signal, null, `killed: ${r.signal}`);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1, 'errors were found, so exit 1 (not 2, not a crash)');
    const report = JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; rule: string; message: string }[] };
    const on = (file: string) => report.diagnostics.filter((d) => d.file === `plans/${file}`);
    assert.ok(on('healthy.project.md').some((d) => d.rule === 'overdue'), 'the healthy plan is still checked');
    for (const [name, [, expected]] of Object.entries(hostileFiles())) {
      if (expected === 'read') {
        assert.ok(!on(name).some((d) => d.rule === 'parse-error'), `${name} is read: ${JSON.stringify(on(name).slice(0, 2))}`);
        continue;
      }
      const found = on(name).find((d) => d.rule === expected.rule && d.line === expected.line);
      assert.ok(found, `${name}: expected ${expected.rule} on line ${expected.line}, got ${JSON.stringify(on(name).slice(0, 3))}`);
    }
  });

  it('gives a 4,000-member cycle output that grows linearly, not with its square', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', 'plans/ring.project.yaml', '--format', 'json'], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 512 * 1024 * 1024 });
    const cycle = (JSON.parse(r.stdout) as { diagnostics: { rule: string; message: string }[] }).diagnostics.filter((d) => d.rule === 'dependency-cycle');
    assert.equal(cycle.length, 4000);
    const longest = Math.max(...cycle.map((d) => d.message.length));
    assert.ok(longest < 1000, `each message stays short (longest ${longest} characters)`);
  });

  it('parses long Markdown without headings in pieces, so the cost stays linear', () => {
    const flat = Array.from({ length: 30000 }, (_, i) => `- [ ] task ${i} with a few words`).join('\n');
    const loose = Array.from({ length: 30000 }, (_, i) => `Some prose ${i} that runs on.\n`).join('\n');
    for (const text of [flat, loose]) {
      const pieces = sectionStarts(text).length;
      assert.ok(pieces >= text.length / (16 * 1024), `${text.length} characters in ${pieces} pieces`);
    }
  });
});
