import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['support/globalSetup.ts'],
    // One API process and one browser at a time: the machine has two cores.
    fileParallelism: false,
    testTimeout: 90_000,
    // A page waits on the API, which shares two cores with PostgreSQL, the browser and the test runner.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 180_000,
  },
});
