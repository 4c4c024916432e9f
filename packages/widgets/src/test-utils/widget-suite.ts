import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { KoloAdapter } from '@kolo/core';
import type { KoloElement } from '../base/kolo-element.ts';
import { $, failingAdapter, flakyAdapter, hasState, waitForState } from './helpers.ts';
import { themeSuite } from './theme-suite.ts';

export interface WidgetSuiteOptions {
  tag: string;
  /** the element class, to define a second time */
  ctor: typeof KoloElement;
  /** a valid instance of the widget using `adapter` */
  render: (adapter: KoloAdapter) => TemplateResult;
  /** attribute → [property, attribute value, expected property value] */
  attributes: [string, string, string, unknown][];
  /** text of a button visible once loaded, in English and Ukrainian */
  labels: { en: string; uk: string };
  /** where to look for `labels` (default: the shadow root's text) */
  read?: (el: Element) => string;
  /** the widget loads through its adapter (default); false for labels and banners that don't */
  loads?: boolean;
}

/** What every Kolo widget must do, run once per widget. */
export function widgetSuite(o: WidgetSuiteOptions) {
  const read = o.read ?? ((el: Element) => el.shadowRoot!.textContent ?? '');
  describe(`<${o.tag}> shared behaviour`, () => {
    it('defines twice safely, also under a second tag', () => {
      expect(() => o.ctor.define(o.tag)).not.to.throw();
      expect(customElements.get(o.tag)).to.exist;
      const second = `${o.tag}-again`;
      o.ctor.define(second);
      expect(customElements.get(second)).to.exist;
    });

    it('maps attributes to properties', async () => {
      const el = document.createElement(o.tag) as unknown as Record<string, unknown> & HTMLElement;
      for (const [attr, , value] of o.attributes) el.setAttribute(attr, value);
      for (const [attr, prop, , expected] of o.attributes) expect(el[prop], attr).to.deep.equal(expected);
    });

    it('switches language with the lang attribute, its own or an ancestor’s', async () => {
      const { memoryAdapter } = await import('@kolo/core');
      const wrapper = await fixture<HTMLElement>(`<div lang="uk"></div>`);
      const { render } = await import('lit');
      render(o.render(memoryAdapter()), wrapper);
      const el = wrapper.firstElementChild as KoloElement;
      await waitForState(el, 'ready');
      expect(read(el)).to.contain(o.labels.uk);
      wrapper.setAttribute('lang', 'en');
      await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      expect(read(el)).to.contain(o.labels.en);
      el.setAttribute('lang', 'uk-UA');
      await el.updateComplete;
      expect(read(el)).to.contain(o.labels.uk);
    });

    if (o.loads !== false) it('shows an error state with a working retry when the adapter fails', async () => {
      const { adapter, heal } = flakyAdapter();
      const el = await fixture<KoloElement>(o.render(adapter));
      await waitForState(el, 'error');
      const alert = $(el, '[role="alert"]')!;
      expect(alert.textContent).to.contain('could not be loaded');
      await expect(el).to.be.accessible();
      heal();
      $(el, '[part~="retry-button"]')!.click();
      await waitForState(el, 'ready');
      expect(hasState(el, 'error')).to.equal(false);
    });

    if (o.loads !== false) it('stays in the error state (not broken) when every call fails', async () => {
      const el = await fixture<KoloElement>(o.render(failingAdapter()));
      await waitForState(el, 'error');
      expect($(el, '[part~="retry-button"]')).to.exist;
    });

    it('passes axe in its fresh state, light and dark', async () => {
      const { memoryAdapter } = await import('@kolo/core');
      const el = await fixture<KoloElement>(o.render(memoryAdapter()));
      await waitForState(el, 'ready');
      await expect(el).to.be.accessible();
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
  themeSuite(o.tag, o.render);
}
