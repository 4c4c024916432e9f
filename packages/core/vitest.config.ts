import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['kolo-source'] },
  test: { include: ['test/**/*.test.ts'], environment: 'node' },
});
