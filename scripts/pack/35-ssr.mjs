// Server-side rendering from the installed tarballs, in plain Node: the package entries import
// without a DOM, and `@kolo/widgets/ssr` (with its optional peers @lit-labs/ssr and linkedom, as an
// adopter installs them) renders HTML-authored widgets into declarative shadow DOM.
import { execFileSync } from 'node:child_process';

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ dir, registry, check, run }) {
  await check('@kolo/widgets and every define entry import in plain Node (no DOM)', () => {
    const specifiers = ['@kolo/widgets', '@kolo/widgets/define', ...registry.map((w) => `@kolo/widgets/define/${w.entry}`)];
    const script = `
      for (const s of ${JSON.stringify(specifiers)}) await import(s);
      for (const tag of ${JSON.stringify(registry.map((w) => w.tag))}) if (!customElements.get(tag)) throw new Error(tag + ' is not defined');`;
    execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe' });
  });

  await check('@kolo/widgets/ssr renders HTML-authored widgets with @lit-labs/ssr (Node)', () => {
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-save', '@lit-labs/ssr@^4.1.0', 'linkedom@^0.18.15'], { cwd: dir, stdio: 'pipe' });
    const script = `
      import { renderWidgets } from '@kolo/widgets/ssr';
      const out = renderWidgets('<kolo-poll poll-id="pack"><h3>Tea or coffee?</h3><ul><li data-value="t">Tea</li><li data-value="c">Coffee</li></ul></kolo-poll>'
        + '<kolo-disclosure type="partner">Made with a partner.</kolo-disclosure>');
      const shadows = out.match(/<template shadowroot="open" shadowrootmode="open">/g) ?? [];
      if (shadows.length !== 2) throw new Error('expected 2 shadow roots: ' + out.slice(0, 400));
      const poll = out.slice(out.indexOf('<template'), out.indexOf('</template>'));
      for (const s of ['<legend part="question">Tea or coffee?</legend>', '<span>Coffee</span>', 'part="vote-button"']) if (!poll.includes(s)) throw new Error('missing ' + s);
      if (/can.t be shown/.test(out)) throw new Error('rendered an error');`;
    execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe' });
  });
}
