import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../define/kolo-poll.ts';
import { $, mount, textOf, waitForState } from '../../test-utils/helpers.ts';

/** The first ```css block of the theming guide, as a site would paste it. */
async function brandExample(): Promise<string> {
  const guide = await (await fetch('/docs/theming.md')).text();
  return /```css\n([\s\S]*?)```/.exec(guide)![1]!;
}

const POLL = `<kolo-poll poll-id="brand"><h3>Shall we open on Sundays?</h3>
  <ul><li data-value="yes">Yes</li><li data-value="no">No</li></ul></kolo-poll>`;

describe('docs/theming.md', () => {
  let style: HTMLStyleElement;
  beforeEach(async () => {
    style = document.head.appendChild(document.createElement('style'));
    style.textContent = await brandExample();
  });
  afterEach(async () => {
    style.remove();
    document.documentElement.style.colorScheme = '';
    await emulateMedia({ colorScheme: 'light' });
  });

  it('its brand example restyles a poll through tokens, parts and states, in light and dark', async () => {
    const el = await mount('kolo-poll', POLL);
    const base = $(el, '[part~="base"]')!;
    const css = (node: Element) => getComputedStyle(node);
    // tokens
    expect(css(base).backgroundColor).to.equal('rgb(251, 250, 246)');
    expect(css(base).paddingBlockStart).to.equal('20px');
    expect(css(base).fontFamily).to.contain('Source Sans 3');
    // parts
    expect(css(base).borderInlineStartWidth).to.equal('4px');
    expect(css(base).borderInlineStartColor).to.equal('rgb(11, 110, 79)');
    expect(css(base).borderBlockStartWidth).to.equal('0px');
    expect(css($(el, '[part~="legend"]')!).fontSize).to.equal('22px');
    expect(css($(el, '[part~="value-no"]')!).borderBlockStartStyle).to.equal('dashed');
    expect(css($(el, '[part~="value-yes"]')!).borderBlockStartStyle).to.equal('solid');
    $<HTMLInputElement>(el, 'input[value="yes"]')!.click();
    await el.updateComplete;
    expect(textOf(el, '[part~="option-selected"]')).to.equal('Yes');
    expect(css($(el, '[part~="option-selected"]')!).backgroundColor).not.to.equal('rgba(0, 0, 0, 0)');
    // states
    $<HTMLButtonElement>(el, '[part~="vote-button"]')!.click();
    await waitForState(el, 'voted');
    expect(css($(el, '[part~="options"]')!).rowGap).to.equal('4px');
    // the page's dark mode picks the dark half of the brand's light-dark() tokens
    document.documentElement.style.colorScheme = 'dark';
    await Promise.resolve(); // the page's change is seen,
    await new Promise(requestAnimationFrame); // and the widget looks again before the next frame
    expect(css(base).backgroundColor).to.equal('rgb(23, 32, 28)');
    await expect(el).to.be.accessible();
  });
});
