import { defineConfig } from 'vitest/config';

// Migrating and seeding a whole demo county into a fresh PGlite takes tens of seconds on a busy machine.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
