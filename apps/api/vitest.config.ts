import { defineConfig } from 'vitest/config';

// The concurrency tests only mean something on a PostgreSQL server, so they are collected only then.
const include = ['test/*.test.ts', ...(process.env.DATABASE_URL ? ['test/postgres/*.test.ts'] : [])];

export default defineConfig({
  test: {
    include,
    testTimeout: 60_000,
    // Migrating and seeding a scenario takes seconds alone, minutes on a machine busy with other tiers.
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
