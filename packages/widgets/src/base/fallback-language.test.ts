import { expect } from '@open-wc/testing';
import { memoryAdapter } from '@kolo/core';
import '../define/kolo-poll.ts';
import '../define/kolo-faq-carousel.ts';
import { $, $$, mount, textOf } from '../test-utils/helpers.ts';

/** A page in a language Kolo has no strings for, written right to left: its widgets fall back to English. */
const arabic = (markup: string) => `<div dir="rtl" lang="ar">${markup}</div>`;

/** Where the characters `from` and `to` of the first text in `el`'s shadow root holding `text` are drawn. */
function glyphs(el: Element, text: string, from: string, to: string) {
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.textContent!.indexOf(text);
    if (at < 0) continue;
    const box = (c: string) => {
      const range = document.createRange();
      const i = at + text.indexOf(c);
      range.setStart(n, i);
      range.setEnd(n, i + c.length);
      return range.getBoundingClientRect();
    };
    return { from: box(from), to: box(to), container: n.parentElement! };
  }
  throw new Error(`no "${text}" in <${el.localName}>`);
}

/** Whether `text` is drawn left to right: its `from` character left of its `to` character. */
function readsLeftToRight(el: Element, text: string, from: string, to: string): boolean {
  const g = glyphs(el, text, from, to);
  return g.from.left < g.to.left;
}

describe('English strings in a right-to-left page of another language', () => {
  it("read left to right with their own punctuation in a poll, while the poll's content stays right to left", async () => {
    const adapter = memoryAdapter({ seed: { 'poll:ar': { counts: { a: 8, b: 2 } } } });
    const el = await mount(
      'kolo-poll',
      arabic(`<kolo-poll poll-id="ar" multiple max-choices="2" results="always">
        <h3>ما الشكل الذي تفضله؟</h3><ul><li data-value="a">فيديو قصير</li><li data-value="b">مقال طويل</li><li data-value="c">صور</li></ul>
      </kolo-poll>`),
      adapter,
    );
    expect(readsLeftToRight(el, 'Choose up to 2 answers.', 'C', '.'), '"Choose up to 2 answers." not ".Choose up to 2 answers"').to.equal(true);
    expect(readsLeftToRight(el, '8 votes', '8', 'v'), '"8 votes" not "votes 8"').to.equal(true);
    expect(readsLeftToRight(el, '10 people voted', '1', 'd'), 'the total too').to.equal(true);
    // the hint's box still follows the page: it starts at the right
    const hint = glyphs(el, 'Choose up to 2 answers.', 'C', '.').container;
    expect(getComputedStyle(hint).direction).to.equal('rtl');
    const question = glyphs(el, 'ما الشكل', 'م', 'ل');
    expect(getComputedStyle(question.container).direction, 'the authored question stays right to left').to.equal('rtl');
    expect(question.from.left, 'and reads right to left').to.be.greaterThan(question.to.left);
    await expect(el).to.be.accessible();
  });

  it('read left to right in a FAQ carousel ("Was this helpful?", not "?Was this helpful")', async () => {
    const el = await mount(
      'kolo-faq-carousel',
      arabic(`<kolo-faq-carousel carousel-id="ar"><h3>خرافات عن القمار</h3>
        <article data-card="due"><h4>بعد سلسلة من الخسائر يقترب الفوز.</h4><p data-fact>كل دورة مستقلة.</p></article>
        <article data-card="system"><h4>هل يوجد نظام يهزم الكازينو؟</h4><p>لا.</p></article>
      </kolo-faq-carousel>`),
    );
    expect(readsLeftToRight(el, 'Was this helpful?', 'W', '?')).to.equal(true);
    const card = glyphs(el, 'بعد سلسلة', 'ب', 'ة');
    expect(getComputedStyle(card.container).direction).to.equal('rtl');
    expect(card.from.left, 'the authored card reads right to left').to.be.greaterThan(card.to.left);
    await expect(el).to.be.accessible();
  });

  it('are left alone in a page of a language Kolo speaks, and in a left-to-right one', async () => {
    const uk = await mount('kolo-poll', `<div dir="rtl" lang="uk"><kolo-poll poll-id="uk" multiple max-choices="2"><h3>Q?</h3><ul><li data-value="a">A</li><li data-value="b">B</li><li data-value="c">C</li></ul></kolo-poll></div>`);
    expect(uk.shadowRoot!.textContent).to.contain('Оберіть до 2 відповідей.').and.not.match(/[\u2066-\u2069]/);
    const en = await mount('kolo-poll', `<div lang="en-GB"><kolo-poll poll-id="en" multiple max-choices="2"><h3>Q?</h3><ul><li data-value="a">A</li><li data-value="b">B</li><li data-value="c">C</li></ul></kolo-poll></div>`);
    expect(en.shadowRoot!.textContent).to.contain('Choose up to 2 answers.').and.not.match(/[\u2066-\u2069]/);
  });

  it('give way to a language added from HTML alone: the messages attribute, with plural forms', async () => {
    const polish = JSON.stringify({ vote: 'Głosuj', votes: { one: '{count} głos', few: '{count} głosy', many: '{count} głosów', other: '{count} głosu' } });
    const adapter = memoryAdapter({ seed: { 'poll:pl': { counts: { a: 3, b: 5 } } } });
    const el = await mount(
      'kolo-poll',
      `<div lang="pl"><kolo-poll poll-id="pl" results="always" messages='${polish}'><h3>Który format?</h3><ul><li data-value="a">Wideo</li><li data-value="b">Tekst</li></ul></kolo-poll></div>`,
      adapter,
    );
    expect($(el, '[part~="vote-button"]')!.textContent!.trim()).to.equal('Głosuj');
    expect($$(el, '[part~="count"]').map((c) => c.textContent)).to.deep.equal(['3 głosy', '5 głosów']);
    expect(textOf(el, '[part~="hint"]'), 'a string it was not given stays English, isolated').to.equal('\u2066Choose one answer.\u2069');
  });
});
