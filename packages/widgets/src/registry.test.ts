import { expect } from '@open-wc/testing';
import { className, widgets } from './registry.ts';
import * as all from './index.ts';

describe('the widget registry', () => {
  it('lists each tag and entry once', () => {
    expect(new Set(widgets.map((w) => w.tag)).size).to.equal(widgets.length);
    expect(new Set(widgets.map((w) => w.entry)).size).to.equal(widgets.length);
  });

  for (const w of widgets) {
    it(`<${w.tag}>: its define entry registers the class its module exports, which the package exports`, async () => {
      const module = (await import(`./${w.module}`)) as Record<string, unknown>;
      const cls = module[className(w.tag)];
      expect(cls, `${w.module} exports ${className(w.tag)}`).to.be.a('function');
      expect((all as Record<string, unknown>)[className(w.tag)]).to.equal(cls);
      await import(`./define/kolo-${w.entry}.ts`);
      expect(customElements.get(w.tag)).to.equal(cls);
    });
  }
});
