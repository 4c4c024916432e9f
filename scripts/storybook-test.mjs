#!/usr/bin/env node
// The built Storybook as a designer and a test both see it: serve `storybook-static/` (built by
// `pnpm build-storybook`; this script builds nothing) on loopback, open it in Chromium, and run every
// check module `scripts/storybook/NN-*.mjs` in name order (see scripts/storybook/story-page.mjs for
// how a story is opened). Prints one line per check and "N passed, N failed"; with KOLO_RESULTS=file
// also writes {passed, failed, failures} there.
//   --update-pictures   write the picture baselines instead of comparing (pnpm pictures:update)
//   --only=NN           run only the modules whose name starts with NN (e.g. --only=30)
//   --stories=text      only the stories whose id contains text (e.g. --stories=poll)
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checks } from './lib/checks.mjs';
import { launchChromium } from './lib/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'storybook-static');
const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const { check, fail, finish } = checks({ why: (e) => e?.message ?? e, lines: 24 });

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.map': 'application/json',
};

/** A static file server for `dir` on 127.0.0.1 (a free port); resolves to its base URL. */
function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^([/\\])+/, '');
    let file = join(dir, path);
    if (!file.startsWith(dir + sep) && file !== dir) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': path.startsWith('assets') ? 'max-age=3600' : 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}/` })));
}

let browser;
let server;
const profile = mkdtempSync(join(tmpdir(), 'kolo-storybook-chromium-'));
try {
  if (!existsSync(join(dist, 'index.json'))) throw new Error('storybook-static/index.json is missing: run `pnpm build-storybook` first');
  const index = JSON.parse(readFileSync(join(dist, 'index.json'), 'utf8'));
  const served = await serve(dist);
  server = served.server;
  browser = await launchChromium({
    userDataDir: profile,
    protocolTimeout: 60000,
    args: ['--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
      '--font-render-hinting=none', '--disable-lcd-text', '--hide-scrollbars', '--force-color-profile=srgb'],
  });
  const only = flag('stories');
  const stories = Object.values(index.entries).filter((e) => e.type === 'story' && (!only || e.id.includes(only)));
  const ctx = { browser, base: served.base, index, stories, check, args, root };
  const pick = flag('only');
  const modules = readdirSync(join(root, 'scripts/storybook')).filter((f) => /^\d\d-.*\.mjs$/.test(f) && (!pick || f.startsWith(pick))).sort();
  for (const m of modules) {
    const mod = await import(pathToFileURL(join(root, 'scripts/storybook', m)).href);
    const started = Date.now();
    console.log(` ${m}: ${mod.title ?? ''}`);
    await mod.default(ctx);
    console.log(`   (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
} catch (e) {
  fail(`the Storybook checks could not run: ${e.stack ?? e.message}`);
} finally {
  await browser?.close().catch(() => {});
  server?.close();
  rmSync(profile, { recursive: true, force: true });
}

finish('storybook');
