/**
 * heap-per-source-byte: `node --expose-gc --import tsx bench/heap.ts <dir>` loads a workspace
 * as the editor holds it (every file parsed, an IncrementalCheck with its resolved workspace and
 * diagnostics; no text and no AST kept) and prints JSON: the source bytes, and the heap in use
 * after a full GC less the heap before loading, for the parsed files alone and for the whole.
 */
import { IncrementalCheck } from '../src/core/incremental/index';
import { dayFromParts } from '../src/core/dates';
import { loadWorkspace } from './incremental';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function used(): number {
  for (let i = 0; i < 3; i++) gc!();
  return process.memoryUsage().heapUsed;
}

const dir = process.argv[2];
const before = used();
const { files, bytes } = loadWorkspace(dir);
const parsed = used();
const inc = new IncrementalCheck({ today: dayFromParts(2026, 11, 23), config: { riskWindowDays: 14, rules: {} } });
inc.update(files);
files.length = 0;
const held = used();
process.stdout.write(JSON.stringify({ bytes, parsed: parsed - before, held: held - before, diagnostics: inc.diagnostics().length }) + '\n');
