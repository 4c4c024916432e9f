import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { KoloError, memoryAdapter, voterId, type KoloAdapter } from '@kolo/core';
import '../../define/kolo-faq-carousel.ts';
import { KoloFaqCarousel } from './faq-carousel.ts';
import { $, $$, castVote, deepActive, hasState, mount, textOf } from '../../test-utils/helpers.ts';
import { CARDS, carouselOf, click, current, settled, slides, track } from '../../test-utils/faq-carousel.ts';
import { widgetSuite } from '../../test-utils/widget-suite.ts';

widgetSuite({
  tag: 'kolo-faq-carousel',
  ctor: KoloFaqCarousel,
  render: (adapter) => html`<kolo-faq-carousel .adapter=${adapter} carousel-id="shared"
    ><article data-card="a"><h4>Q?</h4><p>A.</p></article></kolo-faq-carousel
  >`,
  attributes: [
    ['carousel-id', 'carouselId', 'c1', 'c1'],
    ['autoplay', 'autoplay', '8', 8],
    ['no-feedback', 'noFeedback', '', true],
    ['heading-level', 'headingLevel', '3', 3],
  ],
  labels: { en: 'Was this helpful?', uk: 'Це було корисно?' },
});

describe('<kolo-faq-carousel>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('follows the carousel pattern: a named carousel of labelled slides, only the current one reachable', async () => {
    const el = await carouselOf();
    const base = $(el, '[part~="base"]')!;
    expect(base.getAttribute('aria-roledescription')).to.equal('carousel');
    expect(base.getAttribute('aria-labelledby')).to.equal('heading');
    expect(textOf(el, '#heading')).to.equal('Myths about gambling');
    expect(slides(el).map((s) => [s.getAttribute('role'), s.getAttribute('aria-roledescription'), s.getAttribute('aria-label')])).to.deep.equal([
      ['tabpanel', null, '1 of 4'],
      ['tabpanel', null, '2 of 4'],
      ['tabpanel', null, '3 of 4'],
      ['tabpanel', null, '4 of 4'],
    ]);
    expect(slides(el).map((s) => s.inert)).to.deep.equal([false, true, true, true]);
    expect($$(el, '[part~="dot"]').map((d) => d.getAttribute('aria-label'))).to.deep.equal([
      'Card 1: After a losing streak, a win is due.',
      'Card 2: Is there a system that beats the odds?',
      'Card 3: Skill makes slot machines predictable.',
      'Card 4: Which myth should we debunk next?',
    ]);
    // no rotation unless asked for
    expect($$(el, '[part~="rotation-button"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a myth as myth → fact → what to do, and a FAQ as question → answer', async () => {
    const el = await carouselOf();
    const [myth, faq] = slides(el);
    expect([...myth!.querySelectorAll('[part~="label"]')].map((l) => l.textContent)).to.deep.equal(['Myth', 'Fact', 'What to do']);
    expect(myth!.querySelector('[part~="advice"]')!.textContent).to.equal('Decide on a limit before you start, and stop when you reach it.');
    const link = myth!.querySelector<HTMLAnchorElement>('[part~="link"]')!;
    expect(new URL(link.href).searchParams.get('utm_content')).to.equal('myths');
    expect(faq!.querySelector('[part~="label"]')!.textContent).to.equal('Question');
    expect(faq!.querySelector('[part~="body"]')!.textContent).to.equal('No. The house edge is built into every game.\n\nSystems only change how fast you lose.');
  });

  it('moves with next/previous (wrapping), says "2 of 4" politely and fires kolo-slide', async () => {
    const el = await carouselOf();
    setTimeout(() => click(el, 'next-button'));
    const ev = await oneEvent(el, 'kolo-slide');
    expect(ev.detail).to.deep.equal({ id: 'myths', card: 'system', index: 1 });
    await el.updateComplete;
    expect(current(el)).to.equal(1);
    expect(textOf(el, '[role="status"]')).to.equal('2 of 4');
    expect(textOf(el, '[part~="position"]')).to.equal('2 / 4');
    expect($$(el, '[part~="dot"]')[1]!.getAttribute('aria-selected')).to.equal('true');
    await settled(el, 1);
    await click(el, 'previous-button');
    await click(el, 'previous-button');
    expect(current(el)).to.equal(3);
    expect(hasState(el, 'last')).to.equal(true);
    await settled(el, 3);
    await expect(el).to.be.accessible();
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`is walked through with the keyboard (${dir.toUpperCase()}): Tab order, arrows mirrored, Home and End`, async () => {
      const el = await carouselOf(`dir="${dir}"`);
      $<HTMLButtonElement>(el, '[part~="previous-button"]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal($(el, '[part~="next-button"]'));
      await sendKeys({ press: 'Tab' });
      // then the current card's link and feedback, never a hidden card's
      expect(deepActive()).to.equal(slides(el)[0]!.querySelector('[part~="link"]'));
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(slides(el)[0]!.querySelector('[part~="yes-button"]'));
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActive()).to.equal($(el, '[part~="next-button"]'));
      const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
      const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
      await sendKeys({ press: forward });
      await el.updateComplete;
      expect(current(el)).to.equal(1);
      await settled(el, 1);
      await sendKeys({ press: back });
      await el.updateComplete;
      expect(current(el)).to.equal(0);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(current(el)).to.equal(3);
      await settled(el, 3);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(current(el)).to.equal(0);
      await settled(el, 0);
      // the picker follows the cards
      $<HTMLButtonElement>(el, '[part~="dot"]:nth-child(3)')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(current(el)).to.equal(2);
      await expect(el).to.be.accessible();
    });
  }

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`follows a swipe: the card that snaps into view becomes current (${dir.toUpperCase()})`, async () => {
      const el = await carouselOf(`dir="${dir}"`);
      const t = track(el);
      expect(getComputedStyle(t).scrollSnapType).to.equal('x mandatory');
      t.scrollTo({ left: (dir === 'rtl' ? -2 : 2) * t.clientWidth, behavior: 'instant' });
      await waitUntil(() => current(el) === 2, 'the swiped-to card is current');
      expect(textOf(el, '[role="status"]')).to.equal('3 of 4');
    });
  }

  it('asks "was this helpful?" once per card, and the adapter counts it', async () => {
    const adapter = memoryAdapter();
    await castVote(adapter, 'someone', { kind: 'faq', id: 'myths.due' }, ['yes'], ['yes', 'no']);
    const el = await carouselOf('', adapter);
    const feedback = slides(el)[0]!.querySelector('[part~="feedback"]')!;
    expect(feedback.getAttribute('role')).to.equal('group');
    expect(feedback.textContent).to.contain('Was this helpful?');
    setTimeout(() => slides(el)[0]!.querySelector<HTMLButtonElement>('[part~="no-button"]')!.click());
    const ev = await oneEvent(el, 'kolo-vote');
    expect(ev.detail).to.deep.equal({ id: 'myths.due', choices: ['no'], previous: [] });
    await waitUntil(() => textOf(el).includes('Thank you for your feedback.'), 'thanked');
    const counted = await adapter.load({ kind: 'faq', id: 'myths.due' }, 'anyone');
    expect(counted.counts).to.deep.equal({ yes: 1, no: 1 });
    // another card is still open for an answer; this one is not, also after a reload
    expect(slides(el)[1]!.querySelector('[part~="yes-button"]')).to.exist;
    const again = await carouselOf('', adapter);
    expect(slides(again)[0]!.querySelector('[part~="yes-button"]')).to.equal(null);
    expect(slides(again)[0]!.textContent).to.contain('Thank you for your feedback.');
    await expect(again).to.be.accessible();
  });

  it('says so when an answer is refused, and keeps the question', async () => {
    const base = memoryAdapter();
    const adapter: KoloAdapter = { ...base, send: () => Promise.reject(new KoloError('network')) };
    const el = await carouselOf('', adapter);
    slides(el)[0]!.querySelector<HTMLButtonElement>('[part~="yes-button"]')!.click();
    await waitUntil(() => $(el, '[part~="error"]'), 'an error');
    expect(textOf(el, '[part~="error"]')).to.contain('the connection failed');
    expect(slides(el)[0]!.querySelector('[part~="yes-button"]')).to.exist;
    expect((await base.load({ kind: 'faq', id: 'myths.due' }, voterId())).voters).to.equal(0);
  });

  it('ends with the closing card and its UTM-tagged next step', async () => {
    const el = await carouselOf('campaign="spring"');
    $$<HTMLButtonElement>(el, '[part~="dot"]')[3]!.click();
    await el.updateComplete;
    const closing = slides(el)[3]!;
    expect(closing.getAttribute('part')).to.contain('slide-closing');
    expect(closing.querySelector('[part~="title"]')!.textContent).to.equal('Which myth should we debunk next?');
    const next = closing.querySelector<HTMLAnchorElement>('[part~="next-step"]')!;
    expect(new URL(next.href).searchParams.get('utm_campaign')).to.equal('spring');
    await expect(el).to.be.accessible();
  });

  it('opens the card named in the URL hash, also when the hash changes later', async () => {
    history.replaceState(null, '', '#myths/skill');
    const el = await carouselOf();
    await waitUntil(() => current(el) === 2, 'opened from the hash');
    location.hash = '#myths/system';
    await waitUntil(() => current(el) === 1, 'followed the new hash');
    location.hash = '#other/system';
    await new Promise((r) => setTimeout(r, 50));
    expect(current(el)).to.equal(1);
  });

  it('rotates only when asked, with a pause button first, pausing on hover and focus', async () => {
    const el = await carouselOf('autoplay="3"');
    const pause = $<HTMLButtonElement>(el, '[part~="rotation-button"]')!;
    expect(pause.getAttribute('aria-label')).to.equal('Stop automatic rotation');
    const controls = $$(el, '[part~="controls"] button');
    expect(controls[0]).to.equal(pause);
    expect(hasState(el, 'rotating')).to.equal(true);
    await waitUntil(() => current(el) === 1, 'rotated to the next card', { timeout: 4500 });
    // while rotating, slide changes are not announced
    expect(textOf(el, '[role="status"]')).to.equal('');
    pause.focus();
    await el.updateComplete;
    expect(hasState(el, 'rotating')).to.equal(false);
    pause.click();
    pause.blur();
    await el.updateComplete;
    expect(pause.getAttribute('aria-label')).to.equal('Start automatic rotation');
    expect(hasState(el, 'rotating')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('does not start rotating by itself when reduced motion is asked for', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await carouselOf('autoplay="3"');
      expect(hasState(el, 'rotating')).to.equal(false);
      expect($(el, '[part~="rotation-button"]')!.getAttribute('aria-label')).to.equal('Start automatic rotation');
      expect(getComputedStyle(track(el)).scrollBehavior).to.equal('auto');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('speaks Ukrainian, right to left, in dark', async () => {
    const el = await carouselOf('lang="uk" dir="rtl" theme="dark"');
    expect($(el, '[part~="base"]')!.getAttribute('aria-roledescription')).to.equal('карусель');
    expect(slides(el)[0]!.getAttribute('aria-label')).to.equal('1 з 4');
    expect(textOf(el, '[part~="next-button"]')).to.equal('›');
    expect($(el, '[part~="next-button"]')!.getAttribute('aria-label')).to.equal('Наступна картка');
    await expect(el).to.be.accessible();
  });

  it('reports interaction only when a person moves the cards, not for deep links', async () => {
    history.replaceState(null, '', '#signals/skill');
    const adapter = memoryAdapter();
    const el = await mount('kolo-faq-carousel', `<kolo-faq-carousel carousel-id="signals">${CARDS}</kolo-faq-carousel>`, adapter);
    await waitUntil(() => current(el) === 2, 'opened from the hash');
    expect(adapter.signals.filter((s) => s.type === 'interact')).to.have.length(0);
    await click(el, 'next-button');
    expect(adapter.signals.filter((s) => s.type === 'interact').map((s) => s.widget)).to.deep.equal([{ kind: 'faq', id: 'signals' }]);
  });

  it('hides "was this helpful?" with no-feedback', async () => {
    const el = await carouselOf('no-feedback');
    expect($$(el, '[part~="feedback"]')).to.have.length(0);
  });

  it('shows a clear error for invalid content', async () => {
    const el = await carouselOf('', undefined, '<h3>No cards</h3>');
    expect(hasState(el, 'invalid')).to.equal(true);
    expect(textOf(el, '[role="alert"]')).to.contain('cards: needs at least 1 card');
    await expect(el).to.be.accessible();
  });
});
