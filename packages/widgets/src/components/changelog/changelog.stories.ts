import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { memoryAdapter, type SeedIdea } from '@kolo/core';
import '../../define/kolo-changelog.ts';
import { expect, userEvent, waitFor } from 'storybook/test';
import { focused, part, parts, text, widget, say } from '../../test-utils/story-play.ts';

interface Args {
  'changelog-id': string;
  boards: string;
  'page-size'?: number;
  'heading-level'?: number;
  theme?: 'light' | 'dark';
  lang?: string;
}

type Words = [en: string, uk: string, ar: string];
const done = (id: string, at: string, lang: string | undefined, title: Words, answer?: Words, link?: string): SeedIdea => ({
  id,
  title: say(lang, ...title),
  status: 'done',
  createdAt: '2026-06-01T09:00:00Z',
  firstResponseAt: at,
  ...(answer ? { answer: say(lang, ...answer) } : {}),
  ...(link ? { link } : {}),
});

/** The sample boards, in the story's language: a roadmap and an AMA. */
const sample = (lang?: string) => ({
  'ideas:roadmap': {
    counts: { dark: 48, csv: 1, offline: 30 },
    ideas: [
      done('dark', '2026-11-18T10:00:00Z', lang, ['Dark mode', 'Темна тема', 'الوضع الداكن'], ['It follows your system setting, or pick one in Settings.', 'Вмикається за системним налаштуванням або в Параметрах.', 'يتبع إعداد نظامك، أو اختره من الإعدادات.'], 'https://example.org/blog/dark-mode'),
      done('csv', '2026-10-07T10:00:00Z', lang, ['Export reports to CSV', 'Експорт звітів у CSV', 'تصدير التقارير إلى CSV'], ['Every report has a Download button now.', 'Кожен звіт тепер має кнопку «Завантажити».', 'كل تقرير فيه الآن زر تنزيل.']),
      { id: 'offline', title: say(lang, 'Offline mode', 'Робота без мережі', 'العمل دون اتصال'), status: 'planned' as const, createdAt: '2026-09-01T09:00:00Z' },
    ],
  },
  'questions:ama': {
    counts: { api: 12 },
    ideas: [done('api', '2026-11-02T10:00:00Z', lang, ['Will there be a public API?', 'Чи буде відкритий API?', 'هل ستكون هناك واجهة برمجة عامة؟'], ['Yes: the first version ships in spring.', 'Так: перша версія вийде навесні.', 'نعم: الإصدار الأول يصدر في الربيع.'])],
  },
});

const meta: Meta<Args> = {
  title: 'Widgets/Changelog',
  component: 'kolo-changelog',
  args: { 'changelog-id': 'shipped', boards: 'ideas:roadmap questions:ama' },
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
  render: (a) => html`<kolo-changelog
    changelog-id=${a['changelog-id']}
    boards=${a.boards}
    page-size=${a['page-size'] ?? nothing}
    heading-level=${a['heading-level'] ?? nothing}
    theme=${a.theme ?? nothing}
    lang=${a.lang ?? nothing}
    .adapter=${memoryAdapter({ seed: sample(a.lang) })}
  >
    <h2>${say(a.lang, 'You asked, we did', 'Ви просили — ми зробили', 'طلبتم، فنفّذنا')}</h2>
    <p>${say(a.lang, 'What shipped and what the team answered, newest first.', 'Що вийшло і на що відповіла команда — спершу найновіше.', 'ما صدر وما أجاب عنه الفريق، الأحدث أولًا.')}</p>
  </kolo-changelog>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const Empty: Story = { args: { boards: 'ideas:nothing-yet' } };
export const Ukrainian: Story = { args: { lang: 'uk' } };
export const RightToLeft: Story = { args: { lang: 'ar' }, globals: { dir: 'rtl' } };
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };
export const InvalidContent: Story = { args: { boards: 'poll:format' } };

/** A person reads the first page, shows more from the keyboard, and lands on the first new entry. */
export const ShowMore: Story = {
  args: { 'page-size': 2 },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'kolo-changelog');
    await expect(parts(el, '[part~="entry-title"]').map(text)).toEqual(['Dark mode', 'Will there be a public API?']);
    part(el, '[part~="show-more"]').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(text(focused())).toBe('Export reports to CSV'));
    await expect(parts(el, '[part~="month-heading"]').map(text)).toEqual(['November 2026', 'October 2026']);
    await expect(text(parts(el, '[part~="asked"]')[2])).toBe('1 person asked for this');
  },
};
