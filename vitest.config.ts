import { configDefaults, defineConfig } from 'vitest/config';

// Three tiers: pure domain rules, API through app.inject (SQLite, or PostgreSQL with
// HUIMIN_TEST_DB=pg), and browser flows in real Chromium against the real server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/config/**/*.test.ts', 'src/web/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/server/**/*.test.ts', 'src/db/**/*.test.ts', 'src/cli/**/*.test.ts', 'test/**/*.test.ts'],
          // Whole-process tests belong to their own projects (system, crash).
          exclude: [...configDefaults.exclude, 'test/system/**', 'test/crash/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Whole server processes and their databases: outages, crashes, several instances.
        test: {
          name: 'system',
          include: ['test/system/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // kill -9 of the server under concurrent writes, restart, retry: nothing acknowledged
        // lost, nothing twice, the database intact (npm run test:crash).
        test: {
          name: 'crash',
          include: ['test/crash/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A page answers when it answers: expect.poll retries for up to 15 s (the default is 1 s),
          // the same as a locator's wait (e2e/fixtures/browser.ts).
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
