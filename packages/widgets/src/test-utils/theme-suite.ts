import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { memoryAdapter, type KoloAdapter } from '@kolo/core';
import type { TemplateResult } from 'lit';
import type { KoloElement } from '../base/kolo-element.ts';
import { $, waitForState } from './helpers.ts';

/** A common page reset (normalize-style "everything to zero"), which a page's CSS puts on every element. */
const RESET = '*,*::before,*::after{margin:0;padding:0;border:0 solid;box-sizing:border-box;background:transparent;font:inherit;line-height:inherit}';
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(26, 29, 35)';

/** The next frame, after the one the element waits for to read the page's color-scheme. */
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

const base = (el: Element) => $(el, '[part~="base"]')!;
const card = (el: Element) => {
  const s = getComputedStyle(base(el));
  return {
    padding: [s.paddingBlockStart, s.paddingInlineEnd, s.paddingBlockEnd, s.paddingInlineStart],
    border: [s.borderBlockStartWidth, s.borderInlineEndWidth, s.borderBlockEndWidth, s.borderInlineStartWidth, s.borderBlockStartStyle],
    radius: s.borderStartStartRadius,
    background: s.backgroundColor,
    fontSize: s.fontSize,
  };
};
const background = (el: Element) => getComputedStyle(base(el)).backgroundColor;

/** Theming every widget must support: its card survives a page reset; light and dark follow the page. */
export function themeSuite(tag: string, render: (adapter: KoloAdapter) => TemplateResult) {
  describe(`<${tag}> theming`, () => {
    const mount = async (style: string) => {
      const wrapper = await fixture<HTMLElement>(html`<div style=${style}>${render(memoryAdapter())}</div>`);
      const el = wrapper.firstElementChild as KoloElement;
      await waitForState(el, 'ready');
      await frame();
      return { wrapper, el };
    };
    afterEach(() => emulateMedia({ colorScheme: 'light' }));

    it('keeps its card (padding, border, radius, background) on part="base" under a page CSS reset', async () => {
      const { el } = await mount('');
      const before = card(el);
      expect(parseFloat(before.padding[0]!), 'padding').to.be.greaterThan(0);
      expect(parseFloat(before.padding[1]!), 'padding').to.be.greaterThan(0);
      expect(parseFloat(before.border[0]!), 'border').to.be.greaterThan(0);
      expect(before.background).to.equal(LIGHT);
      const reset = document.head.appendChild(document.createElement('style'));
      reset.textContent = RESET;
      try {
        expect(card(el)).to.deep.equal(before);
        // the host holds no card of its own that the reset could strip
        expect(getComputedStyle(el).paddingBlockStart).to.equal('0px');
      } finally {
        reset.remove();
      }
    });

    it("follows the page's color-scheme, else the OS; theme forces one", async () => {
      await emulateMedia({ colorScheme: 'light' });
      const { wrapper, el } = await mount('color-scheme: dark');
      expect(background(el), 'page dark, OS light').to.equal(DARK);
      el.setAttribute('theme', 'light');
      await el.updateComplete;
      expect(background(el), 'theme="light" on a dark page').to.equal(LIGHT);
      el.removeAttribute('theme');
      wrapper.style.colorScheme = 'light';
      await emulateMedia({ colorScheme: 'dark' });
      expect(background(el), 'page light, OS dark').to.equal(LIGHT);
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(background(el), 'theme="dark" on a light page').to.equal(DARK);
      await expect(el).to.be.accessible();

      const quiet = await mount('');
      expect(background(quiet.el), 'page says nothing, OS dark').to.equal(DARK);
      await emulateMedia({ colorScheme: 'light' });
      expect(background(quiet.el), 'page says nothing, OS light').to.equal(LIGHT);
      // a site's own dark mode switched on later, on the root element
      const root = document.documentElement;
      root.style.colorScheme = 'dark';
      try {
        await Promise.resolve();
        await frame();
        expect(background(quiet.el), 'the page switched to dark').to.equal(DARK);
      } finally {
        root.style.colorScheme = '';
      }
    });
  });
}

/** The `value-<id>` part name of each element with part `part` in `el`'s shadow root. */
export const valueParts = (el: Element, part: string) =>
  [...el.shadowRoot!.querySelectorAll(`[part~="${part}"]`)].map((n) => [...n.part].find((p) => p.startsWith('value-')));

/** The outline colour of the element with part `part` while the page has `::part(<selector>)` (from outside) outlined in rgb(1, 2, 3). */
export function outlinedFromPage(el: Element, selector: string, part = selector.split(' ')[0]!): string {
  const style = document.head.appendChild(document.createElement('style'));
  style.textContent = `${el.localName}::part(${selector}) { outline: 3px solid rgb(1, 2, 3) }`;
  try {
    return getComputedStyle(el.shadowRoot!.querySelector(`[part~="${part}"]`)!).outlineColor;
  } finally {
    style.remove();
  }
}
