import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { memoryAdapter, type KoloAdapter } from '@kolo/core';
import { failingAdapter, hangingAdapter, votedAdapter as voted } from '../../test-utils/adapters.ts';
import '../../define/kolo-poll.ts';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { inState, part, parts, text, widget, say } from '../../test-utils/story-play.ts';

interface Args {
  'poll-id': string;
  multiple: boolean;
  'max-choices'?: number;
  results: 'after-vote' | 'always' | 'never';
  closes?: string;
  'allow-change': boolean;
  theme?: 'light' | 'dark';
  lang?: string;
  adapter?: KoloAdapter;
}

const seed = { counts: { carousel: 31, video: 22, longread: 9 } };
const OPTIONS = ['carousel', 'video', 'longread'];

const votedAdapter = (id: string, mine: string[]) => voted('poll', id, OPTIONS, mine, seed);

const meta: Meta<Args> = {
  title: 'Widgets/Poll',
  component: 'kolo-poll',
  args: { 'poll-id': 'format', multiple: false, results: 'after-vote', 'allow-change': false },
  argTypes: {
    results: { control: 'inline-radio', options: ['after-vote', 'always', 'never'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (a) => html`
    <kolo-poll
      poll-id=${a['poll-id']}
      ?multiple=${a.multiple}
      max-choices=${a['max-choices'] ?? nothing}
      results=${a.results}
      closes=${a.closes ?? nothing}
      ?allow-change=${a['allow-change']}
      theme=${a.theme ?? nothing}
      lang=${a.lang ?? nothing}
      .adapter=${a.adapter ?? memoryAdapter({ seed: { [`poll:${a['poll-id']}`]: seed } })}
    >
      <h3>${say(a.lang, 'Which format do you prefer?', 'Який формат вам подобається?', 'أي شكل تفضِّل؟')}</h3>
      <ul>
        <li data-value="carousel">${say(a.lang, 'Carousel', 'Карусель', 'شرائح متتالية')}</li>
        <li data-value="video">${say(a.lang, 'Short video', 'Коротке відео', 'فيديو قصير')}</li>
        <li data-value="longread">${say(a.lang, 'Long read', 'Лонгрід', 'مقال مطوَّل')}</li>
      </ul>
      <a data-next-step href="https://example.org/guides/formats">${say(a.lang, 'Read the guide', 'Читати гайд', 'اقرأ الدليل')}</a>
    </kolo-poll>
  `,
};
export default meta;
type Story = StoryObj<Args>;

export const Fresh: Story = {};

export const Voted: Story = { args: { 'poll-id': 'voted', adapter: votedAdapter('voted', ['video']) } };

export const VotedCanChange: Story = {
  args: { 'poll-id': 'voted-change', 'allow-change': true, adapter: votedAdapter('voted-change', ['carousel']) },
};

export const MultipleChoice: Story = { args: { 'poll-id': 'multi', multiple: true, 'max-choices': 2 } };

export const ResultsAlwaysShown: Story = { args: { 'poll-id': 'always', results: 'always' } };

export const ResultsHidden: Story = {
  args: { 'poll-id': 'hidden', results: 'never', adapter: votedAdapter('hidden', ['video']) },
};

export const Closed: Story = { args: { 'poll-id': 'closed', closes: '2025-12-01T12:00:00Z' } };

export const Loading: Story = { args: { adapter: hangingAdapter() } };

export const LoadError: Story = { args: { adapter: failingAdapter() } };

export const InvalidContent: Story = {
  render: () => html`<kolo-poll poll-id="broken" .adapter=${memoryAdapter()}>
    <h3>Only one option?</h3>
    <ul>
      <li>Yes</li>
    </ul>
  </kolo-poll>`,
};

export const Dark: Story = {
  args: { 'poll-id': 'dark', theme: 'dark', adapter: votedAdapter('dark', ['carousel']) },
  globals: { theme: 'dark' },
};

export const RightToLeft: Story = {
  args: { 'poll-id': 'rtl', results: 'always', lang: 'ar' },
  globals: { dir: 'rtl' },
};

export const Ukrainian: Story = {
  args: { 'poll-id': 'uk', lang: 'uk', closes: '2030-06-01T12:00:00Z', adapter: votedAdapter('uk', ['video']) },
};

/** A person picks "Short video", votes, and sees the results with their choice marked. */
export const VoteAndSeeResults: Story = {
  args: { 'poll-id': 'play-vote' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'kolo-poll');
    const voted = fn();
    el.addEventListener('kolo-vote', voted);
    await expect(parts(el, '[part~="bar"]')).toHaveLength(0);
    await userEvent.click(parts<HTMLInputElement>(el, 'input').find((i) => i.value === 'video')!);
    await userEvent.click(part(el, '[part~="vote-button"]'));
    await waitFor(() => expect(inState(el, 'voted') && !inState(el, 'pending')).toBe(true));
    await expect(voted).toHaveBeenCalledOnce();
    await expect(parts(el, '[part~="percent"]').map(text)).toEqual(['49%', '37%', '14%']);
    await expect(text(part(el, '[part~="option-mine"]'))).toContain('Short video');
    await expect(text(part(el, '[part~="total"]'))).toBe('63 votes');
    await expect(text(part(el, '[part~="status"]'))).toBe('Thank you, your vote is counted.');
  },
};
