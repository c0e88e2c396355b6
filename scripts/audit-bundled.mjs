#!/usr/bin/env node
// `npm audit` for what ships: every package esbuild bundles into dist/ (all devDependencies,
// so `npm audit --omit=dev` checks none of them) against the npm registry's bulk advisory
// endpoint. Prints each package and any advisory; exit 1 on a high or critical one, 2 when the
// registry cannot be asked. Run: `npm run audit:bundled`.
// `--from FILE`: read the registry's answer from FILE instead (a saved response; for testing, or
// where only GET reaches the registry: `--query` prints the body to POST from elsewhere).
/* global fetch, AbortSignal -- Node 20 has both */
import { readFileSync } from 'node:fs';
import { bundledPackages } from './third-party-notice.mjs';

const REGISTRY = (process.env.npm_config_registry || 'https://registry.npmjs.org/').replace(/\/?$/, '/');
const FAILING = new Set(['high', 'critical']);

const packages = await bundledPackages();
const query = {};
for (const p of packages) {
  const versions = (query[p.name] ??= []);
  if (!versions.includes(p.version)) versions.push(p.version);
}

const from = process.argv.indexOf('--from');
if (process.argv.includes('--query')) {
  console.log(JSON.stringify(query));
  process.exit(0);
}

let advisories;
try {
  if (from > 0) advisories = JSON.parse(readFileSync(process.argv[from + 1], 'utf8'));
  else advisories = await ask();
} catch (e) {
  console.error(`audit:bundled: cannot ${from > 0 ? `read ${process.argv[from + 1]}` : `ask ${REGISTRY} for advisories`}: ${e.message}`);
  process.exit(2);
}

async function ask() {
  const response = await fetch(`${REGISTRY}-/npm/v1/security/advisories/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(query),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}${response.headers.get('allow') ? ` (allowed: ${response.headers.get('allow')})` : ''}`);
  return response.json();
}

let failing = 0;
let found = 0;
for (const p of packages) {
  const hits = (advisories[p.name] ?? []).filter((a) => affects(a.vulnerable_versions, p.version));
  console.log(`${hits.length ? '✗' : '✓'} ${p.name}@${p.version}`);
  for (const a of hits) {
    found++;
    if (FAILING.has(a.severity)) failing++;
    console.log(`    ${a.severity}: ${a.title} (${a.vulnerable_versions}) ${a.url ?? ''}`);
  }
}
console.log(`\n${packages.length} bundled packages, ${found} advisories, ${failing} high or critical`);
process.exit(failing ? 1 : 0);

/**
 * The bulk endpoint answers per name for the versions asked; when two versions of a package are
 * bundled, the advisory's range says which one it affects. Comparators other than plain
 * `<X` `<=X` `>X` `>=X` `=X` (joined by spaces and `||`) count as affecting, to be safe.
 */
function affects(range, version) {
  if (!range) return true;
  return range.split('||').some((part) => part.trim().split(/\s+/).every((c) => {
    const m = /^(<=|<|>=|>|=)?v?(\d+\.\d+\.\d+)/.exec(c);
    if (!m) return true;
    const cmp = compare(version, m[2]);
    return { '<': cmp < 0, '<=': cmp <= 0, '>': cmp > 0, '>=': cmp >= 0, '=': cmp === 0 }[m[1] ?? '='];
  }));
}

function compare(a, b) {
  const x = a.split(/[.-]/).map(Number);
  const y = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}
