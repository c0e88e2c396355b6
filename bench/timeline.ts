/**
 * Timeline benchmarks in Chromium (Debian's, through playwright-core): first paint of the
 * standalone timeline of a generated plan against Mermaid rendering the same plan as its gantt
 * (our own export), and the frame time of panning. Runs synchronously from run.ts through a
 * child process so the table stays in one place.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BenchRow {
  name: string;
  what: string;
  a: number;
  b: number;
  target: number;
}

const ROOT = resolve(__dirname, '..');

export function timelineBench(workspace: string): BenchRow[] {
  const out = join(ROOT, 'bench/.work');
  const html = join(out, 'timeline-bench.html');
  const mermaid = join(out, 'gantt-bench.mmd');
  execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'timeline', workspace, '--out', html]);
  execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'export', workspace, '--format', 'mermaid', '--out', mermaid]);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/timeline-browser.ts'), html, mermaid], { cwd: ROOT, encoding: 'utf8', timeout: 20 * 60_000 });
  if (r.status !== 0) {
    console.log(`timeline benchmark skipped: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
    return [];
  }
  const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ours: number; mermaid: number; panP95: number; rows: number; mermaidTasks: number };
  writeFileSync(join(out, 'timeline-bench.json'), JSON.stringify(m, null, 2));
  console.log(`timeline: ${m.rows} rows; Mermaid gantt: ${m.mermaidTasks} tasks`);
  return [
    { name: 'timeline-first-paint-vs-mermaid', what: 'first paint 10k plan ÷ Mermaid render of its gantt', a: m.ours, b: m.mermaid, target: 0.05 },
    { name: 'timeline-pan-frame-vs-16ms', what: 'pan frame time (p95) ÷ a 16 ms frame', a: m.panP95, b: 16, target: 1 },
  ];
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
