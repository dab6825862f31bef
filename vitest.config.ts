import { defineConfig } from 'vitest/config';

// Three projects so a developer can run the fast ones alone:
// unit (engine, plugins, figures), build (fixture builds that must fail), e2e (built dist/ in Chromium).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/engine/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 240_000, hookTimeout: 240_000, fileParallelism: false } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Files share one built dist/ and one static server (globalSetup), and each opens its own Chromium, so
          // they can run side by side (vitest runs as many files at once as there are cores).
          fileParallelism: true,
        },
      },
    ],
  },
});
