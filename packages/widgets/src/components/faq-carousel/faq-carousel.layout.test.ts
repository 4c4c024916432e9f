// The FAQ carousel's picker and cards (tabs: one Tab stop, arrow keys, Home and End; tab panels) and its height.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/kolo-faq-carousel.ts';
import { $, $$, deepActive, mount } from '../../test-utils/helpers.ts';
import { CARDS, carouselOf, click, current, settled, slides, track } from '../../test-utils/faq-carousel.ts';

describe('<kolo-faq-carousel> picker and height', () => {
  it('has one Tab stop for its picker (tabs with a roving tabindex)', async () => {
    const el = await mount('kolo-faq-carousel', `<button>Before</button><kolo-faq-carousel carousel-id="tabs">${CARDS}</kolo-faq-carousel><button>After</button>`);
    const [before, after] = [...el.parentElement!.querySelectorAll(':scope > button')] as HTMLElement[];
    before!.focus();
    const stops: string[] = [];
    for (let i = 0; i < 20 && deepActive() !== after; i++) {
      await sendKeys({ press: 'Tab' });
      if (deepActive() !== after) stops.push(deepActive()!.getAttribute('part')!);
    }
    expect(stops).to.deep.equal(['previous-button', 'next-button', 'link', 'yes-button', 'no-button', 'dot']);
    expect($(el, '[part~="picker"]')!.getAttribute('role')).to.equal('tablist');
    expect($$(el, '[part~="dot"]').map((d) => [d.getAttribute('role'), d.getAttribute('aria-selected'), d.tabIndex, d.getAttribute('aria-controls')])).to.deep.equal([
      ['tab', 'true', 0, 'card-0'],
      ['tab', 'false', -1, 'card-1'],
      ['tab', 'false', -1, 'card-2'],
      ['tab', 'false', -1, 'card-3'],
    ]);
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`moves between cards with arrow keys on the picker, focus following (${dir.toUpperCase()})`, async () => {
      const el = await carouselOf(`dir="${dir}"`);
      const dots = () => $$(el, '[part~="dot"]');
      dots()[0]!.focus();
      await sendKeys({ press: dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight' });
      await el.updateComplete;
      expect(current(el)).to.equal(1);
      expect(deepActive()).to.equal(dots()[1]);
      expect(dots().map((d) => d.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
      await settled(el, 1);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect([current(el), dots().indexOf(deepActive() as HTMLElement)]).to.deep.equal([3, 3]);
      await settled(el, 3);
      await sendKeys({ press: dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight' });
      await el.updateComplete;
      expect([current(el), dots().indexOf(deepActive() as HTMLElement)]).to.deep.equal([0, 0]);
      await settled(el, 0);
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft' });
      await el.updateComplete;
      expect([current(el), dots().indexOf(deepActive() as HTMLElement)]).to.deep.equal([3, 3]);
      await settled(el, 3);
      await expect(el).to.be.accessible();
    });
  }

  for (const [dir, wrap] of [['ltr', false], ['rtl', false], ['rtl', true]] as const) {
    it(`points its previous and next arrows outward, towards the card they show (${dir.toUpperCase()}${wrap ? ', from an Arabic page' : ''})`, async () => {
      const el = wrap ? await mount('kolo-faq-carousel', `<div dir="ltr" lang="ar"><kolo-faq-carousel carousel-id="myths">${CARDS}</kolo-faq-carousel></div>`) : await carouselOf(`dir="${dir}"`);
      // a page that turns right-to-left once the widget is shown
      if (wrap) el.parentElement!.dir = 'rtl';
      /** which way the button's glyph points on screen (drawn as the page draws it: its font, direction, bidi mirroring and transform), and where the button is */
      const seen = (part: string) => {
        const button = $(el, `[part~="${part}"]`)!;
        const glyph = button.querySelector('[aria-hidden]')!;
        const style = getComputedStyle(glyph);
        // set left to right, so no font mirrors it a second time (an Arabic page's font mirrors ‹ › unevenly)
        expect(style.direction, part).to.equal('ltr');
        const ctx = new OffscreenCanvas(64, 64).getContext('2d')!;
        Object.assign(ctx, { font: `48px ${style.fontFamily}`, lang: el.closest('[lang]')?.getAttribute('lang') ?? 'en', direction: style.direction, textAlign: 'center', textBaseline: 'middle' });
        const m = new DOMMatrix(style.transform === 'none' ? undefined : style.transform);
        ctx.setTransform(m.a, m.b, m.c, m.d, 32, 32);
        ctx.fillText(glyph.textContent!, 0, 0);
        const ink = ctx.getImageData(0, 0, 64, 64).data;
        const rows = [...Array(64).keys()].map((y) => [...Array(64).keys()].filter((x) => ink[(y * 64 + x) * 4 + 3]! > 128)).filter((r) => r.length);
        const mean = (r: number[]) => r.reduce((a, b) => a + b, 0) / r.length;
        // a chevron's tip is at mid-height: further right than its top end when it points right
        return { right: mean(rows[rows.length >> 1]!) > mean(rows[0]!), x: button.getBoundingClientRect().x };
      };
      const [previous, next] = [seen('previous-button'), seen('next-button')];
      expect(next.x > previous.x).to.equal(dir === 'ltr');
      expect([previous.right, next.right]).to.deep.equal(dir === 'ltr' ? [false, true] : [true, false]);
    });
  }

  it('makes a card with nothing left to focus a Tab stop itself, so its scrolling track stays reachable', async () => {
    const el = await carouselOf();
    await click(el, 'next-button');
    await settled(el, 1);
    // the FAQ card has no link: once answered, "Thank you" is all it holds
    slides(el)[1]!.querySelector<HTMLButtonElement>('[part~="yes-button"]')!.click();
    await waitUntil(() => slides(el)[1]!.textContent!.includes('Thank you for your feedback.'), 'thanked');
    await el.updateComplete;
    expect(slides(el).map((s) => s.getAttribute('tabindex'))).to.deep.equal([null, '0', null, null]);
    $<HTMLButtonElement>(el, '[part~="next-button"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(slides(el)[1]);
    await expect(el).to.be.accessible();
    // a card with a link or buttons is reached through them, not as a stop of its own
    await click(el, 'previous-button');
    await settled(el, 0);
    expect(slides(el).map((s) => s.getAttribute('tabindex'))).to.deep.equal([null, '0', null, null]);
  });

  it('keeps focus in the card after a keyboard answer: on its thank-you, not on <body>', async () => {
    const el = await carouselOf();
    slides(el)[0]!.querySelector<HTMLButtonElement>('[part~="yes-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => slides(el)[0]!.textContent!.includes('Thank you for your feedback.'), 'thanked');
    await waitUntil(() => deepActive() !== document.body, 'focus is back in the card');
    expect(deepActive()).to.equal(slides(el)[0]!.querySelector('[part="feedback"]'));
    await expect(el).to.be.accessible();
  });

  it('is as tall as the current card: no empty space under a short one', async () => {
    const el = await carouselOf();
    /** the space between the current card's last line and the end of the track */
    const gap = () => {
      const card = slides(el)[current(el)]!;
      const last = [...card.children].at(-1)!.getBoundingClientRect().bottom;
      return track(el).getBoundingClientRect().bottom - last;
    };
    // the myth card (label, myth, fact, advice, link, feedback) is the tallest; the closing card is short
    expect(gap()).to.be.below(12);
    el.go(3, false);
    await el.updateComplete;
    await settled(el, 3);
    expect(gap()).to.be.below(12);
    el.go(1, false);
    await el.updateComplete;
    await settled(el, 1);
    expect(gap()).to.be.below(12);
  });
});
