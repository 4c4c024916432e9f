// Every widget with a title keeps the level of the heading its author wrote (`<h3>` → level 3),
// takes `heading-level` where its content comes from `.config`, and is 2 otherwise; titles inside it
// (cards, ideas) are one level below. Poll and quiz titles are headings, so heading navigation finds them.
import { expect } from '@open-wc/testing';
import { memoryAdapter } from '@kolo/core';
import '../define/kolo-poll.ts';
import '../define/kolo-choice.ts';
import '../define/kolo-quiz.ts';
import '../define/kolo-idea-form.ts';
import '../define/kolo-idea-board.ts';
import '../define/kolo-faq-carousel.ts';
import '../define/kolo-help-banner.ts';
import { $, $$, ideaAdapter, mount } from '../test-utils/helpers.ts';
import { helpBannerLists } from '../test-utils/fixtures.ts';

interface Case {
  tag: keyof HTMLElementTagNameMap;
  attrs: string;
  title: string;
  /** the light DOM after the title */
  body: string;
  /** the same content as `.config` (the title included) */
  config: Record<string, unknown>;
  /** titles one level below the widget's heading, once rendered */
  inner?: string;
}

const options = [
  { id: 'a', label: 'Carousel' },
  { id: 'b', label: 'Video' },
];
const CASES: Case[] = [
  { tag: 'kolo-poll', attrs: 'poll-id="h-poll"', title: 'Which format do you prefer?', body: '<ul><li>Carousel</li><li>Video</li></ul>', config: { question: 'Which format do you prefer?', options } },
  {
    tag: 'kolo-choice',
    attrs: 'choice-id="h-choice"',
    title: 'Which digest would you read?',
    body: '<article><h4>Weekly</h4></article><article><h4>Daily</h4></article>',
    config: { question: 'Which digest would you read?', options: [{ id: 'a', title: 'Weekly' }, { id: 'b', title: 'Daily' }] },
  },
  {
    tag: 'kolo-quiz',
    attrs: 'quiz-id="h-quiz"',
    title: 'Can you spot phishing?',
    body: '<section data-question="q"><p>Is it safe?</p><ul><li data-value="y">Yes</li><li data-value="n">No</li></ul></section>',
    config: { title: 'Can you spot phishing?', questions: [{ id: 'q', text: 'Is it safe?', choices: [{ id: 'y', label: 'Yes' }, { id: 'n', label: 'No' }] }] },
  },
  { tag: 'kolo-idea-form', attrs: 'board-id="h-ideas"', title: 'Help us improve the planner', body: '<p>Tell us.</p>', config: { heading: 'Help us improve the planner' } },
  { tag: 'kolo-idea-board', attrs: 'board-id="h-ideas"', title: 'Help us improve the planner', body: '', config: { heading: 'Help us improve the planner' }, inner: '[part~="idea-title"]' },
  {
    tag: 'kolo-faq-carousel',
    attrs: 'carousel-id="h-faq"',
    title: 'Questions about odds',
    body: '<article data-card="a"><h4>What are odds?</h4><p>A price.</p></article>',
    config: { label: 'Questions about odds', cards: [{ id: 'a', kind: 'faq', title: 'What are odds?', body: 'A price.' }] },
    inner: '[part~="title"]',
  },
  {
    tag: 'kolo-help-banner',
    attrs: 'banner-id="h-help"',
    title: 'Play safe',
    body: `<p data-disclaimer>18+.</p>${helpBannerLists()}`,
    config: { heading: 'Play safe', disclaimer: '18+.', regions: [{ id: 'gb', contacts: [{ label: 'Helpline', href: 'tel:1' }] }] },
  },
];

/** The rendered heading with the widget's title: its level, or `no heading` (a string, so a failure reads well). */
const levelOfTitle = (el: Element, title: string) => {
  const h = $$(el, '[role="heading"], h1, h2, h3, h4, h5, h6').find((x) => x.textContent!.trim() === title);
  return h ? `level ${h.getAttribute('aria-level') ?? h.localName[1]}` : 'no heading';
};

const adapter = (c: Case) => (c.tag === 'kolo-idea-board' ? ideaAdapter('h-ideas') : memoryAdapter());

describe('headings keep the authored level', () => {
  for (const c of CASES) {
    it(`<${c.tag}>: an authored <h3> is a heading of level 3`, async () => {
      const el = await mount(c.tag, `<${c.tag} ${c.attrs}><h3>${c.title}</h3>${c.body}</${c.tag}>`, adapter(c));
      expect(levelOfTitle(el, c.title)).to.equal('level 3');
      if (c.inner) expect($(el, c.inner)?.getAttribute('aria-level')).to.equal('4');
      await expect(el).to.be.accessible();
    });

    it(`<${c.tag}>: with .config, heading-level sets the level; without it, 2`, async () => {
      const set = (level: string) => (w: HTMLElement) => {
        const el = w.querySelector(c.tag) as HTMLElement & { config: unknown };
        if (level) el.setAttribute('heading-level', level);
        el.config = c.config;
      };
      const four = await mount(c.tag, `<${c.tag} ${c.attrs}></${c.tag}>`, adapter(c), set('4'));
      expect(levelOfTitle(four, c.title)).to.equal('level 4');
      const plain = await mount(c.tag, `<${c.tag} ${c.attrs}></${c.tag}>`, adapter(c), set(''));
      expect(levelOfTitle(plain, c.title)).to.equal('level 2');
    });

    it(`<${c.tag}>: a level outside 1–6 or between two is kept within 1–6 and rounded`, async () => {
      for (const [attr, level] of [['-1', 1], ['9', 6], ['2.5', 3], ['0.4', 1]] as const) {
        const el = await mount(c.tag, `<${c.tag} ${c.attrs} heading-level="${attr}"><h3>${c.title}</h3>${c.body}</${c.tag}>`, adapter(c));
        expect(levelOfTitle(el, c.title), `heading-level="${attr}"`).to.equal(`level ${level}`);
        if (c.inner) expect($(el, c.inner)?.getAttribute('aria-level'), `heading-level="${attr}", inside`).to.equal(`${Math.min(level + 1, 6)}`);
      }
    });

    it(`<${c.tag}>: under an authored <h6>, the titles inside are level 6 too`, async () => {
      const el = await mount(c.tag, `<${c.tag} ${c.attrs}><h6>${c.title}</h6>${c.body}</${c.tag}>`, adapter(c));
      expect(levelOfTitle(el, c.title)).to.equal('level 6');
      if (c.inner) expect($(el, c.inner)?.getAttribute('aria-level')).to.equal('6');
    });
  }
});
