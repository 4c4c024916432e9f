#!/usr/bin/env node
// The packages are publishable as they are: build, `pnpm pack` them, install the tarballs into a
// fresh project outside the workspace, then import and render from there (Node, types, Chromium).
// Prints its own counts; with KOLO_RESULTS=file also writes {passed, failed} there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegistry } from './registry.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { widgets: registry } = await readRegistry();
const dir = mkdtempSync(join(tmpdir(), 'kolo-pack-'));
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });
let passed = 0;
let failed = 0;
const check = (name, fn) => {
  try {
    fn();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n    ${String(e.stderr ?? e.message).split('\n').slice(0, 20).join('\n    ')}`);
  }
};

try {
  run('pnpm', ['-r', '--filter', './packages/*', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  for (const pkg of ['core', 'widgets']) run('pnpm', ['pack', '--pack-destination', dir], { cwd: join(root, 'packages', pkg), stdio: 'ignore' });
  const tgz = (name) => join(dir, readdirSync(dir).find((f) => f.startsWith(`kolo-${name}-`) && f.endsWith('.tgz')));
  const core = `file:${tgz('core')}`;
  const widgets = `file:${tgz('widgets')}`;

  check('the widgets tarball ships dist, types and the manifest, and no sources or tests', () => {
    const list = execFileSync('tar', ['-tzf', tgz('widgets')], { encoding: 'utf8' });
    const wanted = ['package/dist/cdn/kolo.js', 'package/custom-elements.json'];
    for (const w of registry) wanted.push(`package/dist/define/kolo-${w.entry}.js`, `package/dist/${w.module.replace(/\.ts$/, '.d.ts')}`);
    for (const f of wanted) {
      if (!list.includes(f)) throw new Error(`missing ${f}`);
    }
    if (/package\/src\/|\.test\.|\.stories\./.test(list)) throw new Error('sources, tests or stories are packed');
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tgz('widgets'), 'package/package.json'], { encoding: 'utf8' }));
    if (JSON.stringify(manifest.exports).includes('kolo-source')) throw new Error('the workspace-only export condition is published');
    if (manifest.dependencies['@kolo/core'] !== '0.1.0') throw new Error(`@kolo/core dependency is ${manifest.dependencies['@kolo/core']}`);
  });

  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'kolo-pack-check', private: true, type: 'module', dependencies: { '@kolo/core': core, '@kolo/widgets': widgets }, overrides: { '@kolo/core': core } }, null, 2),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });

  check('@kolo/core imports and votes in Node from the installed tarball', () => {
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

  check('every widget entry resolves through the published exports map (Node)', () => {
    const specifiers = ['@kolo/widgets', '@kolo/widgets/define', '@kolo/widgets/cdn', ...registry.flatMap((w) => [`@kolo/widgets/${w.entry}`, `@kolo/widgets/define/${w.entry}`])];
    const script = `
      import { existsSync } from 'node:fs';
      for (const s of ${JSON.stringify(specifiers)}) {
        const file = new URL(import.meta.resolve(s));
        if (!existsSync(file)) throw new Error(s + ' resolves to a missing ' + file.pathname);
      }`;
    execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe' });
  });

  check('published types type-check in a strict consumer project', () => {
    writeFileSync(
      join(dir, 'check.ts'),
      `import { KoloPoll, KoloVoteEvent, KoloAnswerEvent, provideAdapter } from '@kolo/widgets';
       import type { KoloPoll as P2 } from '@kolo/widgets/poll';
       import type { KoloQuiz } from '@kolo/widgets/quiz';
       import type { KoloChoice } from '@kolo/widgets/choice';
       import type { KoloReactions } from '@kolo/widgets/reactions';
       import type { KoloIdeaForm } from '@kolo/widgets/idea-form';
       import type { KoloIdeaBoard } from '@kolo/widgets/idea-board';
       import type { KoloSubmittedEvent, KoloUpvoteEvent } from '@kolo/widgets';
       const ideaForm: KoloIdeaForm = document.createElement('kolo-idea-form');
       ideaForm.addEventListener('kolo-submitted', (e: KoloSubmittedEvent) => e.detail.idea.status);
       const ideaBoard: KoloIdeaBoard = document.createElement('kolo-idea-board');
       ideaBoard.addEventListener('kolo-upvote', (e: KoloUpvoteEvent) => e.detail.on);
       ideaBoard.kind = 'question';
       import type { KoloFaqCarousel } from '@kolo/widgets/faq-carousel';
       import type { KoloHelpBanner } from '@kolo/widgets/help-banner';
       import type { KoloDisclosure } from '@kolo/widgets/disclosure';
       import type { KoloSlideEvent, KoloDismissEvent } from '@kolo/widgets';
       const faq: KoloFaqCarousel = document.createElement('kolo-faq-carousel');
       faq.addEventListener('kolo-slide', (e: KoloSlideEvent) => e.detail.index);
       const banner: KoloHelpBanner = document.createElement('kolo-help-banner');
       banner.addEventListener('kolo-dismiss', (e: KoloDismissEvent) => e.detail.until);
       const label: KoloDisclosure = document.createElement('kolo-disclosure');
       label.type = 'partner';
       const quiz: KoloQuiz = document.createElement('kolo-quiz');
       quiz.addEventListener('kolo-answer', (e: KoloAnswerEvent) => e.detail.correct);
       const choice: KoloChoice = document.createElement('kolo-choice');
       const value: string = choice.value;
       const r: KoloReactions = document.createElement('kolo-reactions');
       r.reactions = '👍';
       import { localAdapter, type KoloAdapter, type PollConfig } from '@kolo/core';
       const adapter: KoloAdapter = localAdapter();
       provideAdapter(document, adapter);
       const el: P2 = document.createElement('kolo-poll');
       const cfg: PollConfig = { id: 'p', question: 'Q?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] };
       el.config = cfg;
       el.addEventListener('kolo-vote', (e: KoloVoteEvent) => e.detail.choices.join());
       export const ok: typeof KoloPoll = customElements.get('kolo-poll') as typeof KoloPoll;
      `,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, types: [] }, files: ['check.ts'] }),
    );
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
  });

  const voteTest = (id, setup) => `
    ${setup}
    localStorage.clear();
    const html = '<kolo-poll poll-id="${id}"><h3>Packed?</h3><ul><li data-value="yes">Yes</li><li data-value="no">No</li></ul></kolo-poll>';
    const wait = async (fn, what) => { for (let i = 0; i < 100; i++) { if (fn()) return; await new Promise((r) => setTimeout(r, 30)); } throw new Error('timed out: ' + what); };
    it('renders and votes', async () => {
      document.body.innerHTML = html;
      const el = document.querySelector('kolo-poll');
      await wait(() => el.shadowRoot && el.matches(':state(ready)'), 'ready');
      if (el.shadowRoot.querySelector('legend').textContent !== 'Packed?') throw new Error('question not rendered');
      el.shadowRoot.querySelector('input[value="no"]').click();
      await el.updateComplete;
      el.shadowRoot.querySelector('[part~="vote-button"]').click();
      await wait(() => el.matches(':state(voted)'), 'voted');
      if (!el.shadowRoot.textContent.includes('100%')) throw new Error('results not shown');
    });`;
  writeFileSync(join(dir, 'esm.test.js'), voteTest('esm', `import '@kolo/widgets/define/poll'; import { KoloPoll } from '@kolo/widgets/poll';
    it('exports the class', () => { if (customElements.get('kolo-poll') !== KoloPoll) throw new Error('not registered'); });`));
  writeFileSync(join(dir, 'cdn.test.js'), voteTest('cdn', `await import('/node_modules/@kolo/widgets/dist/cdn/kolo.js');
    it('registers every widget from the one file, and each renders', async () => {
      for (const tag of ${JSON.stringify(registry.map((w) => w.tag))}) if (!customElements.get(tag)) throw new Error(tag + ' not registered');
      document.body.innerHTML = '<kolo-reactions reactions-id="cdn-r" reactions="👍 ❤️"></kolo-reactions>' +
        '<kolo-quiz quiz-id="cdn-q"><section data-question="q" data-correct="b"><p>Q?</p><ul><li data-value="a">A</li><li data-value="b">B</li></ul></section></kolo-quiz>' +
        '<kolo-choice choice-id="cdn-c"><h3>A or B?</h3><article data-value="a"><h4>A</h4></article><article data-value="b"><h4>B</h4></article></kolo-choice>' +
        '<kolo-idea-form board-id="cdn-i"></kolo-idea-form><kolo-idea-board board-id="cdn-i"></kolo-idea-board>';
      for (const el of document.body.children) await wait(() => el.matches(':state(ready)'), el.localName + ' ready');
    });`));

  const results = join(dir, 'wtr-results.json');
  try {
    run(join(root, 'packages/widgets/node_modules/.bin/web-test-runner'), ['--config', 'pack.wtr.config.mjs'], {
      cwd: join(root, 'packages/widgets'),
      env: { ...process.env, KOLO_PACK_DIR: dir, KOLO_WTR_RESULTS: results },
    });
  } catch {
    /* counted from the results file */
  }
  try {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    passed += r.passed;
    failed += r.failed;
    console.log(`  browser checks from the installed tarballs: ${r.passed} passed, ${r.failed} failed`);
  } catch {
    failed++;
    console.log('  ✗ browser checks did not run');
  }
} catch (e) {
  failed++;
  console.log(`  ✗ packing or installing failed: ${e.message}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`pack test: ${passed} passed, ${failed} failed`);
if (process.env.KOLO_RESULTS) writeFileSync(process.env.KOLO_RESULTS, JSON.stringify({ passed, failed }));
process.exit(failed ? 1 : 0);
