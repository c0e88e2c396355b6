// Bundles the test-only extension (suites + mocha) into .cache/test-host, ready for vsce.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';

const out = '.cache/test-host';
mkdirSync(`${out}/dist`, { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], sourcemap: 'inline', logLevel: 'error' };
await build({ ...common, entryPoints: ['test/vscode/host/index.ts'], outfile: `${out}/dist/host.js` });
await build({ ...common, entryPoints: ['test/vscode/host/electron-entry.ts'], outfile: `${out}/dist/electron-entry.js` });
copyFileSync('test/vscode/host/package.json', `${out}/package.json`);
copyFileSync('LICENSE', `${out}/LICENSE`);
writeFileSync(`${out}/README.md`, '# Roadmark integration tests\n\nA test-only extension; see test/vscode in the Roadmark repository.\n');
writeFileSync(`${out}/.vscodeignore`, '**/*.map\n');
