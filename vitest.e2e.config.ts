import { defineConfig } from 'vitest/config';

// Browser tests drive the built extension in Chromium; they share one machine with two
// cores, so files run one at a time and get generous timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globals: true,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
