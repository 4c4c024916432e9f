import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { memoryAdapter, type KoloAdapter } from '@kolo/core';
import { failingAdapter, hangingAdapter, votedAdapter } from '../../test-utils/adapters.ts';
import '../../define/kolo-reactions.ts';
import { expect, userEvent, waitFor } from 'storybook/test';
import { part, parts, text, widget, say } from '../../test-utils/story-play.ts';

interface Args {
  'reactions-id': string;
  label?: string;
  reactions: string;
  more?: string;
  theme?: 'light' | 'dark';
  lang?: string;
  adapter?: KoloAdapter;
}

const seed = { counts: { 'thumbs-up': 24, heart: 9, party: 4 } };
const IDS = ['thumbs-up', 'heart', 'party', 'wow', 'sad', 'fire', 'rocket'];
const reacted = (id: string, mine: string) => votedAdapter('reactions', id, IDS, [mine], seed);

const meta: Meta<Args> = {
  title: 'Widgets/Reactions',
  component: 'kolo-reactions',
  args: { 'reactions-id': 'post-42', label: 'React to this post', reactions: '👍 ❤️ 🎉 😮 😢', more: '🔥 🚀 👏 🤔 🙏 💡' },
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
  render: (a) => html`
    <kolo-reactions
      reactions-id=${a['reactions-id']}
      label=${a.label ?? nothing}
      reactions=${a.reactions}
      more=${a.more ?? nothing}
      theme=${a.theme ?? nothing}
      lang=${a.lang ?? nothing}
      .adapter=${a.adapter ?? memoryAdapter({ seed: { [`reactions:${a['reactions-id']}`]: seed } })}
    >
      <a data-next-step href="https://example.org/faq">${say(a.lang, 'Read the FAQ', 'Читати FAQ', 'اقرأ الأسئلة الشائعة')}</a>
    </kolo-reactions>
  `,
};
export default meta;
type Story = StoryObj<Args>;

export const Fresh: Story = {};
export const Reacted: Story = { args: { 'reactions-id': 'reacted', adapter: reacted('reacted', 'heart') } };
export const ReactedFromTheLargerSet: Story = { args: { 'reactions-id': 'extra', adapter: reacted('extra', 'rocket') } };
export const WithoutLargerSet: Story = { args: { more: '' } };
export const CustomReactions: Story = {
  render: () => html`<kolo-reactions reactions-id="custom" label="Was this answer useful?" .adapter=${memoryAdapter()}>
    <ul>
      <li data-emoji="✅" data-value="useful">Useful</li>
      <li data-emoji="❓" data-value="unclear">Still unclear</li>
    </ul>
  </kolo-reactions>`,
};
export const Loading: Story = { args: { adapter: hangingAdapter() } };
export const LoadError: Story = { args: { adapter: failingAdapter() } };
export const InvalidContent: Story = { args: { reactions: '👍 👍' } };
export const Dark: Story = { args: { 'reactions-id': 'dark', theme: 'dark', adapter: reacted('dark', 'thumbs-up') }, globals: { theme: 'dark' } };
export const RightToLeft: Story = { args: { lang: 'ar', 'reactions-id': 'ar', label: 'تفاعل مع هذا المنشور' }, globals: { dir: 'rtl' } };
export const Ukrainian: Story = { args: { 'reactions-id': 'uk', lang: 'uk', label: 'Реакції на допис', adapter: reacted('uk', 'party') } };

/** A person reacts with a heart: its count goes up and the reaction is marked as theirs. */
export const ReactAndCount: Story = {
  args: { 'reactions-id': 'play-react' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'kolo-reactions');
    const heart = () => parts<HTMLButtonElement>(el, '[part~="reaction"]')[1]!;
    await expect(heart().getAttribute('aria-label')).toBe('heart, 9');
    await userEvent.click(heart());
    await waitFor(() => expect(heart().getAttribute('aria-label')).toBe('heart, 10'));
    await expect(heart().getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(text(part(el, '[part~="status"]'))).toBe('You reacted: heart.'));
  },
};
