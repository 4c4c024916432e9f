import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { memoryAdapter } from '@kolo/core';
import '../../define/kolo-help-banner.ts';
import { KoloHelpBanner } from './help-banner.ts';
import { $, $$, deepActive, hasState, mount, textOf } from '../../test-utils/helpers.ts';
import { widgetSuite } from '../../test-utils/widget-suite.ts';
import { helpBannerLists } from '../../test-utils/fixtures.ts';

const BODY = `<h3>Play safe</h3>
  <p data-disclaimer>Gambling can be addictive. Only bet what you can afford to lose. 18+.</p>
  <p data-why>You see this because this page is about betting odds.</p>
  ${helpBannerLists()}`;

let n = 0;
const bannerOf = (attrs = '', body = BODY, adapter = memoryAdapter()) =>
  mount('kolo-help-banner', `<kolo-help-banner banner-id="odds-${++n}" ${attrs}>${body}</kolo-help-banner>`, adapter);
const contacts = (el: KoloHelpBanner) => $$(el, '[part~="contact"]').map((a) => a.textContent);

widgetSuite({
  tag: 'kolo-help-banner',
  ctor: KoloHelpBanner,
  render: (adapter) => html`<kolo-help-banner .adapter=${adapter} banner-id="shared" dismissible
    ><p>Please play responsibly.</p>
    <ul data-region="gb"><li><a href="tel:08088020133">Helpline</a></li></ul></kolo-help-banner
  >`,
  attributes: [
    ['banner-id', 'bannerId', 'b1', 'b1'],
    ['region', 'region', 'ua', 'ua'],
    ['dismissible', 'dismissible', '', true],
    ['snooze-days', 'snoozeDays', '7', 7],
    ['placement', 'placement', 'sticky', 'sticky'],
  ],
  labels: { en: 'Why am I seeing this?', uk: 'Чому я це бачу?' },
  loads: false,
});

describe('<kolo-help-banner>', () => {
  afterEach(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('kolo:v1:hidden:')) localStorage.removeItem(k);
    for (const k of Object.keys(sessionStorage)) if (k.startsWith('kolo:v1:hidden:')) sessionStorage.removeItem(k);
  });

  it('shows the disclaimer, the help lines of the page language’s region, and the tools, as links', async () => {
    const el = await bannerOf('lang="en-GB"');
    expect(textOf(el, '[part~="heading"]')).to.equal('Play safe');
    expect(textOf(el, '[part~="disclaimer"]')).to.equal('Gambling can be addictive. Only bet what you can afford to lose. 18+.');
    expect(textOf(el, '#help')).to.equal('Help in United Kingdom');
    expect(contacts(el)).to.deep.equal(['National Gambling Helpline 0808 8020 133', 'GamCare live chat']);
    const [tel, chat] = $$<HTMLAnchorElement>(el, '[part~="contact"]');
    expect(tel!.getAttribute('href')).to.equal('tel:08088020133');
    expect(new URL(chat!.href).searchParams.get('utm_content')).to.equal(`odds-${n}`);
    expect($$(el, '[part~="tool"]').map((a) => a.textContent)).to.deep.equal(['Set a deposit limit', 'Take a time-out', 'Self-exclusion']);
    expect($(el, '[part~="contacts"]')!.getAttribute('aria-labelledby')).to.equal('help');
    await expect(el).to.be.accessible();
  });

  it('picks the region: the region attribute, else the language, else the default', async () => {
    expect(contacts(await bannerOf('lang="uk"'))).to.deep.equal(['Лінія допомоги 0 800 500 335']);
    expect(contacts(await bannerOf('lang="uk" region="gb"'))[0]).to.contain('National Gambling Helpline');
    expect(contacts(await bannerOf('lang="fr"'))[0]).to.contain('National Gambling Helpline');
    expect(contacts(await bannerOf('lang="de-AT"'))[0]).to.contain('BZgA');
  });

  it('explains "why am I seeing this?" in a popover by its button', async () => {
    const el = await bannerOf();
    const button = $<HTMLButtonElement>(el, '[part~="why-button"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    const popover = $(el, '[part~="popover"]')!;
    await waitUntil(() => popover.matches(':popover-open') && popover.dataset.anchored, 'open and placed');
    expect(popover.textContent).to.equal('You see this because this page is about betting odds.');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const b = button.getBoundingClientRect();
    const p = popover.getBoundingClientRect();
    expect(p.top >= b.bottom || p.bottom <= b.top).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !popover.matches(':popover-open'), 'closed');
  });

  it('is not dismissible unless the author allows it', async () => {
    const el = await bannerOf();
    expect($$(el, '[part~="close-button"], [part~="snooze-button"]')).to.have.length(0);
  });

  it('closes for this visit, says so, and can be shown again', async () => {
    const adapter = memoryAdapter();
    const el = await bannerOf('dismissible', BODY, adapter);
    const id = el.bannerId;
    setTimeout(() => $<HTMLButtonElement>(el, '[part~="close-button"]')!.click());
    const ev = await oneEvent(el, 'kolo-dismiss');
    expect(ev.detail).to.deep.equal({ id, until: null });
    await el.updateComplete;
    expect(hasState(el, 'hidden')).to.equal(true);
    expect(textOf(el, '[part~="hidden"]')).to.contain('Hidden for now.');
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '[part~="show-button"]'));
    expect(adapter.signals.map((s) => s.type)).to.include('dismiss');
    await expect(el).to.be.accessible();
    // the same banner elsewhere in this visit stays hidden, without the notice
    const other = await mount('kolo-help-banner', `<kolo-help-banner banner-id="${id}" dismissible>${BODY}</kolo-help-banner>`);
    expect(hasState(other, 'hidden')).to.equal(true);
    expect(other.shadowRoot!.textContent!.trim()).to.equal('');
    $<HTMLButtonElement>(el, '[part~="show-button"]')!.click();
    await el.updateComplete;
    expect(hasState(el, 'hidden')).to.equal(false);
  });

  it('hides for the snooze days and comes back after them', async () => {
    const adapter = memoryAdapter();
    const el = await bannerOf('dismissible snooze-days="7"', BODY, adapter);
    const snooze = $<HTMLButtonElement>(el, '[part~="snooze-button"]')!;
    expect(snooze.textContent!.trim()).to.equal('Hide for 7 days');
    setTimeout(() => snooze.click());
    const ev = await oneEvent(el, 'kolo-dismiss');
    const days = (Date.parse(ev.detail.until!) - Date.now()) / 864e5;
    expect(days).to.be.within(6.99, 7.01);
    await el.updateComplete;
    expect(textOf(el, '[part~="hidden"]')).to.contain('Hidden until');
    expect(adapter.signals.find((s) => s.type === 'snooze')?.data).to.deep.equal({ days: 7 });
    const key = `kolo:v1:hidden:${el.bannerId}`;
    expect(localStorage.getItem(key)).to.equal(ev.detail.until);
    const later = await mount('kolo-help-banner', `<kolo-help-banner banner-id="${el.bannerId}" dismissible>${BODY}</kolo-help-banner>`);
    expect(hasState(later, 'hidden')).to.equal(true);
    // eight days on
    localStorage.setItem(key, new Date(Date.now() - 1000).toISOString());
    const back = await mount('kolo-help-banner', `<kolo-help-banner banner-id="${el.bannerId}" dismissible>${BODY}</kolo-help-banner>`);
    expect(hasState(back, 'hidden')).to.equal(false);
  });

  for (const [action, button] of [
    ['closed for the visit', 'close-button'],
    ['hidden for 30 days', 'snooze-button'],
  ]) {
    it(`takes no space on the next page view once ${action}`, async () => {
      const el = await bannerOf('dismissible');
      $<HTMLButtonElement>(el, `[part~="${button}"]`)!.click();
      await el.updateComplete;
      // the next page view (the same storage): the banner between two paragraphs of a page that
      // spaces its blocks (a flex gap and margins, as page styles do) leaves them as if it were not there,
      // even where the page's stylesheet gives the banner a display and a margin
      const page = (banner: string) => `<div style="display: flex; flex-direction: column; gap: 8px">
        <p style="margin: 0">Before</p>${banner}<p style="margin: 0">After</p></div>`;
      const later = await mount('kolo-help-banner', '<style>kolo-help-banner { display: block; margin: 8px }</style>' + page(`<kolo-help-banner banner-id="${el.bannerId}" dismissible style="margin-block: 8px">${BODY}</kolo-help-banner>`));
      const gapOf = (root: Element) => root.querySelector('p:last-child')!.getBoundingClientRect().top - root.querySelector('p')!.getBoundingClientRect().bottom;
      const alone = document.createElement('div');
      alone.innerHTML = page('');
      document.body.append(alone);
      try {
        expect(hasState(later, 'hidden')).to.equal(true);
        expect(later.getBoundingClientRect().height).to.equal(0);
        expect(gapOf(later.parentElement!)).to.equal(gapOf(alone));
      } finally {
        alone.remove();
      }
    });
  }

  it('can never be hidden in a region that requires it', async () => {
    const el = await bannerOf('dismissible lang="de"');
    expect(hasState(el, 'required')).to.equal(true);
    expect($$(el, '[part~="close-button"], [part~="snooze-button"]')).to.have.length(0);
    localStorage.setItem(`kolo:v1:hidden:${el.bannerId}`, new Date(Date.now() + 864e5).toISOString());
    el.requestUpdate();
    await el.updateComplete;
    expect(hasState(el, 'hidden')).to.equal(false);
  });

  it('stays when kolo-dismiss is cancelled', async () => {
    const el = await bannerOf('dismissible');
    el.addEventListener('kolo-dismiss', (e) => e.preventDefault());
    $<HTMLButtonElement>(el, '[part~="snooze-button"]')!.click();
    await el.updateComplete;
    expect(hasState(el, 'hidden')).to.equal(false);
    expect(localStorage.getItem(`kolo:v1:hidden:${el.bannerId}`)).to.equal(null);
  });

  it('reports link clicks as next steps', async () => {
    const adapter = memoryAdapter();
    const el = await bannerOf('lang="en-GB"', BODY, adapter);
    el.addEventListener('kolo-next-step', (e) => e.preventDefault());
    setTimeout(() => $<HTMLAnchorElement>(el, '[part~="tool"]')!.click());
    const ev = await oneEvent(el, 'kolo-next-step');
    expect(new URL(ev.detail.href).pathname).to.equal('/account/limits');
    expect(adapter.signals.find((s) => s.type === 'next-step')?.data).to.include({ part: 'tool' });
  });

  it('as a sticky bar, never covers the element that has focus', async () => {
    await setViewport({ width: 800, height: 600 });
    const page = document.createElement('div');
    page.innerHTML = `<div style="height: 1500px"></div><button id="below">Below</button><div style="height: 1500px"></div>`;
    document.body.append(page);
    try {
      const el = await bannerOf('placement="sticky"');
      // a sticky bar sits at the end of the page's content, whose box it sticks within
      page.append(el);
      await el.updateComplete;
      window.scrollTo(0, 0);
      const target = page.querySelector<HTMLButtonElement>('#below')!;
      // bring the button just under the bar, as scrolling a long page does
      window.scrollTo(0, target.offsetTop - innerHeight + 40);
      const bar = el.getBoundingClientRect();
      expect(bar.bottom).to.be.closeTo(innerHeight, 2);
      target.focus({ preventScroll: true });
      await waitUntil(() => target.getBoundingClientRect().bottom <= el.getBoundingClientRect().top, 'the focused button is above the bar');
    } finally {
      page.remove();
      window.scrollTo(0, 0);
    }
  });

  it('speaks Ukrainian, right to left, in dark, with high contrast', async () => {
    const el = await bannerOf('lang="uk" dir="rtl" theme="dark" dismissible');
    expect(textOf(el, '[part~="why-button"]')).to.equal('Чому я це бачу?');
    expect(textOf(el, '[part~="snooze-button"]')).to.equal('Сховати на 30 днів');
    await expect(el).to.be.accessible();
  });

  it('shows a clear error for invalid content', async () => {
    const el = await bannerOf('', '<p>No contacts at all.</p>');
    expect(hasState(el, 'invalid')).to.equal(true);
    expect(textOf(el, '[role="alert"]')).to.contain('regions: needs at least 1 region with contacts');
  });
});
