import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { memoryAdapter, moderateIdea, voterId, type KoloAdapter, type SeedIdea } from '@kolo/core';
import { failingAdapter, hangingAdapter, ideaAdapter, sampleCounts, sampleIdeas, submitIdea } from '../../test-utils/adapters.ts';
import { pagingAdapter } from '../../test-utils/paging-adapter.ts';
import '../../define/kolo-idea-board.ts';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { inState, part, parts, text, widget, say } from '../../test-utils/story-play.ts';

interface Args {
  'board-id': string;
  kind?: 'idea' | 'question';
  linkify: boolean;
  'page-size'?: number;
  sort?: 'top' | 'new';
  theme?: 'light' | 'dark';
  lang?: string;
  adapter?: KoloAdapter;
}

const meta: Meta<Args> = {
  title: 'Widgets/Idea board',
  component: 'kolo-idea-board',
  args: { 'board-id': 'roadmap', linkify: false },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    kind: { control: 'inline-radio', options: [undefined, 'idea', 'question'] },
    sort: { control: 'inline-radio', options: ['top', 'new'] },
  },
  render: (a) => {
    return html`<kolo-idea-board
      board-id=${a['board-id']}
      kind=${a.kind ?? nothing}
      ?linkify=${a.linkify}
      page-size=${a['page-size'] ?? nothing}
      sort=${a.sort ?? nothing}
      theme=${a.theme ?? nothing}
      lang=${a.lang ?? nothing}
      .adapter=${a.adapter ?? ideaAdapter(a['board-id'])}
    >
      <ul data-categories>
        <li data-value="app">${say(a.lang, 'Mobile app', 'Застосунок', 'تطبيق الجوال')}</li>
        <li data-value="web">${say(a.lang, 'Website', 'Сайт', 'الموقع الإلكتروني')}</li>
      </ul>
      <a data-next-step href="https://example.org/ideas/new"
        >${a.kind === 'question' ? say(a.lang, 'Ask a question', 'Поставити запитання', 'اطرح سؤالًا') : say(a.lang, 'Suggest an idea', 'Запропонувати ідею', 'اقترح فكرة')}</a
      >
    </kolo-idea-board>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Fresh: Story = {};
export const WithMyWaitingIdea: Story = {
  args: {
    'board-id': 'mine',
    adapter: (() => {
      const a = ideaAdapter('mine');
      void submitIdea(a, voterId(), { kind: 'ideas', id: 'mine' }, 'Quiet carriages on trains', true);
      return a;
    })(),
  },
};
export const Empty: Story = { args: { adapter: memoryAdapter() } };
export const Questions: Story = {
  args: {
    'board-id': 'friday',
    kind: 'question',
    adapter: (() => {
      const a = memoryAdapter();
      const board = { kind: 'questions', id: 'friday' } as const;
      void (async () => {
        await submitIdea(a, 'p1', board, 'When will the night bus start running?');
        await submitIdea(a, 'p2', board, 'Will students get a discount?');
        const first = (await a.load(board, 'p1')).ideas![0]!.id;
        await moderateIdea(a, { id: 'friday', kind: 'question' }, first, { status: 'done', answer: 'From the 1st of December, every 30 minutes.' });
      })();
      return a;
    })(),
  },
};
const many: SeedIdea[] = Array.from({ length: 5000 }, (_, i) => ({
  id: `i${i}`,
  title: `Idea ${i + 1} about ${['maps', 'tickets', 'buses', 'trains', 'bikes'][i % 5]}`,
  details: 'Generated to show that a large board stays responsive.',
  status: (['review', 'planned', 'progress', 'done', 'declined'] as const)[i % 5],
  createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
}));
export const FiveThousandIdeas: Story = {
  args: { 'board-id': 'large', adapter: ideaAdapter('large', 'ideas', many, Object.fromEntries(many.map((m, i) => [m.id, (i * 37) % 500]))) },
};
/** On an adapter that pages, as on Kolo's server: 300 ideas, 20 a page; sort, filters, search and "show more" ask it. */
export const Paged: Story = { args: { 'board-id': 'paged', adapter: pagingAdapter(300, 'paged') } };
export const LinksInDetails: Story = {
  args: {
    'board-id': 'links',
    linkify: true,
    adapter: ideaAdapter('links', 'ideas', [
      { id: 'l', title: 'Show live departures', details: 'Like https://example.org/departures does. <b>Not bold</b>, javascript:alert(1) is not a link.', status: 'review', createdAt: '2026-11-01T10:00:00Z' },
    ], { l: 3 }),
  },
};
export const Loading: Story = { args: { adapter: hangingAdapter() } };
export const LoadError: Story = { args: { adapter: failingAdapter() } };
export const InvalidContent: Story = { render: () => html`<kolo-idea-board board-id="has spaces" .adapter=${memoryAdapter()}></kolo-idea-board>` };
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };
/** The sample board, its ideas in the words of another audience (`words` by idea id). */
const sampleBoardIn = (lang: string, words: Record<string, Partial<SeedIdea>>): KoloAdapter =>
  ideaAdapter(lang, 'ideas', sampleIdeas.map((i) => ({ ...i, ...words[i.id] })), sampleCounts);

/** The sample board's ideas as a Ukrainian audience writes them. */
const ukrainian: Record<string, Partial<SeedIdea>> = {
  dark: { title: 'Темна тема в застосунку', details: 'Вночі легше для очей.' },
  offline: { title: 'Офлайн-карти' },
  alerts: { title: 'Сповіщення, коли мій автобус запізнюється' },
  export: { title: 'Експорт моїх поїздок у CSV', answer: 'Додано у версії 3.2: Налаштування → Експорт.' },
  fax: { title: 'Надсилати квитки факсом', reason: 'Факсом уже майже ніхто не користується.' },
};
export const Ukrainian: Story = {
  args: { lang: 'uk', 'board-id': 'uk', adapter: sampleBoardIn('uk', ukrainian) },
};

/** The sample board's ideas as an Arabic-speaking audience writes them. */
const arabic: Record<string, Partial<SeedIdea>> = {
  dark: { title: 'الوضع الداكن في التطبيق', details: 'أريح للعينين في الليل.' },
  offline: { title: 'خرائط دون اتصال بالإنترنت' },
  alerts: { title: 'تنبيه عندما تتأخر حافلتي' },
  export: { title: 'تصدير رحلاتي بصيغة CSV', answer: 'أُضيف في الإصدار 3.2: الإعدادات ← التصدير.' },
  fax: { title: 'إرسال التذاكر بالفاكس', reason: 'لم يعد أحد تقريبًا يملك جهاز فاكس.' },
};
export const RightToLeft: Story = {
  args: { lang: 'ar', 'board-id': 'ar', adapter: sampleBoardIn('ar', arabic) },
  globals: { dir: 'rtl' },
};

/** A person upvotes "Offline maps" (the count goes up at once), then searches the board. */
export const UpvoteAndSearch: Story = {
  args: { 'board-id': 'play-upvote' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'kolo-idea-board');
    const upvoted = fn();
    el.addEventListener('kolo-upvote', (e) => upvoted((e as CustomEvent).detail));
    const titles = () => parts(el, '[part~="idea-title"]').map(text);
    const idea = (title: string) => parts(el, '[part~="idea"]').find((li) => text(li.querySelector('[part~="idea-title"]')) === title)!;
    const upvote = () => idea('Offline maps').querySelector<HTMLButtonElement>('[part~="upvote-button"]')!;
    await expect(text(upvote())).toContain('17');
    await userEvent.click(upvote());
    await waitFor(() => expect(upvote().getAttribute('aria-pressed')).toBe('true'));
    await expect(text(upvote())).toContain('18');
    await expect(upvoted).toHaveBeenCalledWith({ id: 'play-upvote', idea: 'offline', on: true });
    await waitFor(() => expect(inState(el, 'pending')).toBe(false));
    await userEvent.type(part(el, '[name="search"]'), 'eyes night');
    await waitFor(() => expect(titles()).toEqual(['Dark mode for the mobile app']));
  },
};
