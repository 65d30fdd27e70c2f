import { defineConfig } from 'vitest/config';

// Three kinds of test, kept apart as Immich keeps its real-database tests apart:
// - unit: pure rules, no database (src/**/*.rules.test.ts and src/core)
// - db: through the real app and database; each runs on PGlite and, when
//   TEST_DATABASE_URL is set, on PostgreSQL too (see test/support/db.ts)
// - browser: real Chromium driven by playwright-core (test/browser)
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.db.test.ts'] } },
      { extends: true, test: { name: 'db', include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
