// Server-side rendering from the installed tarballs, in plain Node: the package entries import
// without a DOM, and `@kolo/widgets/ssr` (with its optional peers @lit-labs/ssr and linkedom, as an
// adopter installs them) renders HTML-authored widgets into declarative shadow DOM.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ root, dir, registry, check, run }) {
  await check('@kolo/widgets and every define entry import in plain Node (no DOM)', () => {
    const specifiers = ['@kolo/widgets', '@kolo/widgets/define', ...registry.map((w) => `@kolo/widgets/define/${w.entry}`)];
    const script = `
      for (const s of ${JSON.stringify(specifiers)}) await import(s);
      for (const tag of ${JSON.stringify(registry.map((w) => w.tag))}) if (!customElements.get(tag)) throw new Error(tag + ' is not defined');`;
    execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe' });
  });

  await check('@kolo/widgets/ssr renders HTML-authored widgets with @lit-labs/ssr (Node)', () => {
    // saved in the project's package.json: later installs by other modules keep them (the browser checks need ssr-client)
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '@lit-labs/ssr@^4.1.0', '@lit-labs/ssr-client@^1.1.8', 'linkedom@^0.18.15'], { cwd: dir, stdio: 'pipe' });
    const script = `
      import { renderWidgets } from '@kolo/widgets/ssr';
      const out = renderWidgets('<kolo-poll poll-id="pack"><h3>Tea or coffee?</h3><ul><li data-value="t">Tea</li><li data-value="c">Coffee</li></ul></kolo-poll>'
        + '<kolo-disclosure type="partner">Made with a partner.</kolo-disclosure>');
      const shadows = out.match(/<template shadowroot="open" shadowrootmode="open">/g) ?? [];
      if (shadows.length !== 2) throw new Error('expected 2 shadow roots: ' + out.slice(0, 400));
      const poll = out.slice(out.indexOf('<template'), out.indexOf('</template>'));
      for (const s of ['<legend part="question legend"><span role="heading" aria-level="3">Tea or coffee?</span></legend>', '<span>Coffee</span>', 'part="vote-button"']) if (!poll.includes(s)) throw new Error('missing ' + s);
      if (/can.t be shown/.test(out)) throw new Error('rendered an error');`;
    execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe' });
  });

  await check('every widget of the registry renders from the tarballs (renderWidgets); Chromium checks written', async () => {
    // the widgets' SSR fixtures (one authored widget per tag), from the workspace's test utilities
    const source = transformSync(readFileSync(join(root, 'packages/widgets/src/test-utils/ssr-fixtures.ts'), 'utf8'), { loader: 'ts', format: 'esm' }).code;
    const { fixtures } = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    writeFileSync(join(dir, 'ssr-fixtures.json'), JSON.stringify(fixtures));
    const script = `
      import { readFileSync, writeFileSync } from 'node:fs';
      import { renderWidgets } from '@kolo/widgets/ssr';
      const fixtures = JSON.parse(readFileSync('ssr-fixtures.json', 'utf8'));
      writeFileSync('ssr-page.json', JSON.stringify(fixtures.map((f) => ({ ...f, html: renderWidgets(f.html) }))));`;
    execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe' });
    const rendered = JSON.parse(readFileSync(join(dir, 'ssr-page.json'), 'utf8'));
    if (rendered.length !== registry.length) throw new Error(`${rendered.length} fixtures for ${registry.length} widgets`);
    for (const f of rendered) {
      const shadow = f.html.slice(f.html.indexOf('<template shadowroot'), f.html.indexOf('</template>'));
      if (!shadow || !f.shows.every((s) => shadow.includes(s)) || /can.t be shown|<slot(?![^>]*\bname=)/.test(shadow)) throw new Error(`${f.tag} rendered ${shadow.slice(0, 300)}`);
    }
    const test = (setup) => `${setup}
      const rendered = ${JSON.stringify(rendered)};
      const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const box = (el) => JSON.stringify(['top', 'left', 'width', 'height'].map((k) => Math.round(el.getBoundingClientRect()[k])));
      it('server output of every widget hydrates without an error or a layout shift', async () => {
        const page = document.createElement('main');
        page.setAttribute('kolo-adapter', 'memory');
        page.style.cssText = 'inline-size: 40rem';
        for (const f of rendered) {
          const section = document.createElement('section');
          section.setHTMLUnsafe(f.html);
          page.append(section);
        }
        document.body.append(page);
        const hosts = rendered.map((f) => page.querySelector(f.tag));
        await frames();
        const before = hosts.map(box);
        const shifts = [];
        new PerformanceObserver((l) => shifts.push(...l.getEntries())).observe({ type: 'layout-shift' });
        const errors = [];
        addEventListener('error', (e) => errors.push(e.message));
        const log = console.error;
        console.error = (...a) => errors.push(a.join(' '));
        await import('@kolo/widgets/define');
        await Promise.all(hosts.map((h) => h.updateComplete));
        await frames();
        console.error = log;
        if (errors.length) throw new Error('errors: ' + errors.join('; '));
        hosts.forEach((h, i) => {
          if (h.shadowRoot.querySelector('template, style, slot:not([name])')) throw new Error(h.localName + ' kept the server markup');
          if (box(h) !== before[i]) throw new Error(h.localName + ' moved: ' + before[i] + ' → ' + box(h));
        });
        if (shifts.length) throw new Error('layout shifts: ' + shifts.map((s) => s.value).join());
      });`;
    writeFileSync(join(dir, 'ssr.test.js'), test(''));
    // a page that hydrates its own Lit elements loads Lit's hydrate support before Lit
    writeFileSync(join(dir, 'ssr-hydrate-support.test.js'), test("import '@lit-labs/ssr-client/lit-element-hydrate-support.js';"));
  });
}
