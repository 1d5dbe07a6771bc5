import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'score/**/*.test.ts'],
    // Store and API suites share one PostgreSQL server; each suite uses its own schema,
    // so files may run in parallel.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The default output, then one closing `N passed, N failed` line (and which real-file tests
    // were skipped when ../shared/fixtures is absent).
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
