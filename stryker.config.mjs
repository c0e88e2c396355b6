// @ts-check
/**
 * Mutation testing of src/core with StrykerJS: `npm run test:mutation` (not part of `npm test`).
 * How to run it, the scores and what the surviving mutants mean: docs/mutation-testing.md.
 *
 * Versions: StrykerJS 9.6.1. StrykerJS 10 refuses to start on Node 20 (it needs Node >= 22),
 * and the project supports Node >= 20. The mocha runner 9.6.1 declares `mocha < 12`
 * (package.json `overrides` lets it use the project's mocha 12) and reaches into mocha's CLI
 * internals with extensionless `require()`s (`mocha/lib/cli/run-helpers`, `options`, …), which
 * mocha 12 ships as `.cjs` files. MOCHA12_CJS below lets those `require()`s find the `.cjs`
 * files, in this process and in the test-runner child processes. Upstream fix, not released
 * yet: https://github.com/stryker-mutator/stryker-js/pull/6205. Drop the shim when it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Module from 'node:module';

const MOCHA12_CJS = 'import Module from "node:module"; Module._extensions[".cjs"] = Module._extensions[".js"];';
// This process loads the plugins (for their option schemas) right after this file.
const extensions = /** @type {{ _extensions: Record<string, unknown> }} */ (/** @type {unknown} */ (Module))._extensions;
extensions['.cjs'] ??= extensions['.js'];

/**
 * The core's unit tests, without those that need a build or take long (see the docs): every test
 * file that runs a process (`child_process`, `dist/cli.js`: cli*, example, export, fixtures,
 * rule-docs, adversarial, npm-pack, …) is found by reading the files, so new CLI tests are left out
 * too; edits-property and *property* are fast-check property tests and *fuzz* the fuzzing campaign
 * of test/fuzz (slow); rules-cost measures run time (its thresholds do not hold for instrumented code).
 */
const RUNS_A_PROCESS = /\bchild_process\b|dist\/cli\.js/;
const EXCLUDED_TESTS = [
  ...readdirSync('test/unit')
    .filter((name) => name.endsWith('.test.ts') && RUNS_A_PROCESS.test(readFileSync(`test/unit/${name}`, 'utf8')))
    .map((name) => name.slice(0, -'.test.ts'.length)),
  'edits-property', '*property*', '*fuzz*', 'rules-cost',
  // More test files to leave out, by name (`STRYKER_EXCLUDE=language-rename,engine`): Stryker
  // refuses to start while any test fails, also one about code that is not being mutated.
  ...(process.env.STRYKER_EXCLUDE ?? '').split(',').map((name) => name.trim()).filter(Boolean),
];
/** Tests that assert a run time, by title: instrumented code is several times slower. */
const TIMED_TESTS = ['stays linear on deep nesting', 'returns at once for a huge value'];
const MOCHA12_CJS_ARGS = ['--import', `data:text/javascript,${encodeURIComponent(MOCHA12_CJS)}`];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: [
    'src/core/parse/**/*.ts',
    'src/core/rules/**/*.ts',
    'src/core/model/**/*.ts',
    'src/core/language/**/*.ts',
  ],
  testRunner: 'mocha',
  mochaOptions: {
    'no-config': true,
    'no-package': true,
    spec: ['test/unit/**/*.test.ts'],
    ignore: EXCLUDED_TESTS.map((name) => `test/unit/${name}.test.ts`),
    // A string in slashes is a regular expression to mocha: every test but the timed ones.
    grep: `/^(?!.*(${TIMED_TESTS.join('|')}))/`,
  },
  // tsx compiles the TypeScript tests and sources in the test-runner processes.
  testRunnerNodeArgs: [...MOCHA12_CJS_ARGS, '--import', 'tsx'],
  checkers: ['typescript'],
  // The checker processes load every plugin too, the mocha runner included.
  checkerNodeArgs: MOCHA12_CJS_ARGS,
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // 2 cores shared with other work: one test runner; `--concurrency 2` when the machine is idle.
  concurrency: 1,
  // Mutants in code that runs only when a module loads (tables, module-level regular
  // expressions) would need a fresh test process each: the mocha runner cannot reload test
  // files. They are reported as Ignored and left out of the score (see the docs).
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Not copied to the sandbox: the fuzz campaign and the test that runs it (neither is run
  // here, and the type checker compiles every file of tsconfig.json that is in the sandbox).
  ignorePatterns: ['test/fuzz', 'test/unit/adversarial.test.ts', 'test/unit/*fuzz*.test.ts', '.ci', 'dist', 'out', '.cache', 'test-results', 'bench/.work', 'bench/results.json', '*.vsix', '.roadmarkcache', 'reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 80, break: null },
};
