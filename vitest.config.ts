import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // An unhandled error fails the run even when every test passed (issue 11): never ignore them.
    dangerouslyIgnoreUnhandledErrors: false,
  },
});
