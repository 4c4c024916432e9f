import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { writeFileSync, mkdirSync } from 'node:fs';
import { ssrPlugin } from './wtr-ssr-plugin.mjs';
import { chromiumOptions } from '../../scripts/lib/chromium.mjs';

const tsconfig = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
const results = process.env.KOLO_WTR_RESULTS;

/** Writes pass/fail counts and what failed for scripts/test-all.mjs. */
const countingReporter = () => ({
  onTestRunFinished({ sessions }) {
    if (!results) return;
    let passed = 0;
    let failed = 0;
    const failures = [];
    const walk = (suite, file, path) => {
      for (const t of suite?.tests ?? []) {
        if (t.skipped) continue;
        if (t.passed) passed++;
        else failed++, failures.push(`${file}: ${[...path, t.name].join(' › ')}: ${t.error?.message ?? 'failed'}`);
      }
      for (const s of suite?.suites ?? []) walk(s, file, [...path, s.name]);
    };
    for (const s of sessions) {
      const file = s.testFile.replace(/^.*?\/src\//, 'src/');
      walk(s.testResults, file, []);
      if (!s.passed && !s.testResults?.tests?.length && !s.testResults?.suites?.length) {
        failed++;
        failures.push(`${file}: did not run: ${(s.errors ?? []).map((e) => e.message).join('; ') || 'no results'}`);
      }
    }
    mkdirSync(fileURLToPath(new URL('.', `file://${results}`)), { recursive: true });
    writeFileSync(results, JSON.stringify({ passed, failed, failures }));
  },
});

export default {
  // `*.node.test.ts` run in Node (vitest: server-side rendering)
  files: process.env.KOLO_WTR_FILES ?? ['src/**/*.test.ts', '!src/**/*.node.test.ts'],
  rootDir: '../..',
  nodeResolve: { exportConditions: ['kolo-source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig, target: 'es2022' }), ssrPlugin()],
  browsers: [
    chromeLauncher({ launchOptions: chromiumOptions() }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <script>window.process = { env: { NODE_ENV: 'development' } };</script></head>
    <body><script type="module" src="${testFramework}"></script></body></html>`,
  testFramework: { config: { timeout: 10000 } },
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  reporters: [(await import('@web/test-runner')).defaultReporter(), countingReporter()],
};
