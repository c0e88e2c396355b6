// Flat config. typescript-eslint 8 supports TypeScript < 6.1, which is why package.json pins
// typescript ~6.0 (the registry's latest is 7.x): see README "Development".
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'bench/.work/**', 'test/fixtures/**', 'examples/**', 'test-results/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'readonly', __filename: 'readonly', __dirname: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS files (mocha reporters, plain-node scripts) may use require.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core is pure: no editor API, no file system. Hosts inject what it needs.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'node:path', 'child_process', 'node:child_process'].map((name) => ({
          name, message: 'src/core must stay pure: no vscode, no file system. Inject what you need from the host.',
        })),
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core must not read the environment or the clock of the host.' }],
    },
  },
  {
    // The timeline's drawing is plain markup from a model, shared by the webview and the CLI: no DOM, no host.
    files: ['src/render/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode'], patterns: [{ group: ['**/webview/**', '**/extension/**', '**/cli/**', 'node:*'], message: 'src/render is shared by the webview and the CLI: import neither, nor Node.' }] }],
      'no-restricted-globals': ['error', ...['document', 'window', 'navigator', 'getComputedStyle', 'process'].map((name) => ({ name, message: 'src/render draws markup only: measure and read the page in src/webview.' }))],
    },
  },
);
