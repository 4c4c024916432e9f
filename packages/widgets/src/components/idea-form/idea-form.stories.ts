import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { memoryAdapter, voterId, type KoloAdapter } from '@kolo/core';
import { failingAdapter, hangingAdapter, ideaAdapter, submitIdea } from '../../test-utils/adapters.ts';
import { pagingAdapter } from '../../test-utils/paging-adapter.ts';
import '../../define/kolo-idea-form.ts';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { focused, inState, part, text, widget, say } from '../../test-utils/story-play.ts';

interface Args {
  'board-id': string;
  kind?: 'idea' | 'question';
  moderated: boolean;
  'max-per-day'?: number;
  /** the site's summary of the community rules (slot="rules"); none: no rules shown */
  rules?: boolean;
  'require-rules'?: boolean;
  theme?: 'light' | 'dark';
  lang?: string;
  adapter?: KoloAdapter;
}

/** Types into the form's fields (and optionally sends it) once it is ready. */
const fill =
  (fields: Record<string, string>, send = false) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('kolo-idea-form')!;
    for (let i = 0; i < 50 && !el.matches(':state(ready)'); i++) await new Promise((r) => setTimeout(r, 20));
    for (const [name, value] of Object.entries(fields)) {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('blur'));
    }
    await el.updateComplete;
    if (send) el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitFor(() => expect(inState(el, 'pending')).toBe(false));
  };

const meta: Meta<Args> = {
  title: 'Widgets/Idea form',
  component: 'kolo-idea-form',
  args: { 'board-id': 'roadmap', moderated: false },
  argTypes: {
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    kind: { control: 'inline-radio', options: [undefined, 'idea', 'question'] },
  },
  render: (a) => {
    return html`<kolo-idea-form
      board-id=${a['board-id']}
      kind=${a.kind ?? nothing}
      ?moderated=${a.moderated}
      max-per-day=${a['max-per-day'] ?? nothing}
      ?require-rules=${a['require-rules']}
      min-fill-seconds="0"
      theme=${a.theme ?? nothing}
      lang=${a.lang ?? nothing}
      .adapter=${a.adapter ?? ideaAdapter(a['board-id'])}
    >
      <h3>${say(a.lang, 'How can we improve the journey planner?', 'Як покращити планувальник поїздок?', 'كيف نحسِّن مخطِّط الرحلات؟')}</h3>
      <p>${say(a.lang, 'Every month we pick the most upvoted ideas to work on.', 'Найкращі ідеї ми беремо в роботу щомісяця.', 'نختار كل شهر الأفكار الأكثر تأييدًا لنعمل عليها.')}</p>
      <ul data-categories>
        <li data-value="app">${say(a.lang, 'Mobile app', 'Застосунок', 'تطبيق الجوال')}</li>
        <li data-value="web">${say(a.lang, 'Website', 'Сайт', 'الموقع الإلكتروني')}</li>
      </ul>
      <a data-next-step href="https://example.org/ideas">${say(a.lang, 'See all ideas', 'Усі ідеї', 'كل الأفكار')}</a>
      ${a.rules
        ? html`<p slot="rules">
            ${say(a.lang, 'Be kind, stay on topic, no ads.', 'Будьте доброзичливі, пишіть по темі, без реклами.', 'كن لطيفًا، والتزم بالموضوع، بلا إعلانات.')}
            <a href="https://example.org/community-rules">${say(a.lang, 'Read the community rules', 'Читати правила спільноти', 'اقرأ قواعد المجتمع')}</a>
          </p>`
        : nothing}
    </kolo-idea-form>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Fresh: Story = {};
export const Moderated: Story = { args: { moderated: true } };
export const SimilarIdeas: Story = { play: fill({ title: 'Dark theme for the app' }) };
/** Similar ideas found by an adapter that pages (as Kolo's server finds them among every idea of a big board). */
export const SimilarIdeasFromTheServer: Story = {
  args: { adapter: pagingAdapter() },
  play: async (context) => {
    await fill({ title: 'Bus alerts everywhere' })(context);
    // the adapter is asked once typing pauses; then its answer replaces what the form found itself
    const el = context.canvasElement.querySelector('kolo-idea-form')!;
    await waitFor(() => expect((context.args.adapter as ReturnType<typeof pagingAdapter>).similarAsked).toContain('Bus alerts everywhere'));
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    await waitFor(() => part(el, '[part~="similar-idea"]'));
  },
};
export const ValidationErrors: Story = { play: fill({ title: 'Hi', contact: 'not-an-email' }, true) };
export const ThankYouPublished: Story = { args: { 'board-id': 'published' }, play: fill({ title: 'Bike racks at every station' }, true) };
export const ThankYouWaiting: Story = { args: { 'board-id': 'waiting', moderated: true }, play: fill({ title: 'Quiet carriages on trains' }, true) };
export const DailyLimit: Story = {
  args: {
    'board-id': 'limit',
    'max-per-day': 1,
    adapter: (() => {
      const a = memoryAdapter();
      void submitIdea(a, voterId(), { kind: 'ideas', id: 'limit' }, 'My idea from this morning');
      return a;
    })(),
  },
};
/** The site's summary of the community rules, with a link to them, above the send button. */
export const CommunityRules: Story = { args: { 'board-id': 'rules', rules: true } };
/** The board requires the rules: sending without ticking the box marks it and says why. */
export const CommunityRulesRequired: Story = {
  args: { 'board-id': 'rules-required', rules: true, 'require-rules': true },
  play: async (context) => {
    await fill({ title: 'Bike racks at every station' }, true)(context);
    const el = context.canvasElement.querySelector('kolo-idea-form')!;
    await waitFor(() => expect(part(el, '#rules').getAttribute('aria-invalid')).toBe('true'));
    await expect(focused()).toBe(part(el, '#rules'));
  },
};
export const CommunityRulesUkrainian: Story = { args: { lang: 'uk', 'board-id': 'rules-uk', rules: true, 'require-rules': true } };
export const CommunityRulesRightToLeft: Story = { args: { lang: 'ar', 'board-id': 'rules-ar', rules: true, 'require-rules': true }, globals: { dir: 'rtl' } };
export const Question: Story = { args: { 'board-id': 'ama', kind: 'question', adapter: memoryAdapter() } };
export const Loading: Story = { args: { adapter: hangingAdapter() } };
export const LoadError: Story = { args: { adapter: failingAdapter() } };
export const InvalidContent: Story = {
  render: () => html`<kolo-idea-form board-id="broken" max-per-day="5000" .adapter=${memoryAdapter()}></kolo-idea-form>`,
};
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' }, play: fill({ title: 'Dark theme for the app' }) };
export const RightToLeft: Story = { args: { lang: 'ar', 'board-id': 'ar' }, globals: { dir: 'rtl' } };
export const Ukrainian: Story = { args: { lang: 'uk', 'board-id': 'uk' }, play: fill({ title: 'Т' }, true) };

/** A person writes an idea, picks a category, sends it, and is thanked. */
export const SendAnIdea: Story = {
  args: { 'board-id': 'play-send' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'kolo-idea-form');
    const submitted = fn();
    el.addEventListener('kolo-submit', (e) => submitted((e as CustomEvent).detail.idea));
    await userEvent.type(part(el, '[name="title"]'), 'Bike racks at every station');
    await userEvent.type(part(el, '[name="details"]'), 'At least at the big ones.');
    await userEvent.selectOptions(part(el, '[name="category"]'), 'web');
    await userEvent.click(part(el, '[part~="submit-button"]'));
    await waitFor(() => expect(inState(el, 'sent')).toBe(true));
    await expect(submitted).toHaveBeenCalledWith({ title: 'Bike racks at every station', details: 'At least at the big ones.', category: 'web' });
    await expect(text(part(el, '[part~="heading"]'))).toBe('Thank you!');
    await expect(text(el.shadowRoot)).toContain('It is published: others can see and upvote it now.');
    await expect(focused()).toBe(part(el, '[part~="heading"]'));
  },
};
