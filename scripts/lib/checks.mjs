// Counted checks for the test scripts (demo, console, pack, Storybook): one line per check, the counts
// at the end, and `{passed, failed, failures}` in the file named by KOLO_RESULTS (scripts/test-all.mjs
// reads it, and repeats each failure under its summary, where a CI log's tail shows it).
import { writeFileSync } from 'node:fs';

/**
 * A counter of checks. `why(error)` is the text shown under a failed check (default its message);
 * `lines` keeps only its first lines.
 */
export function checks({ why = (e) => e.message, lines = Infinity } = {}) {
  const counts = { passed: 0, failed: 0, failures: [] };
  /** Say that something failed (counted once). */
  const fail = (text) => {
    counts.failed++;
    counts.failures.push(text);
    console.log(`  ✗ ${text}`);
  };
  return {
    counts,
    fail,
    /** One counted check: a throw (or a rejected promise) fails it. */
    async check(name, fn) {
      try {
        await fn();
        counts.passed++;
        console.log(`  ✓ ${name}`);
      } catch (e) {
        const text = String(why(e));
        fail(`${name}\n    ${lines === Infinity ? text : text.split('\n').slice(0, lines).join('\n    ')}`);
      }
    },
    /** Print "`title`: N passed, N failed", write KOLO_RESULTS and exit (1 if any failed). */
    finish(title) {
      console.log(`${title}: ${counts.passed} passed, ${counts.failed} failed`);
      if (process.env.KOLO_RESULTS) writeFileSync(process.env.KOLO_RESULTS, JSON.stringify(counts));
      process.exit(counts.failed ? 1 : 0);
    },
  };
}
