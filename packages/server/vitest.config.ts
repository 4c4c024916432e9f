import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['kolo-source'] },
  ssr: { resolve: { conditions: ['kolo-source'], externalConditions: ['kolo-source'] } },
  test: { include: ['test/**/*.test.ts'], globalSetup: ['test/build.setup.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false },
});
