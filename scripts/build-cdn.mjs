// The CDN files (packages/widgets/dist/cdn), for pages without a bundler, built with code splitting,
// so files used together share their chunks (one Lit, one registry of adapters):
//   kolo-<tag>.js  one widget each (kolo-poll.js …)       } one build: a page may use any of them
//   autoloader.js  loads kolo-<tag>.js when a <kolo-*>     } together
//                  element first appears
//   kolo.js        every widget registered (the all-in-one file; a build of its own)
//   chunks/        the shared code; THIRD-PARTY-LICENSES.txt the licences of the bundled packages
// Each file exports registerMessages, provideAdapter and registerAdapter (src/cdn/api.ts), ends with
// the notices of the packages whose code it holds, and imports in Node without throwing.
// `node scripts/build-cdn.mjs` (from anywhere) writes them; scripts/size.mjs measures the same build.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedOptions } from './esbuild-shared.mjs';
import { coreDirectImports } from './core-direct-imports.mjs';
import { readRegistry, widgetsDir } from './registry.mjs';

const KOLO_NOTICE = '/*! Kolo | MIT License | Copyright (c) 2026 Kolo contributors */';
export const LICENSES_FILE = 'THIRD-PARTY-LICENSES.txt';

/**
 * The entries: name (the output file without `.js`) → a file of src/cdn, or a module source
 * resolved from there (a virtual entry per widget).
 */
export async function cdnEntries() {
  const { widgets, className } = await readRegistry();
  const entries = { kolo: { file: 'kolo.ts' }, autoloader: { file: 'autoloader.ts' } };
  for (const w of widgets) {
    entries[w.tag] = `import '../define/kolo-${w.entry}.ts';\nexport { ${className(w.tag)} } from '../${w.module}';\nexport * from './api.ts';`;
  }
  return entries;
}

/** Serves the entries from memory, named after their output file. */
const virtualEntries = (entries) => ({
  name: 'kolo-cdn-entries',
  setup(b) {
    b.onResolve({ filter: /^kolo-cdn:/ }, (a) => ({ path: a.path.slice('kolo-cdn:'.length), namespace: 'kolo-cdn' }));
    b.onLoad({ filter: /.*/, namespace: 'kolo-cdn' }, (a) => ({ contents: entries[a.path], resolveDir: join(widgetsDir, 'src/cdn'), loader: 'ts' }));
  },
});

/**
 * lit-html reads `document` when it loads (to make its tree walker); in Node there is none. The
 * stand-in is what Lit's own Node build uses; in a browser the real document is taken.
 */
const litHtmlInNode = {
  name: 'kolo-lit-html-in-node',
  setup(b) {
    b.onLoad({ filter: /[\\/]lit-html[\\/]lit-html\.js$/ }, ({ path }) => ({
      contents: `const document = globalThis.document ?? { createTreeWalker: () => ({}) };\n${readFileSync(path, 'utf8')}`,
      loader: 'js',
    }));
  },
};

/** The package an input file belongs to ({ dir, name, version, license }), or null for Kolo's own code. */
function packageOf(input, cache) {
  const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (!m) return null;
  if (!cache.has(m[1])) {
    const pkg = JSON.parse(readFileSync(join(widgetsDir, m[1], 'package.json'), 'utf8'));
    const licenseFile = readdirSync(join(widgetsDir, m[1])).find((f) => /^licen[cs]e/i.test(f));
    const text = licenseFile ? readFileSync(join(widgetsDir, m[1], licenseFile), 'utf8').trim() : '';
    const copyright = /^.*copyright.*$/im.exec(text)?.[0].trim() ?? '';
    cache.set(m[1], { dir: m[1], name: pkg.name, version: pkg.version, license: pkg.license, text, copyright, legal: false });
  }
  const p = cache.get(m[1]);
  // a package whose bundled code carries a legal comment (Lit's @license) keeps it through legalComments
  if (!p.legal && /@license|@preserve|\/\*!/.test(readFileSync(join(widgetsDir, input), 'utf8'))) p.legal = true;
  return p;
}

/** One line per bundled package with no legal comment of its own, then Kolo's in an entry file. */
function notices(inputs, cache, entry) {
  const packages = new Map();
  for (const input of inputs) {
    const p = packageOf(input, cache);
    if (p) packages.set(p.name, p);
  }
  const lines = [...packages.values()]
    .filter((p) => !p.legal)
    .map((p) => `/*! ${p.name} ${p.version} | ${p.license} License | ${p.copyright} | full text: ${LICENSES_FILE} */`);
  return [...lines, ...(entry ? [KOLO_NOTICE] : [])].join('\n');
}

/**
 * One esbuild build with code splitting. The all-in-one file is built apart from the per-widget
 * files: in one build esbuild keeps in every shared chunk what any entry uses, so each widget's
 * file would carry the others' code (kolo-poll.js measured 33 KB brotli instead of 23 KB).
 */
async function split(entries, names) {
  return build({
    ...sharedOptions,
    absWorkingDir: widgetsDir,
    plugins: [virtualEntries(entries), litHtmlInNode, coreDirectImports(/packages\/widgets\/src\//), ...sharedOptions.plugins],
    // a file with side effects is an entry itself: re-exported from a virtual entry, esbuild dropped them
    entryPoints: Object.fromEntries(names.map((name) => [name, entries[name].file ? join(widgetsDir, 'src/cdn', entries[name].file) : `kolo-cdn:${name}`])),
    inject: [join(widgetsDir, 'src/cdn/dom-shim.ts')],
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outdir: join(widgetsDir, 'dist/cdn'),
    sourcemap: true,
    legalComments: 'eof',
    metafile: true,
    write: false,
  });
}

/**
 * Runs the builds; returns every output file (name relative to dist/cdn → bytes) without writing,
 * the metafile outputs (keys relative to packages/widgets) and the entry names.
 */
export async function buildCdn() {
  const entries = await cdnEntries();
  const names = Object.keys(entries);
  const outdir = join(widgetsDir, 'dist/cdn');
  const builds = [await split(entries, ['kolo']), await split(entries, names.filter((n) => n !== 'kolo'))];
  const cache = new Map();
  const files = new Map();
  const outputs = {};
  for (const r of builds) {
    for (const f of r.outputFiles) {
      const name = relative(outdir, f.path);
      const key = relative(widgetsDir, f.path);
      let bytes = f.contents;
      if (name.endsWith('.js')) {
        const inputs = Object.keys(r.metafile.outputs[key].inputs);
        // after the code and before the source map comment, so no mapping moves
        const text = Buffer.from(bytes).toString('utf8').replace(/(\/\/# sourceMappingURL=\S+\s*)?$/, (map) =>
          `${notices(inputs, cache, Boolean(r.metafile.outputs[key].entryPoint))}\n${map}`);
        bytes = Buffer.from(text);
      }
      if (files.has(name) && !Buffer.from(files.get(name)).equals(Buffer.from(bytes))) throw new Error(`build-cdn: two different ${name}`);
      files.set(name, bytes);
      if (r.metafile.outputs[key]) outputs[key] = r.metafile.outputs[key];
    }
  }
  const bundled = [...cache.values()].sort((a, b) => a.name.localeCompare(b.name));
  files.set(LICENSES_FILE, Buffer.from(bundled.map((p) => `${p.name}@${p.version} (${p.license})\n\n${p.text}\n`).join(`\n${'-'.repeat(72)}\n\n`)));
  return { files, outputs, entries: names };
}

/**
 * The types of the per-widget files (tsc declares kolo.js, autoloader.js and api.js from src/cdn;
 * these entries are virtual).
 */
export async function widgetTypes() {
  const { widgets, className } = await readRegistry();
  return widgets.map((w) => [`${w.tag}.d.ts`, `export { ${className(w.tag)} } from '../${w.module.replace(/\.ts$/, '.js')}';\nexport * from './api.js';\n`]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files } = await buildCdn();
  const outdir = join(widgetsDir, 'dist/cdn');
  // what tsc declared stays; its JavaScript (and an older build's) goes
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
  if (existsSync(outdir)) for (const f of readdirSync(outdir)) if (/\.js(\.map)?$/.test(f)) rmSync(join(outdir, f));
  for (const [name, bytes] of [...files, ...(await widgetTypes())]) {
    mkdirSync(dirname(join(outdir, name)), { recursive: true });
    writeFileSync(join(outdir, name), bytes);
  }
}
