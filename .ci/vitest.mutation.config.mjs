// The tests Stryker runs (.ci/stryker.config.mjs): the in-process suite, from the project root.
// Left out: *.spawn.test.ts (they run the built dist/, which Stryker neither builds nor copies into
// its sandbox, so they would test the unmutated code), the benchmarks, and the 10,000-line batch,
// which measures throughput, not logic, and takes minutes under per-test coverage.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';

/**
 * Each mutant stops at its first failing test (Stryker's bail), so the quick unit tests of the
 * engine and the rule book go first, the properties and fuzzing last. Vitest's own order puts the
 * longest files first, which makes every killed mutant wait for them.
 */
class QuickFirst extends BaseSequencer {
  async sort(files) {
    const rank = (spec) => (/\.(property|fuzz)\.test\.ts$/.test(spec.moduleId) ? 2 : /\/test\/(engine|rules)\//.test(spec.moduleId) ? 0 : 1);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  // This file lives in .ci/; vitest would otherwise take .ci/ as the root and find no tests.
  root: resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  test: {
    setupFiles: ['.ci/vitest.mutation.setup.mjs'],
    sequence: { sequencer: QuickFirst },
    exclude: [...configDefaults.exclude, '**/*.spawn.test.ts', 'test/bench/**', 'test/cli/batch-throughput.test.ts'],
  },
});
