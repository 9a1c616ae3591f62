// The tests Stryker runs (.ci/stryker.config.mjs): the in-process suite, from the project root.
// Left out: *.spawn.test.ts (they run the built dist/, which Stryker neither builds nor copies into
// its sandbox, so they would test the unmutated code), the benchmarks, and the 10,000-line batch,
// which measures throughput, not logic, and takes minutes under per-test coverage.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // This file lives in .ci/; vitest would otherwise take .ci/ as the root and find no tests.
  root: resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  test: {
    exclude: [...configDefaults.exclude, '**/*.spawn.test.ts', 'test/bench/**', 'test/cli/batch-throughput.test.ts'],
  },
});
