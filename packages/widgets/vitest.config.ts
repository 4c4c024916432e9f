import { defineConfig } from 'vitest/config';

/** Node tests of the widgets (`*.node.test.ts`): server-side rendering. The rest run in Chromium (wtr). */
export default defineConfig({
  resolve: { conditions: ['kolo-source', 'node'] },
  ssr: { resolve: { conditions: ['kolo-source', 'node'], externalConditions: ['kolo-source'] } },
  test: { include: ['src/**/*.node.test.ts'], environment: 'node' },
});
