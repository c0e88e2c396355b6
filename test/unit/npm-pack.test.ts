/**
 * The npm package as `npx roadmark` users get it: `npm pack` (whose prepack builds the bundle),
 * installed from the tarball into an empty project with no network, then `npx roadmark check`
 * on the example workspace. The pack runs in a copy of the sources, so that the production
 * build it makes never replaces the dist/ of the working tree under other tests.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
/** What prepack's build reads, and what `files` lists. */
const SOURCES = ['package.json', 'package.nls.json', 'package.nls.qps-ploc.json', 'l10n', 'esbuild.mjs', 'tsconfig.json', 'src', 'media', 'syntaxes', 'schemas', 'docs', 'README.md', 'LICENSE', 'THIRD-PARTY-NOTICES.md', 'CHANGELOG.md'];
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('npm package (npm pack, install from the tarball, npx roadmark)', function () {
  this.timeout(120000);
  let work: string;
  let tarball: string;
  let files: string[];
  let project: string;
  /** npm with its own cache and no network: a tarball without dependencies must install offline. */
  const npmEnv = () => ({ ...process.env, npm_config_cache: join(work, 'npm-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' });

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'roadmark-pack-'));
    const src = join(work, 'src-copy');
    for (const entry of SOURCES) cpSync(join(ROOT, entry), join(src, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(src, 'node_modules'), 'junction');
    const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--pack-destination', work], { cwd: src, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string; files: { path: string }[] }[];
    tarball = join(work, packed[0].filename);
    files = packed[0].files.map((f) => f.path);
    project = join(work, 'project');
    cpSync(join(ROOT, 'examples'), join(project, 'examples'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-roadmark', version: '1.0.0', private: true }));
    execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds the CLI bundle and what the files allow-list names, nothing of the sources, tests or dependencies', () => {
    assert.ok(files.includes('dist/cli.js'), files.join(' '));
    assert.ok(files.includes('package.json') && files.includes('README.md') && files.includes('LICENSE'));
    const stray = files.filter((f) => /^(src|test|node_modules|examples|scripts|bench)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepEqual(stray, []);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: object; bin: Record<string, string> };
    assert.equal(manifest.dependencies, undefined, 'no runtime dependency: everything is bundled');
    assert.equal(manifest.bin.roadmark, 'dist/cli.js');
  });

  it('bundles every module it needs: dist/cli.js requires node built-ins only, and runs alone', () => {
    const installed = join(project, 'node_modules/roadmark/dist/cli.js');
    const bundle = readFileSync(installed, 'utf8');
    assert.match(bundle, /^#!\/usr\/bin\/env node\n/);
    const required = [...new Set([...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))];
    const builtins = new Set(builtinModules);
    assert.deepEqual(required.filter((r) => !builtins.has(r.replace(/^node:/, ''))), [], 'every require is a node built-in');
    // Alone in an empty folder: no node_modules anywhere above it to lean on.
    const alone = mkdtempSync(join(tmpdir(), 'roadmark-alone-'));
    try {
      copyFileSync(installed, join(alone, 'cli.js'));
      const version = spawnSync(process.execPath, [join(alone, 'cli.js'), '--version'], { cwd: alone, encoding: 'utf8' });
      assert.equal(version.status, 0, version.stderr);
      assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });

  it('npx roadmark check gives the example workspace\'s report, as dist/cli.js does', () => {
    const r = spawnSync(NPX, ['--no', 'roadmark', 'check', 'examples', '--format', 'json'], { cwd: project, env: npmEnv(), encoding: 'utf8' });
    assert.equal(r.status, 1, `errors in the examples: exit 1\n${r.stderr}`);
    const installed = JSON.parse(r.stdout) as { files: number; items: number; diagnostics: { rule: string }[] };
    assert.ok(installed.files > 1 && installed.items > 10 && installed.diagnostics.length > 0, r.stdout.slice(0, 500));
    // The working tree's build (npm test builds it first) reads the same files: the same report.
    const local = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', 'examples', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    assert.deepEqual(installed, JSON.parse(local.stdout), 'the same report as the working tree\'s build');
    const text = spawnSync(NPX, ['--no', 'roadmark', 'check', 'examples'], { cwd: project, env: npmEnv(), encoding: 'utf8' });
    assert.equal(text.status, 1);
    assert.match(text.stdout, /\n\d+ problems \(\d+ errors?, .*\) in \d+ plan files, \d+ items, today 2026-11-23\n$/);
  });
});
