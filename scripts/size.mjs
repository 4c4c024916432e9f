#!/usr/bin/env node
// Size budget: bundles each public entry as a user's bundler would (minified ESM, everything
// inlined), prints min / gzip / brotli bytes, and fails when a budget is exceeded.
//   shared runtime = Lit + the shared part of @kolo/core + KoloElement, tokens, events, adapter lookup
//   a widget       = what its define entry adds on top of the shared runtime
import { build } from 'esbuild';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { sharedOptions } from './esbuild-shared.mjs';

const widgetsSrc = fileURLToPath(new URL('../packages/widgets/src', import.meta.url));

const RUNTIME = `
export { KoloElement } from './internal/kolo-element.ts';
export * from './internal/adapters.ts';
export * from './events/index.ts';
export { tokens } from './styles/tokens.ts';
export { LitElement, html, css, nothing } from 'lit';
export {
  KoloError, toKoloError, localAdapter, memoryAdapter, createVoteStore, withBallot,
  parseWith, idSchema, text, dateSchema, nextStepSchema, resultsVisibilitySchema,
  createTranslator, registerMessages, createSignal, withUtm, safeUrl, voterId, randomId,
} from '@kolo/core';
`;

/** [name, entry source, budget in brotli bytes or null, measured on top of the runtime?] */
const ROWS = [
  ['shared runtime', RUNTIME, 16 * 1024, false],
  ['<kolo-poll>', `import './define/kolo-poll.ts';`, 5 * 1024, true],
  ['@kolo/core (all)', `export * from '@kolo/core';`, null, false],
  ['@kolo/widgets (all classes)', `export * from './index.ts';`, null, false],
  ['@kolo/widgets/define/poll', `import './define/kolo-poll.ts';`, null, false],
  ['@kolo/widgets/cdn (all-in-one)', `export * from './define/all.ts';`, null, false],
];

async function measure(contents) {
  const r = await build({ ...sharedOptions, stdin: { contents, resolveDir: widgetsSrc, loader: 'ts' }, write: false });
  const bytes = r.outputFiles[0].contents;
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const runtime = await measure(RUNTIME);
const rows = [];
let failed = 0;
for (const [name, source, budget, onTop] of ROWS) {
  let s = await measure(onTop ? RUNTIME + source : source);
  if (onTop) s = { min: s.min - runtime.min, gzip: s.gzip - runtime.gzip, brotli: s.brotli - runtime.brotli };
  const over = budget !== null && s.brotli > budget;
  if (over) failed++;
  rows.push({
    entry: onTop ? `${name} (+ on runtime)` : name,
    min: s.min,
    gzip: s.gzip,
    brotli: s.brotli,
    budget: budget === null ? '' : `${(budget / 1024).toFixed(0)} KB`,
    status: budget === null ? '' : over ? 'OVER' : 'ok',
  });
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
const table = [['entry', 'min', 'gzip', 'brotli', 'budget (brotli)', ''], ...rows.map((r) => [r.entry, kb(r.min), kb(r.gzip), kb(r.brotli), r.budget, r.status])];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((c, j) => c.padEnd(widths[j])).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
if (failed) {
  console.error(`\n${failed} entr${failed === 1 ? 'y is' : 'ies are'} over budget.`);
  process.exit(1);
}
console.log('\nAll entries within budget.');
