import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['kolo-source'] },
  ssr: { resolve: { conditions: ['kolo-source'], externalConditions: ['kolo-source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/build.setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // two files at a time: each file has its own databases (PGlite in memory, a new PostgreSQL
    // database), and much of a file's time is waiting (a minute boundary, SSE, retries, child processes)
    fileParallelism: true,
    maxWorkers: 2,
  },
});
