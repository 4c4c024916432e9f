// The CDN files and the published metadata from the installed tarballs: the files import in plain
// Node, every file names the bundled packages whose code it holds (read from its source map) and the
// licences ship, source maps carry their sources; in Chromium the autoloader defines a tag when it
// first appears and a CDN-only page adds a language with registerMessages.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` whose name ends with `suffix`. */
const filesIn = (dir, suffix) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(suffix)).map((f) => join(dir, f));

/** Bundled package → what its notice in a CDN file must contain. */
const NOTICES = { zod: 'zod 4', nanostores: 'nanostores 1', '@floating-ui/dom': '@floating-ui/dom 1', 'lit-html': 'Google LLC' };

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ root, dir, registry, check, tgz }) {
  const widgets = join(dir, 'node_modules/@kolo/widgets');
  const cdn = join(widgets, 'dist/cdn');
  const entries = ['kolo', 'autoloader', ...registry.map((w) => w.tag)];

  await check('each package ships LICENSE and README, its metadata and caret ranges', () => {
    for (const name of ['core', 'widgets']) {
      const list = execFileSync('tar', ['-tzf', tgz(name)], { encoding: 'utf8' });
      for (const f of ['package/LICENSE', 'package/README.md']) if (!list.includes(f)) throw new Error(`@kolo/${name}: no ${f}`);
      const p = JSON.parse(readFileSync(join(dir, 'node_modules/@kolo', name, 'package.json'), 'utf8'));
      for (const k of ['repository', 'homepage', 'bugs', 'keywords', 'engines', 'author']) if (!p[k]) throw new Error(`@kolo/${name}: no ${k}`);
      if (p.publishConfig?.access !== 'public') throw new Error(`@kolo/${name}: publishConfig.access is ${p.publishConfig?.access}`);
      if (!p.exports['./package.json']) throw new Error(`@kolo/${name}: ./package.json not exported`);
      for (const [dep, range] of Object.entries(p.dependencies)) if (!range.startsWith('^')) throw new Error(`@kolo/${name}: ${dep} ${range} is not a caret range`);
    }
  });

  await check('every CDN file imports in plain Node and exports registerMessages, provideAdapter, registerAdapter (and nothing else under cdn/ is exported)', () => {
    const script = `
      const files = ${JSON.stringify(entries)};
      for (const f of files) {
        const m = await import('@kolo/widgets/cdn/' + f);
        for (const n of ['registerMessages', 'provideAdapter', 'registerAdapter']) if (typeof m[n] !== 'function') throw new Error(f + '.js: no ' + n);
      }
      const all = await import('@kolo/widgets/cdn');
      if (typeof all.KoloPoll !== 'function') throw new Error('kolo.js: no KoloPoll');
      if (typeof globalThis.document !== 'undefined' || typeof globalThis.HTMLElement !== 'undefined') throw new Error('a CDN file wrote DOM globals in Node');`;
    execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe' });
    // the cdn/ subpaths are the entries: no pattern reaches the types-only api or the chunks
    const { exports } = JSON.parse(readFileSync(join(widgets, 'package.json'), 'utf8'));
    const keys = Object.keys(exports).filter((k) => k.startsWith('./cdn/'));
    const reaches = (k, sub) => (k.includes('*') ? sub.startsWith(k.slice(0, k.indexOf('*'))) && sub.endsWith(k.slice(k.indexOf('*') + 1)) : k === sub);
    for (const sub of ['./cdn/api', './cdn/chunks/chunk-X']) if (keys.some((k) => reaches(k, sub))) throw new Error(`${sub} is exported`);
  });

  await check('every CDN file imports in Node after the Lit server build was loaded (lit, @kolo/widgets)', () => {
    // Lit's Node build sets a global customElements but no HTMLElement: the CDN files must not mix them
    for (const first of ['lit', '@kolo/widgets']) {
      const script = `
        await import(${JSON.stringify(first)});
        for (const f of ${JSON.stringify(entries)}) await import('@kolo/widgets/cdn/' + f);`;
      try {
        execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
      } catch (e) {
        throw new Error(`after ${first}: ${String(e.stderr).split('\n').find((l) => /Error/.test(l)) ?? e.message}`);
      }
    }
  });

  await check('the CDN files have types (a strict consumer project)', () => {
    writeFileSync(
      join(dir, 'cdn-check.ts'),
      `import { KoloPoll, registerMessages, provideAdapter } from '@kolo/widgets/cdn';
       import { discover, registerAdapter } from '@kolo/widgets/cdn/autoloader';
       import { KoloQuiz } from '@kolo/widgets/cdn/kolo-quiz';
       registerMessages('ar', { vote: 'صوّت' });
       registerAdapter('mine', () => { throw new Error('unused'); });
       export const found: Promise<unknown> = discover(document);
       export const classes: Array<typeof HTMLElement> = [KoloPoll, KoloQuiz];
       export const provide: (root: Node, a: Parameters<typeof provideAdapter>[1]) => void = provideAdapter;`,
    );
    const options = { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, types: [] };
    writeFileSync(join(dir, 'tsconfig.cdn.json'), JSON.stringify({ compilerOptions: options, files: ['cdn-check.ts'] }));
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.cdn.json'], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
  });

  await check('each CDN file names the bundled packages it holds; their licences ship', () => {
    const licences = readFileSync(join(cdn, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const who of ['Colin McDonnell', 'Andrey Sitnik', 'Floating UI contributors', 'Google LLC']) if (!licences.includes(who)) throw new Error(`THIRD-PARTY-LICENSES.txt lacks ${who}`);
    let seen = 0;
    for (const file of filesIn(cdn, '.js')) {
      const { sources } = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
      const text = readFileSync(file, 'utf8');
      for (const [pkg, notice] of Object.entries(NOTICES)) {
        if (!sources.some((s) => s.includes(`/node_modules/${pkg}/`))) continue;
        seen++;
        if (!text.includes(notice)) throw new Error(`${file} bundles ${pkg} without its notice`);
      }
    }
    if (seen < Object.keys(NOTICES).length) throw new Error(`only ${seen} bundled packages found: the check reads the source maps wrongly`);
  });

  await check('source maps of @kolo/core and @kolo/widgets carry their sources', () => {
    const maps = [...filesIn(join(dir, 'node_modules/@kolo/core/dist'), '.js.map'), ...filesIn(join(widgets, 'dist'), '.js.map')];
    if (maps.length < 50) throw new Error(`only ${maps.length} source maps`);
    for (const file of maps) {
      const m = JSON.parse(readFileSync(file, 'utf8'));
      if (!m.sources.length || m.sourcesContent?.length !== m.sources.length || m.sourcesContent.some((s) => typeof s !== 'string' || !s)) throw new Error(`${file}: sources without their content`);
    }
  });

  const wait = `const wait = async (fn, what) => { for (let i = 0; i < 150; i++) { if (fn()) return; await new Promise((r) => setTimeout(r, 30)); } throw new Error('timed out: ' + what); };`;
  writeFileSync(
    join(dir, 'cdn-autoloader.test.js'),
    `import { registerMessages } from '/node_modules/@kolo/widgets/dist/cdn/autoloader.js';
    ${wait}
    it('defines nothing before a tag appears, then the tag that appears', async () => {
      localStorage.clear();
      await new Promise((r) => setTimeout(r, 100));
      for (const t of ${JSON.stringify(registry.map((w) => w.tag))}) if (customElements.get(t)) throw new Error(t + ' defined before it appeared');
      document.body.insertAdjacentHTML('beforeend', '<kolo-poll poll-id="auto"><h3>Auto?</h3><ul><li data-value="a">A</li><li data-value="b">B</li></ul></kolo-poll>');
      const poll = document.querySelector('kolo-poll');
      await wait(() => poll.matches(':state(ready)'), 'the poll ready');
      if (customElements.get('kolo-quiz')) throw new Error('kolo-quiz loaded without appearing');
      const holder = document.createElement('section');
      holder.innerHTML = '<kolo-reactions reactions-id="auto-r" reactions="👍 ❤️"></kolo-reactions>';
      document.body.append(holder);
      await wait(() => holder.firstElementChild.matches(':state(ready)'), 'reactions added later ready');
    });
    it('adds a language with registerMessages (Arabic, right to left)', async () => {
      registerMessages('ar', { vote: 'صوّت' });
      document.body.insertAdjacentHTML('beforeend', '<kolo-poll poll-id="auto-ar" lang="ar" dir="rtl"><h3>سؤال؟</h3><ul><li data-value="a">أ</li><li data-value="b">ب</li></ul></kolo-poll>');
      const poll = document.querySelector('kolo-poll[lang="ar"]');
      await wait(() => poll.matches(':state(ready)'), 'the Arabic poll ready');
      const button = poll.shadowRoot.querySelector('[part~="vote-button"]');
      if (button.textContent.trim() !== 'صوّت') throw new Error('vote button says ' + button.textContent.trim());
      if (getComputedStyle(button).direction !== 'rtl') throw new Error('not right to left');
    });`,
  );
}
