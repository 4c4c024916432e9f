#!/usr/bin/env node
// Size budget: bundles each public entry as a user's bundler would (minified ESM, everything
// inlined), prints min / gzip / brotli bytes, and fails when a budget is exceeded.
// KOLO_SIZE_BYTES=1 also prints the runtime's exact brotli bytes (its margin is a few dozen bytes).
//   shared runtime = Lit + the shared part of @kolo/core + KoloElement, tokens, events, adapter lookup
//   a widget       = what its define entry adds on top of the shared runtime (budget: src/registry.ts)
// Then the CDN files as they ship (scripts/build-cdn.mjs, the same build): what a page downloads for
// each (the file and every chunk it imports, each file compressed alone as a server sends it).
import { build } from 'esbuild';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { sharedOptions } from './esbuild-shared.mjs';
import { readRegistry } from './registry.mjs';
import { buildCdn } from './build-cdn.mjs';

const widgetsSrc = fileURLToPath(new URL('../packages/widgets/src', import.meta.url));

const RUNTIME = `
export { KoloElement } from './base/kolo-element.ts';
export * from './base/adapters.ts';
export { KoloEvent } from './events/kolo-event.ts';
export { KoloChangeEvent } from './events/kolo-change.ts';
export { KoloNextStepEvent } from './events/kolo-next-step.ts';
export { KoloVoteEvent } from './events/kolo-vote.ts';
export { tokens } from './styles/tokens.ts';
export { LitElement, html, css, nothing } from 'lit';
export {
  KoloError, toKoloError, localAdapter, memoryAdapter, createVoteStore, withBallot,
  parseWith, idSchema, text, dateTimeSchema, nextStepSchema,
  createTranslator, registerMessages, createSignal, withUtm, safeUrl, voterId, randomId,
} from '@kolo/core';
`;

const { widgets } = await readRegistry();
const define = (entries) => entries.map((w) => `import './define/kolo-${w.entry}.ts';`).join(' ');
const families = [...new Set(widgets.map((w) => w.family))].map((f) => [f, widgets.filter((w) => w.family === f)]).filter(([, ws]) => ws.length > 1);

/** [name, entry source, budget in brotli bytes or null, measured on top of the runtime?]; widget budgets are in the registry */
// +320 B over 16 KB (the runtime was 16,208 B before issue 15, 16,660 B after): the page's color-scheme
// (the OS where the page sets none, looked at again when <html> or <body> changes, one check per
// element; +272 B), rendering over a server-rendered shadow root (+85 B), counts below 1,000 without
// a first Intl.NumberFormat and English plurals without Intl.PluralRules (+100 B net: the first
// render's biggest single costs), config as a JSON attribute
// +8 B (issue 17): the changelog's kind among the widget kinds every signal names (16,704 → 16,710 B)
const RUNTIME_BUDGET = 16 * 1024 + 328;
const ROWS = [
  ['shared runtime', RUNTIME, RUNTIME_BUDGET, false],
  ...widgets.map((w) => [`<${w.tag}>`, define([w]), w.budget, true]),
  ...families.map(([family, ws]) => [`${family} widgets together (${ws.map((w) => w.entry).join(', ')})`, define(ws), null, true]),
  ['@kolo/core (all)', `export * from '@kolo/core';`, null, false],
  ['@kolo/widgets (all classes)', `export * from './index.ts';`, null, false],
  [`@kolo/widgets/define/${widgets[0].entry}`, define([widgets[0]]), null, false],
];

const sizes = (bytes) => ({
  min: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/**
 * Chunk file names carry a hash that depends on where the repository sits: measured with one fixed
 * name, the same code weighs the same in every clone (it moved brotli by ~70 bytes). The CDN files
 * are measured as they ship, with their names.
 */
const fixedNames = (bytes) => Buffer.from(Buffer.from(bytes).toString('utf8').replace(/-[A-Z0-9]{8}\.js\b/g, '-00000000.js'));

/**
 * Bundles `contents` with code splitting: what loads with the entry (it and its static imports)
 * is measured as the entry's size; what only `import()` reaches is reported as lazy.
 */
async function measure(contents) {
  const entry = {
    name: 'kolo-size-entry',
    setup(b) {
      b.onResolve({ filter: /^kolo-size-entry$/ }, () => ({ path: 'entry', namespace: 'kolo-size' }));
      b.onLoad({ filter: /.*/, namespace: 'kolo-size' }, () => ({ contents, resolveDir: widgetsSrc, loader: 'ts' }));
    },
  };
  const r = await build({
    ...sharedOptions,
    plugins: [entry, ...sharedOptions.plugins],
    entryPoints: ['kolo-size-entry'],
    splitting: true,
    outdir: '/kolo-size',
    write: false,
    metafile: true,
  });
  const files = new Map(r.outputFiles.map((f) => [f.path, f.contents]));
  const outputs = r.metafile.outputs;
  const main = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  const eager = new Set();
  const visit = (k) => {
    if (eager.has(k)) return;
    eager.add(k);
    for (const i of outputs[k].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(main);
  const join = (keys) =>
    Buffer.concat(
      keys.map((k) => {
        const bytes = files.get(resolve(k));
        if (!bytes) throw new Error(`size: no output for ${k}`);
        return fixedNames(bytes);
      }),
    );
  const lazy = Object.keys(outputs).filter((k) => !eager.has(k) && k.endsWith('.js'));
  return { ...sizes(join([...eager])), lazy: lazy.length ? sizes(join(lazy)) : null };
}

const runtime = await measure(RUNTIME);
if (process.env.KOLO_SIZE_BYTES) console.log(`runtime: ${runtime.brotli} bytes brotli`);
if (runtime.brotli < 1024) throw new Error(`size: the runtime measured ${runtime.brotli} bytes; the measurement is broken`);
const rows = [];
let failed = 0;
for (const [name, source, budget, onTop] of ROWS) {
  let s = await measure(onTop ? RUNTIME + source : source);
  const lazy = s.lazy;
  if (onTop) s = { min: s.min - runtime.min, gzip: s.gzip - runtime.gzip, brotli: s.brotli - runtime.brotli };
  const over = budget !== null && s.brotli > budget;
  if (process.env.KOLO_SIZE_BYTES && budget !== null) console.log(`${name}: ${s.brotli} of ${budget} bytes brotli${onTop ? ` (with the runtime: ${s.brotli + runtime.brotli})` : ''}`);
  if (over) failed++;
  rows.push({
    entry: onTop ? `${name} (+ on runtime)` : name,
    min: s.min,
    gzip: s.gzip,
    brotli: s.brotli,
    budget: budget === null ? '' : `${+(budget / 1024).toFixed(1)} KB`,
    status: budget === null ? '' : over ? 'OVER' : 'ok',
  });
  if (lazy) rows.push({ entry: `  └ loaded on first use by import() (HTTP adapter, popover fallback)`, ...lazy, budget: '', status: '' });
}

/**
 * What splitting the CDN files into shared chunks costs a widget's file over the runtime and widget
 * budgets: each chunk is compressed alone, and a chunk shared with other widgets holds the parts of
 * its files they use (measured: up to 4.8 KB, the choice).
 */
// +1 KB (issue 17): a tenth widget (<kolo-changelog>) shares the runtime, the loader and the idea rules
// with different sets of widgets, so esbuild cuts the shared chunks finer (one or two more files per
// widget, e.g. cdn/kolo-poll.js 27,014 → 28,075 B with no change of the poll's own code)
const CDN_SPLIT_ALLOWANCE = 6.5 * 1024;
const cdn = await buildCdn();
/** The files a page loads for `names` (each and its static imports), and what import() loads later. */
function cdnLoad(names) {
  const eager = new Set();
  const visit = (k) => {
    if (eager.has(k)) return;
    eager.add(k);
    for (const i of cdn.outputs[k].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  for (const n of names) visit(`dist/cdn/${n}.js`);
  const lazy = new Set();
  for (const k of eager) for (const i of cdn.outputs[k].imports) if (i.kind === 'dynamic-import' && !eager.has(i.path)) lazy.add(i.path);
  const total = (keys) => {
    const t = { min: 0, gzip: 0, brotli: 0 };
    for (const k of keys) for (const [m, v] of Object.entries(sizes(cdn.files.get(k.slice('dist/cdn/'.length))))) t[m] += v;
    return t;
  };
  return { files: eager.size, ...total(eager), lazy: lazy.size ? total(lazy) : null };
}
const CDN_ROWS = [
  // +3 KB (issue 17): the all-in-one file holds <kolo-changelog> too (45,627 → 48,621 B)
  ['cdn/kolo.js (all-in-one)', ['kolo'], 49 * 1024],
  ['cdn/autoloader.js (alone)', ['autoloader'], 4 * 1024],
  ...widgets.map((w) => [`cdn/${w.tag}.js`, [w.tag], RUNTIME_BUDGET + w.budget + CDN_SPLIT_ALLOWANCE]),
  [`cdn/autoloader.js + ${widgets[0].tag}.js`, ['autoloader', widgets[0].tag], RUNTIME_BUDGET + widgets[0].budget + CDN_SPLIT_ALLOWANCE + 1024],
  ['cdn/ every widget through the autoloader', ['autoloader', ...widgets.map((w) => w.tag)], null],
];
for (const [name, names, budget] of CDN_ROWS) {
  const s = cdnLoad(names);
  const over = budget !== null && s.brotli > budget;
  if (over) failed++;
  if (process.env.KOLO_SIZE_BYTES && budget !== null) console.log(`${name}: ${s.brotli} of ${budget} bytes brotli (${s.files} files)`);
  rows.push({ entry: `${name} (${s.files} files)`, ...s, budget: budget === null ? '' : `${+(budget / 1024).toFixed(1)} KB`, status: budget === null ? '' : over ? 'OVER' : 'ok' });
  if (s.lazy) rows.push({ entry: '  └ loaded on first use by import() (HTTP adapter, popover fallback)', ...s.lazy, budget: '', status: '' });
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
