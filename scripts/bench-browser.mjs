#!/usr/bin/env node
// Browser speed, in one run against an anchor: a blank page, a Lit "hello" element over it (the
// anchor), one poll's first render, a page of nine widgets and a feed of 50 polls. Each page is a
// production bundle (esbuild, minified, as the CDN and the size budget build it), loaded as a first
// visit (see `load`) from a local server, the pages interleaved round by round.
// For each page it prints medians over the rounds of:
//   ready   the document's first byte → every element rendered (out of its loading state) and laid out
//   busy    the renderer's main-thread CPU time (CDP TaskDuration in thread ticks: other processes
//           on the machine do not inflate it), from the navigation to the end
//   fetched the document's first byte → the script's last byte
//   wait    from there → the script's first statement (compiling it; the document's parsing, styles)
//   eval    the bundle's first statement → its modules evaluated and the elements defined (upgraded)
//   render  from there → rendered and laid out
// as the cost over the blank page (measured in the same round) and its ratio to the Lit hello's;
// and the longest task (PerformanceObserver `longtask`, so only tasks over 50 ms: 0 means none).
//   pnpm bench:browser [--runs 15] [--pages poll,nine] [--base main] [--json out.json] [--profile poll | --trace poll]
// --profile PAGE loads an unminified build of PAGE with the CPU profiler and prints where the time
// goes, by source module and by function (mean of --runs loads, default 5); --trace PAGE prints the main thread's CPU time by trace
// event (compiling, style, layout …) and its longest tasks (see bench-browser/profile.mjs).
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { sharedOptions } from './esbuild-shared.mjs';
import { BANNER, PAGES, entrySource, pageHtml } from './bench-browser/pages.mjs';
import { profilePage, tracePage } from './bench-browser/profile.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', process.env.KOLO_BENCH_RUNS ?? 15));
const PROFILE = arg('profile');
const TRACE = arg('trace');
// --pages blank,lit,poll measures only those (the blank page and the anchor are always in)
const chosen = Object.keys(PAGES).filter((n) => n === 'blank' || n === 'lit' || !arg('pages') || arg('pages').split(',').includes(n));
// --base REF also measures each widget page with @kolo/core's sources as they are at the git REF
// (e.g. main), in the same run: a before/after of a change to core
const BASE = arg('base');
const names = [...chosen, ...(BASE ? chosen.filter((n) => n !== 'blank' && n !== 'lit').map((n) => `${n}@base`) : [])];
const pageOf = (id) => id.split('@')[0];
const labelOf = (id) => PAGES[pageOf(id)].label + (id.includes('@') ? ` @${BASE}` : '');

/** Loads @kolo/core's source files as they are at the git ref `base`. */
const coreAt = (base) => ({
  name: 'kolo-bench-core-at',
  setup(b) {
    b.onLoad({ filter: /packages\/core\/src\/.*\.ts$/ }, ({ path }) => ({
      contents: execFileSync('git', ['show', `${base}:${relative(root, path)}`], { cwd: root, encoding: 'utf8' }),
      loader: 'ts',
    }));
  },
});

/**
 * The page's files as a site's production build makes them (minify: false for profiling): its entry
 * `/NAME/entry.js` and the chunks that only `import()` reaches (the HTTP adapter), as Vite splits them.
 */
async function bundle(id, minify) {
  const name = pageOf(id);
  const entry = {
    name: 'kolo-bench-entry',
    setup(b) {
      b.onResolve({ filter: /^kolo-bench-entry$/ }, () => ({ path: 'entry', namespace: 'kolo-bench' }));
      b.onLoad({ filter: /.*/, namespace: 'kolo-bench' }, () => ({ contents: entrySource(name), resolveDir: root, loader: 'js' }));
    },
  };
  const r = await build({
    ...sharedOptions,
    minify,
    plugins: [...(id.includes('@') ? [coreAt(BASE)] : []), entry, ...sharedOptions.plugins],
    entryPoints: { entry: 'kolo-bench-entry' },
    banner: { js: BANNER },
    splitting: true,
    write: false,
    metafile: true,
    outdir: `/${id}`,
  });
  // what the entry imports statically: preloaded from the page, as Vite's <link rel="modulepreload">
  const entryOut = Object.values(r.metafile.outputs).find((o) => o.entryPoint);
  const preload = entryOut.imports.filter((i) => i.kind === 'import-statement').map((i) => `/${id}/${i.path.split('/').pop()}`);
  return { files: r.outputFiles.map((f) => [f.path, f.text]), preload };
}

const files = new Map([['/none', '<!doctype html><link rel="icon" href="data:,">']]);
for (const id of names) {
  const { files: out, preload } = await bundle(id, !PROFILE);
  files.set(`/${id}.html`, pageHtml(pageOf(id), preload, id));
  for (const [path, text] of out) files.set(path, text);
}
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const load = url.searchParams.get('load') ?? '';
  const path = url.pathname;
  let body = files.get(path);
  if (body !== undefined && path.endsWith('.html')) body = body.replace(/(src="[^"]+\.js)"/, `$1?load=${load}"`);
  else if (body !== undefined && path.endsWith('.js')) body += `\n// load ${load}\n`;
  res.writeHead(body === undefined ? 404 : 200, {
    'content-type': path.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(body ?? '');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const profileDir = mkdtempSync(join(tmpdir(), 'kolo-bench-'));
const browser = await launchChromium({ userDataDir: profileDir, args: ['--disable-extensions'] });

let loads = 0;

/**
 * One load of a page, its times, long tasks and main-thread time, as a first visit: a fresh browser
 * context (its renderer has run nothing but an empty page of the same origin, so its start is not
 * measured), a new URL and a script with a new source (a comment), so neither the HTTP cache nor
 * V8's caches serve it.
 */
async function load(name) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${origin}/none`);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }); // counts CPU time from here
    await page.goto(`${origin}/${name}.html?load=${++loads}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench, { timeout: 30000 });
    // long tasks are reported after they end: give the observer a moment
    const r = await page.evaluate(() => new Promise((done) => setTimeout(() => done({ ...window.__bench, long: window.__long }), 100)));
    const busy = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
    if (r.wrong.length) throw new Error(`${name}: not rendered with its content: ${r.wrong.join(', ')}`);
    return { ready: r.ready, busy, fetched: r.fetched, compile: r.start - r.first - r.fetched, eval: r.eval - r.start, render: r.end - r.eval, long: Math.max(0, ...r.long), elements: r.elements };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

try {
  if (TRACE) {
    await tracePage(browser, origin, TRACE);
  } else if (PROFILE) {
    await profilePage(browser, origin, PROFILE, files.get(`/${PROFILE}/entry.js`), Number(arg('runs', 5)));
  } else {
    const samples = Object.fromEntries(names.map((n) => [n, []]));
    for (const n of names) await load(n); // warm-up round, not counted
    for (let round = 0; round < RUNS; round++) {
      // a different order each round, so no page always runs first or after the same one
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const n of order) samples[n].push(await load(n));
      process.stdout.write(`\r  round ${round + 1}/${RUNS}`);
    }
    process.stdout.write('\n');
    const blank = samples.blank;
    /** per round: the page's value minus the blank page's in the same round; then the median */
    const cost = (n, key) => median(samples[n].map((s, i) => s[key] - blank[i][key]));
    const m = (n, key) => median(samples[n].map((s) => s[key]));
    const rows = names.map((n) => ({
      page: labelOf(n),
      elements: samples[n][0].elements,
      readyMs: m(n, 'ready'),
      readyRatio: m(n, 'ready') / m('lit', 'ready'),
      readyCostMs: cost(n, 'ready'),
      readyCostRatio: cost(n, 'ready') / cost('lit', 'ready'),
      busyMs: m(n, 'busy'),
      busyRatio: m(n, 'busy') / m('lit', 'busy'),
      busyCostMs: cost(n, 'busy'),
      busyCostRatio: cost(n, 'busy') / cost('lit', 'busy'),
      fetchedMs: m(n, 'fetched'),
      compileMs: m(n, 'compile'),
      evalMs: m(n, 'eval'),
      renderMs: m(n, 'render'),
      longestTaskMs: m(n, 'long'),
      longestTaskMaxMs: Math.max(...samples[n].map((s) => s.long)),
    }));
    const f = (x, d = 1, w = 6) => (Number.isFinite(x) ? x.toFixed(d) : '—').padStart(w);
    console.log(`\nbrowser bench: ${RUNS} rounds, medians. × Lit: the page ÷ the Lit hello page (the blank page with one Lit element);`);
    console.log('cost: the page − the blank page in the same round, and that ÷ the Lit hello\'s cost. ready: wall time from the');
    console.log('document\'s first byte to everything rendered; busy: main-thread CPU time; longest task: wall time, 0 = none over 50 ms.');
    console.log('page                        |  ready  × Lit |   cost  × Lit |   busy  × Lit |   cost  × Lit | fetched  wait   eval  render | longest task (median / max)');
    for (const r of rows) {
      console.log(
        `${r.page.padEnd(27)} | ${f(r.readyMs)} ${f(r.readyRatio, 2)} | ${f(r.readyCostMs)} ${f(r.readyCostRatio, 2)} | ${f(r.busyMs)} ${f(r.busyRatio, 2)} | ${f(r.busyCostMs)} ${f(r.busyCostRatio, 2)} | ${f(r.fetchedMs, 1, 7)} ${f(r.compileMs, 1, 5)} ${f(r.evalMs, 1, 6)} ${f(r.renderMs, 1, 7)} | ${r.longestTaskMs.toFixed(0)} / ${r.longestTaskMaxMs.toFixed(0)} ms`,
      );
    }
    const json = arg('json');
    if (json) writeFileSync(json, JSON.stringify({ runs: RUNS, rows }, null, 2));
  }
} finally {
  await browser.close();
  server.close();
  rmSync(profileDir, { recursive: true, force: true });
}
