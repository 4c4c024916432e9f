// What the tarballs hold: dist, types and the manifest; no sources, tests or workspace-only conditions.
import { execFileSync } from 'node:child_process';

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ root, dir, registry, check, tgz }) {
  await check('the widgets tarball ships dist, types and the manifest, and no sources or tests', () => {
    const list = execFileSync('tar', ['-tzf', tgz('widgets')], { encoding: 'utf8' });
    const wanted = ['package/dist/cdn/kolo.js', 'package/custom-elements.json'];
    for (const w of registry) wanted.push(`package/dist/define/kolo-${w.entry}.js`, `package/dist/${w.module.replace(/\.ts$/, '.d.ts')}`);
    for (const f of wanted) {
      if (!list.includes(f)) throw new Error(`missing ${f}`);
    }
    if (/package\/src\/|\.test\.|\.stories\./.test(list)) throw new Error('sources, tests or stories are packed');
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tgz('widgets'), 'package/package.json'], { encoding: 'utf8' }));
    if (JSON.stringify(manifest.exports).includes('kolo-source')) throw new Error('the workspace-only export condition is published');
    if (manifest.dependencies['@kolo/core'] !== '^0.1.0') throw new Error(`@kolo/core dependency is ${manifest.dependencies['@kolo/core']}`);
  });
}
