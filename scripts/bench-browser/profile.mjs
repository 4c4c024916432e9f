// `pnpm bench:browser --profile PAGE`: where a page's first render goes. Loads an unminified build
// of the page with the V8 CPU profiler sampling every 50 µs and prints self time by source module
// (from esbuild's `// path` comments in the bundle) and the functions with the most total and self time.

/** [first line, module] for each module esbuild put in the (unminified) bundle, by line. */
function moduleLines(bundle) {
  const starts = [];
  bundle.split('\n').forEach((line, i) => {
    const m = /^\/\/ (\S+\.(?:[mc]?js|ts))$/.exec(line);
    if (m) starts.push([i, m[1].replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^packages\//, '')]);
  });
  return (line) => {
    let found = '(bundle)';
    for (const [start, name] of starts) if (start <= line) found = name;
    return found;
  };
}

/** The module's group: a package, or a folder of ours (`core/src/voting`). */
const group = (module) => module.split('/').slice(0, module.startsWith('core/') || module.startsWith('widgets/') ? 3 : 1).join('/');

/** `runs` loads of the page profiled, their times summed (and divided by `runs`), then printed. */
export async function profilePage(browser, origin, name, bundle, runs) {
  const sums = { self: new Map(), total: new Map(), modules: new Map() };
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms / runs);
  for (let i = 0; i < runs; i++) await profileOnce(browser, origin, name, bundle, sums, add);
  const top = (map, k) => [...map].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log(`\n${name}: ${runs} loads, mean ms per load (unminified, profiler on)`);
  console.log('\nself time by module group (ms):');
  for (const [k, v] of top(sums.modules, 20)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  console.log('\nfunctions by total time (ms):');
  for (const [k, v] of top(sums.total, 50)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  console.log('\nfunctions by self time (ms):');
  for (const [k, v] of top(sums.self, 30)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
}

async function profileOnce(browser, origin, name, bundle, { self, total, modules }, add) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  // same-origin first, so the page's navigation stays in this renderer and its profiler
  await page.goto(`${origin}/none`);
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(`${origin}/${name}.html?load=${Math.random()}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench, { timeout: 30000 });
  const { profile } = await cdp.send('Profiler.stop');
  await context.close();

  const moduleOf = moduleLines(bundle);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = (f) => f.url.startsWith('http') && new URL(f.url).pathname === `/${name}/entry.js`;
  const label = (n) => {
    const f = n.callFrame;
    if (!ours(f)) return `${f.functionName || '(anonymous)'}${f.url ? ` ${f.url.split('/').pop()}` : ''}`;
    return `${f.functionName || '(anonymous)'} ${moduleOf(f.lineNumber)}:${f.lineNumber + 1}`;
  };
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    if (node.callFrame.functionName === '(idle)') return;
    add(self, label(node), ms);
    const f = node.callFrame;
    add(modules, ours(f) ? group(moduleOf(f.lineNumber)) : f.functionName || '(native)', ms);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const key = label(byId.get(n));
      if (!seen.has(key)) add(total, key, ms), seen.add(key);
    }
  });
}

/**
 * `--trace PAGE`: the renderer main thread's work while PAGE loads, from a Chrome trace: CPU time
 * (thread time) by event name, counting each event's own time (minus the events inside it), and the
 * longest tasks.
 */
export async function tracePage(browser, origin, name) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(`${origin}/none`);
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'blink', 'loading'] });
  await page.goto(`${origin}/${name}.html?load=trace`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench, { timeout: 30000 });
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString("utf8")).traceEvents;
  await context.close();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'ParseHTML'));
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.tdur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // own thread time: each event's tdur minus its direct children's
  const own = new Map();
  const stack = [];
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) own.set(parent, (own.get(parent) ?? parent.tdur) - e.tdur);
    own.set(e, e.tdur);
    stack.push(e);
  }
  // own.get(e) was set to e.tdur on entry and reduced by its children later
  const byName = new Map();
  for (const e of mine) {
    const key = e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compileModule' ? `${e.name} ${(e.args?.data?.url ?? '').split('/').slice(-2).join('/')}` : e.name;
    byName.set(key, (byName.get(key) ?? 0) + (own.get(e) ?? 0) / 1000);
  }
  const tasks = mine.filter((e) => e.name === 'RunTask').sort((a, b) => b.tdur - a.tdur).slice(0, 5);
  console.log(`\n${name}: main-thread CPU time by event (own time, ms; total ${(mine.filter((e) => e.name === 'RunTask').reduce((s, e) => s + e.tdur, 0) / 1000).toFixed(1)} in tasks)`);
  for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  console.log(`longest tasks (CPU / wall ms): ${tasks.map((t) => `${(t.tdur / 1000).toFixed(1)} / ${(t.dur / 1000).toFixed(1)}`).join(', ')}`);
}
