// "We usually reply within N hours": shown when the adapter's board view carries the team's usual
// reply time (a Kolo server counts it), in the board's language, and absent otherwise.
import { expect } from '@open-wc/testing';
import type { KoloAdapter } from '@kolo/core';
import '../../define/kolo-idea-board.ts';
import { $, ideaAdapter, mount, textOf } from '../../test-utils/helpers.ts';

/** the sample board's adapter, its views carrying `replyHours` */
const replying = (replyHours?: number): KoloAdapter => {
  const a = ideaAdapter();
  return { ...a, load: async (...args: Parameters<KoloAdapter['load']>) => ({ ...(await a.load(...args)), ...(replyHours ? { replyHours } : {}) }) };
};
const board = (attrs: string, hours?: number) => mount('kolo-idea-board', `<kolo-idea-board board-id="roadmap" ${attrs}><h2>Roadmap</h2></kolo-idea-board>`, replying(hours));

describe('<kolo-idea-board> reply time', () => {
  it('says how soon the team usually replies, in English plurals', async () => {
    const el = await board('', 4);
    expect(textOf(el, '[part~="reply-time"]')).to.equal('We usually reply within 4 hours');
    await expect(el).to.be.accessible();
    const one = await board('kind="question"', 1);
    expect(textOf(one, '[part~="reply-time"]')).to.equal('We usually reply within 1 hour');
    await expect(one).to.be.accessible();
  });

  it('says it in Ukrainian (one, few and many forms), also right to left', async () => {
    const words = [];
    for (const n of [1, 3, 5, 21]) words.push(textOf(await board('lang="uk"', n), '[part~="reply-time"]'));
    expect(words).to.deep.equal([
      'Зазвичай ми відповідаємо протягом 1 години',
      'Зазвичай ми відповідаємо протягом 3 годин',
      'Зазвичай ми відповідаємо протягом 5 годин',
      'Зазвичай ми відповідаємо протягом 21 години',
    ]);
    const rtl = await board('lang="uk" dir="rtl"', 12);
    expect(textOf(rtl, '[part~="reply-time"]')).to.equal('Зазвичай ми відповідаємо протягом 12 годин');
    await expect(rtl).to.be.accessible();
    const ar = await board('lang="ar" dir="rtl"', 12);
    expect(textOf(ar, '[part~="reply-time"]')).to.contain('12');
    await expect(ar).to.be.accessible();
  });

  it('says nothing when the adapter does not know', async () => {
    const el = await board('');
    expect($(el, '[part~="reply-time"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
