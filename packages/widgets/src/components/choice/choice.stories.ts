import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { memoryAdapter, type KoloAdapter } from '@kolo/core';
import { failingAdapter, hangingAdapter, votedAdapter } from '../../test-utils/adapters.ts';
import '../../define/kolo-choice.ts';
import { expect, userEvent, waitFor } from 'storybook/test';
import { inState, part, parts, text, widget, say } from '../../test-utils/story-play.ts';

interface Args {
  'choice-id': string;
  results: 'after-vote' | 'always' | 'never';
  closes?: string;
  'allow-change': boolean;
  theme?: 'light' | 'dark';
  lang?: string;
  adapter?: KoloAdapter;
}

const seed = { counts: { weekly: 41, daily: 27 } };
const voted = (id: string, mine: string) => votedAdapter('choice', id, ['weekly', 'daily'], [mine], seed);
// A small inline picture so the story works offline.
const picture = (fill: string) =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="${fill}"/></svg>`)}`;

const meta: Meta<Args> = {
  title: 'Widgets/A-B choice',
  component: 'kolo-choice',
  args: { 'choice-id': 'digest', results: 'after-vote', 'allow-change': false },
  argTypes: {
    results: { control: 'inline-radio', options: ['after-vote', 'always', 'never'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (a) => {
    return html`
      <kolo-choice
        choice-id=${a['choice-id']}
        results=${a.results}
        closes=${a.closes ?? nothing}
        ?allow-change=${a['allow-change']}
        theme=${a.theme ?? nothing}
        lang=${a.lang ?? nothing}
        .adapter=${a.adapter ?? memoryAdapter({ seed: { [`choice:${a['choice-id']}`]: seed } })}
      >
        <h3>${say(a.lang, 'Which digest would you read?', 'Який дайджест ви читали б?', 'أي نشرة بريدية ستقرأ؟')}</h3>
        <article data-value="weekly">
          <img src=${picture('#c8d6f5')} alt=${say(a.lang, 'A calendar with Sundays marked', 'Календар з позначеними неділями', 'تقويم عليه أيام الأحد مميَّزة')} />
          <h4>${say(a.lang, 'A: Weekly digest', 'А: Щотижневий дайджест', 'أ: نشرة أسبوعية')}</h4>
          <p>${say(a.lang, 'One long email every Sunday.', 'Один довгий лист щонеділі.', 'رسالة طويلة واحدة كل يوم أحد.')}</p>
        </article>
        <article data-value="daily">
          <img src=${picture('#f5dcc8')} alt=${say(a.lang, 'A morning coffee', 'Ранкова кава', 'قهوة الصباح')} />
          <h4>${say(a.lang, 'B: Daily short', 'Б: Щоденний короткий', 'ب: نشرة يومية قصيرة')}</h4>
          <p>${say(a.lang, 'Three links every morning.', 'Три посилання щоранку.', 'ثلاثة روابط كل صباح.')}</p>
        </article>
        <a data-next-step href="https://example.org/newsletter">${say(a.lang, 'Subscribe', 'Підписатися', 'اشترك')}</a>
      </kolo-choice>
    `;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Fresh: Story = {};
export const Chosen: Story = { args: { 'choice-id': 'chosen', adapter: voted('chosen', 'daily') } };
export const ChosenCanChange: Story = { args: { 'choice-id': 'change', 'allow-change': true, adapter: voted('change', 'weekly') } };
export const ResultsAlwaysShown: Story = { args: { 'choice-id': 'always', results: 'always' } };
export const ResultsHidden: Story = { args: { 'choice-id': 'hidden', results: 'never', adapter: voted('hidden', 'daily') } };
export const Closed: Story = { args: { 'choice-id': 'closed', closes: '2025-12-01T12:00:00Z' } };
export const Loading: Story = { args: { adapter: hangingAdapter() } };
export const LoadError: Story = { args: { adapter: failingAdapter() } };
export const InvalidContent: Story = {
  render: () => html`<kolo-choice choice-id="broken" .adapter=${memoryAdapter()}>
    <h3>Only one scenario?</h3>
    <article><h4>A</h4></article>
  </kolo-choice>`,
};
export const Dark: Story = { args: { 'choice-id': 'dark', theme: 'dark', adapter: voted('dark', 'weekly') }, globals: { theme: 'dark' } };
export const RightToLeft: Story = { args: { 'choice-id': 'rtl', results: 'always', lang: 'ar' }, globals: { dir: 'rtl' } };
export const Ukrainian: Story = { args: { 'choice-id': 'uk', lang: 'uk', adapter: voted('uk', 'daily') } };

/** A person picks scenario B, sends it, and sees how everyone split. */
export const ChooseAndSeeTheSplit: Story = {
  args: { 'choice-id': 'play-choose' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'kolo-choice');
    await expect(parts(el, '[part~="split"]')).toHaveLength(0);
    await userEvent.click(parts<HTMLInputElement>(el, 'input[type="radio"]').find((r) => r.value === 'daily')!);
    await userEvent.click(part(el, '[part~="vote-button"]'));
    await waitFor(() => expect(inState(el, 'voted') && !inState(el, 'pending')).toBe(true));
    await expect(parts(el, '[part~="percent"]').map(text)).toEqual(['59%', '41%']);
    await expect(part(el, '[part~="split-a"]').style.inlineSize).toBe('59%');
    await expect(text(part(el, '[part~="option-mine"]'))).toContain('Daily short');
  },
};
