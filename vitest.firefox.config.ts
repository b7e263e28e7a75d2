import { defineConfig } from 'vitest/config';

// Browser tests drive the built Firefox extension in firefox-esr; like the Chromium ones
// they share two cores with other browsers, so files run one at a time with generous timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/firefox/**/*.firefox.test.ts'],
    environment: 'node',
    globals: true,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
