import { defineConfig } from 'vitest/config';

// The concurrency tests only mean something on a PostgreSQL server, so they are collected only then.
// The full-disk drill mounts a tmpfs and can block its process if PGlite's WAL hits the full disk, so the test
// command runs it alone, under a time limit (GONGJIAN_DRILLS=1).
const include = process.env.GONGJIAN_DRILLS
  ? ['test/drills/*.test.ts']
  : ['test/*.test.ts', ...(process.env.DATABASE_URL ? ['test/postgres/*.test.ts'] : [])];

export default defineConfig({
  test: {
    include,
    testTimeout: 60_000,
    // Migrating and seeding a scenario takes seconds alone, minutes on a machine busy with other tiers.
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
