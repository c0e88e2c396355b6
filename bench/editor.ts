/**
 * The in-editor benchmarks (issue 11), in the real VS Code the integration suites use
 * (code-server, test/vscode/run-codeserver.ts with ROADMARK_BENCH_WORKSPACE): the example
 * workspace and the 50k one, each with the same projects/bench-edit.project.md added.
 *   editor-edit-scaling: an unsaved one-line edit → that file's diagnostics updated, 50k ÷ example;
 *   editor-first-diagnostics-vs-cli: Roadmark's start → its first complete diagnostics at 50k ÷
 *   a cold `roadmark check` of the same files.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchReport } from '../test/vscode/host/run-bench';
import { editedText } from './incremental';

const ROOT = resolve(__dirname, '..');

export interface EditorBenchRow {
  name: string;
  a: number;
  b: number;
  target: number;
  what: string;
}

/** A copy of `source` with the edited file added (the source stays as other benchmarks read it). */
function withEditedFile(source: string, name: string): string {
  const dir = join(ROOT, 'bench/.work', name);
  if (!existsSync(join(dir, 'projects/bench-edit.project.md'))) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(source, dir, { recursive: true });
    mkdirSync(join(dir, 'projects'), { recursive: true });
    writeFileSync(join(dir, 'projects/bench-edit.project.md'), editedText('2026-12-01'));
  }
  return dir;
}

function inEditor(workspace: string): BenchReport {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/vscode/run-codeserver.ts'], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ROADMARK_BENCH_WORKSPACE: workspace, ROADMARK_VSCODE_TIMEOUT_MS: String(10 * 60_000) },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`the in-editor benchmark gave no report (exit ${r.status}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  const report = JSON.parse(line.slice('BENCH '.length)) as BenchReport;
  if (report.error) throw new Error(`the in-editor benchmark failed: ${report.error}`);
  return report;
}

function cliCheckMs(workspace: string): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', workspace, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`roadmark check exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function editorBench(big: string, runs: number): EditorBenchRow[] {
  const small = withEditedFile(join(ROOT, 'examples'), 'editor-example');
  const large = withEditedFile(big, 'editor-50k');
  const edits: Record<'small' | 'large', number[]> = { small: [], large: [] };
  const first: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = inEditor(small);
    const l = inEditor(large);
    edits.small.push(median(s.editsMs));
    edits.large.push(median(l.editsMs));
    first.push(l.firstDiagnosticsMs);
    cli.push(cliCheckMs(large));
    console.log(`editor run ${i + 1}: example ${s.items} items, edit ${median(s.editsMs).toFixed(0)} ms; 50k ${l.items} items in ${l.files} files, edit ${median(l.editsMs).toFixed(0)} ms (${l.editsMs.map((m) => m.toFixed(0)).join(' ')}), in the extension host: check ${median(l.checkMs).toFixed(0)} ms + listeners ${median(l.publishMs).toFixed(0)} ms (example: ${median(s.checkMs).toFixed(0)} + ${median(s.publishMs).toFixed(0)}); first diagnostics ${l.firstDiagnosticsMs} ms; CLI check ${cli[i].toFixed(0)} ms`);
  }
  return [
    { name: 'editor-edit-scaling', a: median(edits.large), b: median(edits.small), target: 1.5, what: 'VS Code: unsaved edit → diagnostics, 50k ÷ example' },
    { name: 'editor-first-diagnostics-vs-cli', a: median(first), b: median(cli), target: 1.2, what: 'VS Code: start → first complete diagnostics at 50k ÷ cold CLI check' },
  ];
}
