// Browser checks (written as *.test.js into the project; the runner runs them all in Chromium at the end): the ESM entry and the CDN file render and vote.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ root, dir, registry, check, tgz }) {
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
}
