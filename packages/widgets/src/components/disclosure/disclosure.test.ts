import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../define/kolo-disclosure.ts';
import { KoloDisclosure } from './disclosure.ts';
import { anchoring } from '../../popover/popover.ts';
import { $, $$, deepActive, hasState, mount, textOf } from '../../test-utils/helpers.ts';
import { widgetSuite } from '../../test-utils/widget-suite.ts';

const labelOf = (attrs = '', body = '') => mount('kolo-disclosure', `<kolo-disclosure ${attrs}>${body}</kolo-disclosure>`, 'default');
/** The part names of the focused element (a string, so a failure reads well): `body` when focus is lost. */
const focused = () => deepActive()?.getAttribute('part') ?? deepActive()?.localName;
const label = (el: KoloDisclosure) => $<HTMLElement>(el, '[part~="label"]')!;

widgetSuite({
  tag: 'kolo-disclosure',
  ctor: KoloDisclosure,
  render: () => html`<kolo-disclosure type="partner"></kolo-disclosure>`,
  attributes: [
    ['type', 'type', 'partner', 'partner'],
    ['plain', 'plain', '', true],
    ['theme', 'theme', 'dark', 'dark'],
  ],
  labels: { en: 'Partner content', uk: 'Партнерський матеріал' },
  loads: false,
});

describe('<kolo-disclosure>', () => {
  it('shows a short label whose accessible name is the full text', async () => {
    const el = await labelOf();
    expect(label(el).localName).to.equal('button');
    const name = (x: KoloDisclosure) => [...label(x).querySelectorAll('span:not([aria-hidden])')].map((s) => s.textContent).join('');
    expect(textOf(el, '[part~="label"] span')).to.equal('Ad');
    expect(name(el)).to.equal('Ad (advertisement)');
    expect(label(el).hasAttribute('aria-label')).to.equal(false);
    const partner = await labelOf('type="partner"');
    expect(name(partner)).to.equal('Partner content, made with a paid partner');
    await expect(el).to.be.accessible();
  });

  it('explains the relationship in a popover, with the author’s text and link', async () => {
    const el = await labelOf('type="sponsored"', 'Paid for by Acme Bank, who did not see it before publication. <a href="/policy/ads">Our advertising policy</a>');
    label(el).focus();
    await sendKeys({ press: 'Enter' });
    const popover = $(el, '[part~="popover"]')!;
    await waitUntil(() => popover.matches(':popover-open') && popover.dataset.anchored, 'open');
    expect(label(el).getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(el, '[part~="popover"] p')).to.equal('Paid for by Acme Bank, who did not see it before publication.');
    expect($<HTMLAnchorElement>(el, '[part~="link"]')!.getAttribute('href')).to.match(/\/policy\/ads$/);
    expect(hasState(el, 'open')).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !popover.matches(':popover-open'), 'closed');
    expect(deepActive()).to.equal(label(el));
  });

  it('returns focus to its button when closed with Escape from the link inside', async () => {
    const body = 'Reviewed by a charity we paid. <a href="#policy">Our advertising policy</a>';
    const el = await mount('kolo-disclosure', `<button>Before</button> <kolo-disclosure type="partner">${body}</kolo-disclosure>`, 'default');
    el.parentElement!.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('base label');
    await sendKeys({ press: 'Enter' });
    const popover = $(el, '[part~="popover"]')!;
    await waitUntil(() => popover.matches(':popover-open'), 'open');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('link');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !popover.matches(':popover-open') && !hasState(el, 'open'), 'closed');
    expect(focused()).to.equal('base label');
    // reopened, the button closes it again and keeps focus; Shift+Tab from the link comes back to it
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => popover.matches(':popover-open'), 'open again');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal('base label');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !popover.matches(':popover-open'), 'closed by its button');
    expect(focused()).to.equal('base label');
  });

  for (const [dir, native] of [['ltr', true], ['rtl', true], ['ltr', false], ['rtl', false]] as const) {
    it(`keeps its popover off the edges of a phone-wide viewport (${dir.toUpperCase()}, ${native ? 'CSS anchor positioning' : 'script'})`, async () => {
      await setViewport({ width: 375, height: 700 });
      anchoring.native = native;
      try {
        const el = await mount('kolo-disclosure', `<div dir="${dir}" style="padding-inline-start: 2rem"><kolo-disclosure type="partner"></kolo-disclosure></div>`, 'default');
        label(el).click();
        const popover = $(el, '[part~="popover"]')!;
        await waitUntil(() => popover.matches(':popover-open') && popover.dataset.anchored, 'open');
        const { left, right } = popover.getBoundingClientRect();
        expect([left >= 8, right <= innerWidth - 8], `${left}…${right} in ${innerWidth}`).to.deep.equal([true, true]);
      } finally {
        anchoring.native = CSS.supports('position-area: block-end');
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('has a built-in explanation for each type, in English and Ukrainian', async () => {
    const el = await labelOf('type="affiliate" lang="uk"');
    expect(textOf(el, '[part~="label"] span')).to.equal('Партнерські посилання');
    expect(textOf(el, '[part~="popover"]')).to.contain('комісію');
  });

  it('is a plain label with plain', async () => {
    const el = await labelOf('plain');
    expect($$(el, 'button, [popover]')).to.have.length(0);
    expect(textOf(el, '[part~="label"]')).to.equal('Ad (advertisement)');
    await expect(el).to.be.accessible();
  });

  it('never links anything but a safe URL', async () => {
    const el = await labelOf('type="partner"', 'Explained. <a href="javascript:alert(1)">Click</a>');
    expect($$(el, '[part~="link"]')).to.have.length(0);
  });

  it('shows a clear error for an unknown type', async () => {
    const el = await labelOf('type="promo"');
    expect(hasState(el, 'invalid')).to.equal(true);
    expect(textOf(el, '[role="alert"]')).to.contain('type: must be ad, partner, sponsored, affiliate');
  });
});
