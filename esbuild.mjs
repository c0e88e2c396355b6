// Bundles the CLI (and, later, the extension and webview) into single files under dist/
// that run with plain node and no node_modules.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { ROADMARK_VERSION: JSON.stringify(pkg.version) },
};

const webview = { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', sourcemap: false, minify: true };

const targets = [
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The extension host provides `vscode`; everything else is bundled.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
];

if (watch) {
  const { context } = await import('esbuild');
  for (const t of [webview, ...targets]) await (await context(t)).watch();
} else {
  // The timeline page first: the CLI inlines it into `roadmark timeline` HTML.
  await build(webview);
  const script = readFileSync(new URL('./dist/webview.js', import.meta.url), 'utf8');
  for (const t of targets) if (t.entryPoints[0] === 'src/cli/main.ts') t.define = { ...t.define, ROADMARK_WEBVIEW_JS: JSON.stringify(script) };
  await Promise.all(targets.map((t) => build(t)));
}
