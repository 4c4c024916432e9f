// The manifest and editor data in the widgets tarball describe what ships: paths that are in the
// tarball, a definition per tag, typed events, no private API; `define/*` alone types the tag and its events.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ root, dir, registry, check }) {
  const pkg = join(dir, 'node_modules/@kolo/widgets');
  const read = (file) => JSON.parse(readFileSync(join(pkg, file), 'utf8'));

  await check('the manifest names shipped files, a definition per tag, typed events and only public members', () => {
    const manifest = read('custom-elements.json');
    const shipped = (path) => readFileSync(join(pkg, path)) && true;
    const defined = new Map();
    for (const mod of manifest.modules) {
      if (!mod.path.startsWith('dist/') || !mod.path.endsWith('.js') || !shipped(mod.path)) throw new Error(`module ${mod.path} is not a shipped .js`);
      for (const e of mod.exports ?? []) if (e.kind === 'custom-element-definition') defined.set(e.name, mod.path);
      for (const d of mod.declarations ?? []) {
        const hidden = (d.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected');
        if (hidden.length) throw new Error(`${d.name} lists ${hidden.map((m) => m.name).join(', ')}`);
        for (const e of d.events ?? []) if (!e.type?.text) throw new Error(`${d.tagName} event ${e.name} has no type`);
      }
    }
    for (const w of registry) if (defined.get(w.tag) !== `dist/define/kolo-${w.entry}.js`) throw new Error(`${w.tag} is defined by ${defined.get(w.tag)}`);
  });

  await check('web-types.json and the VS Code custom data list every tag with its attributes', () => {
    const web = read('package.json')['web-types'] && read('web-types.json');
    const vscode = read('vscode.html-custom-data.json');
    for (const w of registry) {
      const a = web.contributions.html.elements.find((e) => e.name === w.tag);
      const b = vscode.tags.find((t) => t.name === w.tag);
      if (!a?.attributes.length || !b?.attributes.length) throw new Error(`${w.tag} missing or without attributes`);
    }
  });

  await check('`import "@kolo/widgets/define/<entry>"` alone types the tag and its events', () => {
    writeFileSync(
      join(dir, 'define-only.ts'),
      `import '@kolo/widgets/define/poll';
       const poll = document.querySelector('kolo-poll');
       poll?.addEventListener('kolo-vote', (e) => e.detail.choices.join());
       const allow: boolean | undefined = poll?.allowChange;
       export { allow };
      `,
    );
    writeFileSync(
      join(dir, 'tsconfig.define.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, types: [] }, files: ['define-only.ts'] }),
    );
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.define.json'], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
  });
}
