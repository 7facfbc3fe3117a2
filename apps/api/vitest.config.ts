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
    globalSetup: ['test/global-seed.ts'],
    testTimeout: 60_000,
    // Migrating and seeding the run's template takes seconds alone, minutes on a machine busy with other tiers.
    hookTimeout: 300_000,
    // On PGlite every file has its own in-memory database, so two files run at once (one per core). On a
    // PostgreSQL server the files share the server (a drill stops and restarts it), and the drill shares
    // the disk it fills, so those run one file at a time.
    fileParallelism: !process.env.DATABASE_URL && !process.env.GONGJIAN_DRILLS,
    maxWorkers: 2,
  },
});
