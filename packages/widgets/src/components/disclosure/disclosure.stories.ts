import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../../define/kolo-disclosure.ts';
import { expect, userEvent, waitFor } from 'storybook/test';
import { focused, inState, part, text, widget, say } from '../../test-utils/story-play.ts';

interface Args {
  type: 'ad' | 'partner' | 'sponsored' | 'affiliate';
  plain: boolean;
  theme?: 'light' | 'dark';
  lang?: string;
  text?: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Disclosure label',
  component: 'kolo-disclosure',
  args: { type: 'ad', plain: false },
  argTypes: {
    type: { control: 'inline-radio', options: ['ad', 'partner', 'sponsored', 'affiliate'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (a) => html`<p>
    <kolo-disclosure type=${a.type} ?plain=${a.plain} theme=${a.theme ?? nothing} lang=${a.lang ?? nothing}
      >${a.text ?? nothing}</kolo-disclosure
    >
    ${say(a.lang, 'A headline under the label', 'Заголовок під позначкою', 'عنوان تحت الوسم')}
  </p>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Ad: Story = {};
export const Partner: Story = { args: { type: 'partner', text: 'Made with Acme Bank, who paid for it and reviewed it before publication.' } };
export const Sponsored: Story = { args: { type: 'sponsored' } };
export const Affiliate: Story = { args: { type: 'affiliate' } };
export const Plain: Story = { args: { plain: true } };
export const Open: Story = {
  args: { type: 'partner' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('kolo-disclosure')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
  },
};
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };
export const RightToLeft: Story = { args: { type: 'partner', lang: 'ar' }, globals: { dir: 'rtl' } };
export const Ukrainian: Story = { args: { lang: 'uk', type: 'affiliate' } };
export const InvalidType: Story = { render: () => html`<kolo-disclosure type="promo"></kolo-disclosure>` };

/**
 * A keyboard user opens the explanation with Enter and closes it with Enter again; focus stays on the
 * label. (Escape and clicking outside close the popover natively, on trusted key presses only, which a
 * play function cannot make: disclosure.test.ts presses them in Chromium.)
 */
export const ExplainWithTheKeyboard: Story = {
  args: { type: 'sponsored', text: 'Paid for by Acme Bank, who did not see it before publication.' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'kolo-disclosure');
    const label = part(el, '[part~="label"]');
    const popover = part(el, '[part~="popover"]');
    label.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(popover.matches(':popover-open')).toBe(true));
    await expect(label.getAttribute('aria-expanded')).toBe('true');
    await expect(inState(el, 'open')).toBe(true);
    await expect(text(popover)).toContain('Paid for by Acme Bank, who did not see it before publication.');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(popover.matches(':popover-open')).toBe(false));
    await expect(label.getAttribute('aria-expanded')).toBe('false');
    await expect(focused()).toBe(label);
  },
};
