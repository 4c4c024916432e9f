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

export async function profilePage(browser, origin, name, bundle) {
  const page = await browser.newPage();
  // same-origin first, so the page's navigation stays in this renderer and its profiler
  await page.goto(`${origin}/none`);
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(`${origin}/${name}.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench, { timeout: 30000 });
  const { profile } = await cdp.send('Profiler.stop');
  const times = await page.evaluate(() => window.__bench);
  await page.close();

  const moduleOf = moduleLines(bundle);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = (f) => new URL(f.url || 'about:blank').pathname === `/${name}.js`;
  const label = (n) => {
    const f = n.callFrame;
    if (!ours(f)) return `${f.functionName || '(anonymous)'}${f.url ? ` ${f.url.split('/').pop()}` : ''}`;
    return `${f.functionName || '(anonymous)'} ${moduleOf(f.lineNumber)}:${f.lineNumber + 1}`;
  };
  const self = new Map();
  const total = new Map();
  const modules = new Map();
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
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
  const top = (map, k) => [...map].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log(`\n${name}: eval ${(times.eval - times.start).toFixed(1)} ms, render ${(times.ready - times.eval).toFixed(1)} ms (unminified, profiler on)`);
  console.log('\nself time by module group (ms):');
  for (const [k, v] of top(modules, 20)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  console.log('\nfunctions by total time (ms):');
  for (const [k, v] of top(total, 45)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
  console.log('\nfunctions by self time (ms):');
  for (const [k, v] of top(self, 30)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
}
