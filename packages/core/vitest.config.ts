import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['kolo-source'] },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
