// Mutation testing of the engine, the rule book, the schema, the renderers and the CLI's input and output: `npm run mutation`, or one file or group:
//   npm run mutation -- --mutate src/rules/taper/cut-size.ts
//   npm run mutation -- --mutate 'src/engine/plan-*.ts'
// Stryker 9.6 (10.x needs Node 22). It runs vitest in-process with vitest.mutation.config.mjs;
// no build is needed first. A mutant that survives is either killed by a test that asserts
// behaviour or marked where it lives, `// Stryker disable next-line <Mutator>: <why equivalent>`.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // related: vitest runs only the test files that import the mutated file.
  vitest: { configFile: '.ci/vitest.mutation.config.mjs', related: true },
  // perTest: one dry run records which tests reach each mutant; each mutant then runs only those.
  coverageAnalysis: 'perTest',
  // Drops mutants that do not type-check (left out of the score) before any test runs them.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // Stryker would start every source file in its sandbox with `// @ts-nocheck`, for runners that
  // type-check; vitest does not, and a test compares src/library/request-fields.ts with what the
  // build makes of the schemas, which that line breaks.
  disableTypeChecks: false,
  // types.ts holds only types: nothing to mutate. Input validation (src/schema), rendering
  // (src/render) and the CLI's input and output modules too: that is where write failures, tiny
  // numbers and unescaped messages lived. cli/output-file.ts and cli/main.ts touch the real file
  // system and process: the spawned tests that exercise them run the built bundle, which Stryker
  // does not mutate, so they are left out rather than counted as untested.
  mutate: [
    'src/engine/**/*.ts',
    'src/rules/**/*.ts',
    '!src/engine/types.ts',
    'src/schema/**/*.ts',
    'src/render/**/*.ts',
    'src/cli/read-input.ts',
    'src/cli/output.ts',
    'src/cli/batch.ts',
    'src/cli/ndjson-lines.ts',
    'src/cli/errors.ts',
  ],
  // The sandbox is a copy of the tree (node_modules linked in). Stryker does not read .gitignore:
  // without 'dist' it copies the last build. The result (.ci/mutation/) is read from the project.
  ignorePatterns: ['dist', 'coverage', '.bench', 'test/bench', '.ci/mutation'],
  // Incremental: results are kept per mutant and test; a rerun tests only what changed since.
  // The result is committed (.ci/mutation/), so a fresh clone, CI included, starts from it and
  // re-tests only the mutants whose code or covering tests changed; the reports stay uncommitted.
  incremental: true,
  incrementalFile: '.ci/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // Survivors in full, with their diff; not the hundreds of test names.
  clearTextReporter: { reportTests: false, reportMutants: true },
  htmlReporter: { fileName: 'node_modules/.cache/stryker/mutation.html' },
  jsonReporter: { fileName: 'node_modules/.cache/stryker/mutation.json' },
  // The run fails (exit 1) when the score is below 85%.
  thresholds: { high: 90, low: 85, break: 85 },
  concurrency: 2,
  timeoutMS: 10000,
  // The dry run is the whole in-process suite with coverage, on a busy two-core machine.
  dryRunTimeoutMinutes: 30,
  // Outside the project, so a sandbox left behind (a killed run) is never collected by `npm test`;
  // not under node_modules, where `vitest related` finds no tests (it skips every such path).
  tempDirName: join(tmpdir(), 'titrate-stryker'),
  cleanTempDir: true,
};
