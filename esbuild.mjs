// Bundles the CLI, the extension (desktop: dist/extension.js; web worker: dist/web/extension.js)
// and the timeline webview into single files under dist/ that need no node_modules.
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
  // The extension host provides `vscode`; everything else is bundled. The entry is the activation
  // gate (src/extension/activation.ts), which starts src/extension/extension.ts when there are plans.
  { ...common, entryPoints: ['src/extension/activation.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The same extension for the web worker extension host (vscode.dev, github.dev): no Node
  // built-ins may be bundled (esbuild fails on one), and there is no `process` to read.
  {
    // `worker` first: packages with a DOM build for browsers (decode-named-character-reference
    // uses `document`) have a worker build that the web worker can run.
    ...common, platform: 'browser', target: 'es2022', conditions: ['worker'],
    entryPoints: ['src/extension/activation.ts'], outfile: 'dist/web/extension.js', external: ['vscode'],
    define: { ...common.define, 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  },
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
