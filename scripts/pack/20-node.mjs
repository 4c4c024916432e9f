// The installed packages in Node: core votes, every widget entry resolves through the published exports.
import { execFileSync } from 'node:child_process';

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ root, dir, registry, check, tgz }) {
  await check('@kolo/core imports and votes in Node from the installed tarball', () => {
    const script = `
      import { memoryAdapter, parsePollConfig, createTranslator, voteMessages } from '@kolo/core';
      const a = memoryAdapter();
      const policy = { options: ['a', 'b'], multiple: false, change: false };
      const t = await a.send({ type: 'vote', id: 'k1', voter: 'v1', widget: { kind: 'poll', id: 'p' }, choices: ['b'], policy, at: new Date().toISOString() });
      if (t.counts.b !== 1) throw new Error('vote not counted');
      if (parsePollConfig({}).ok) throw new Error('invalid config accepted');
      if (createTranslator('uk', {}, [voteMessages]).t('votes', { count: 5 }) !== '5 голосів') throw new Error('uk plural');
    `;
    execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe' });
  });

  await check('every widget entry resolves through the published exports map (Node)', () => {
    const specifiers = ['@kolo/widgets', '@kolo/widgets/define', '@kolo/widgets/cdn', ...registry.flatMap((w) => [`@kolo/widgets/${w.entry}`, `@kolo/widgets/define/${w.entry}`])];
    const script = `
      import { existsSync } from 'node:fs';
      for (const s of ${JSON.stringify(specifiers)}) {
        const file = new URL(import.meta.resolve(s));
        if (!existsSync(file)) throw new Error(s + ' resolves to a missing ' + file.pathname);
      }`;
    execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe' });
  });
}
