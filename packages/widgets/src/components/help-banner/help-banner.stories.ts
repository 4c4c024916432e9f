import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { memoryAdapter } from '@kolo/core';
import { helpBannerLists } from '../../test-utils/fixtures.ts';
import '../../define/kolo-help-banner.ts';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { focused, inState, part, text, widget, say } from '../../test-utils/story-play.ts';

interface Args {
  'banner-id': string;
  region?: string;
  dismissible: boolean;
  'snooze-days'?: number;
  placement?: 'inline' | 'sticky';
  theme?: 'light' | 'dark';
  lang?: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Help banner',
  component: 'kolo-help-banner',
  args: { 'banner-id': 'odds', dismissible: true },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    region: { control: 'inline-radio', options: [undefined, 'ua', 'gb', 'de'] },
    placement: { control: 'inline-radio', options: [undefined, 'inline', 'sticky'] },
  },
  render: (a) => html`<kolo-help-banner
    banner-id=${a['banner-id']}
    region=${a.region ?? nothing}
    ?dismissible=${a.dismissible}
    snooze-days=${a['snooze-days'] ?? nothing}
    placement=${a.placement ?? nothing}
    theme=${a.theme ?? nothing}
    lang=${a.lang ?? nothing}
    .adapter=${memoryAdapter()}
  >
    <p data-disclaimer>${say(a.lang, 'Gambling can be addictive. Only bet what you can afford to lose. 18+.', 'Азартні ігри можуть викликати залежність. Грайте лише на те, що можете дозволити собі втратити. 18+.', 'قد يسبب القمار الإدمان. لا تراهن إلا بما يمكنك تحمُّل خسارته. +18.')}</p>
    <p data-why>${say(a.lang, 'You see this because this page is about betting odds.', 'Ви бачите це, бо сторінка про коефіцієнти ставок.', 'ترى هذا لأن هذه الصفحة تتناول احتمالات الرهان.')}</p>
    ${unsafeHTML(helpBannerLists(a.lang === 'uk' || a.lang === 'ar' ? a.lang : 'en'))}
  </kolo-help-banner>`,
};
export default meta;
type Story = StoryObj<Args>;

const reset = async () => {
  for (const k of Object.keys(localStorage)) if (k.startsWith('kolo:v1:hidden:')) localStorage.removeItem(k);
  for (const k of Object.keys(sessionStorage)) if (k.startsWith('kolo:v1:hidden:')) sessionStorage.removeItem(k);
};

export const Fresh: Story = { beforeEach: reset };
export const NotDismissible: Story = { args: { dismissible: false }, beforeEach: reset };
export const RequiredInRegion: Story = { args: { region: 'de' }, beforeEach: reset };
export const UkraineRegion: Story = { args: { region: 'ua' }, beforeEach: reset };
export const WhyOpen: Story = {
  beforeEach: reset,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('kolo-help-banner')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="why-button"]')!.click();
  },
};
export const HiddenNotice: Story = {
  args: { 'banner-id': 'hidden-demo' },
  beforeEach: reset,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('kolo-help-banner')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="snooze-button"]')!.click();
  },
};
export const StickyBar: Story = {
  args: { placement: 'sticky' },
  beforeEach: reset,
  render: (a, ctx) => html`<div style="block-size: 150vh">
      <p>Scroll: the bar stays at the bottom of the window and moves focused content out from under it.</p>
      <button type="button" style="margin-block-start: 110vh">A button further down</button>
    </div>
    ${meta.render!(a, ctx)}`,
};
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' }, beforeEach: reset };
export const RightToLeft: Story = { args: { lang: 'ar' }, globals: { dir: 'rtl' }, beforeEach: reset };
export const Ukrainian: Story = { args: { lang: 'uk' }, beforeEach: reset };
export const InvalidContent: Story = {
  render: () => html`<kolo-help-banner banner-id="broken"><p>No contacts at all.</p></kolo-help-banner>`,
};

/** A person closes the banner for now, is told where to get it back, and shows it again. */
export const CloseAndShowAgain: Story = {
  args: { 'banner-id': 'play-close' },
  beforeEach: reset,
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'kolo-help-banner');
    const dismissed = fn();
    el.addEventListener('kolo-dismiss', (e) => dismissed((e as CustomEvent).detail));
    await userEvent.click(part(el, '[part~="close-button"]'));
    await waitFor(() => expect(inState(el, 'hidden')).toBe(true));
    await expect(dismissed).toHaveBeenCalledWith({ id: 'play-close', until: null });
    await expect(text(part(el, '[part~="hidden"]'))).toContain('Hidden for now.');
    await waitFor(() => expect(focused()).toBe(part(el, '[part~="show-button"]')));
    await userEvent.click(part(el, '[part~="show-button"]'));
    await waitFor(() => expect(inState(el, 'hidden')).toBe(false));
    await expect(text(part(el, '[part~="disclaimer"]'))).toBe('Gambling can be addictive. Only bet what you can afford to lose. 18+.');
  },
};
