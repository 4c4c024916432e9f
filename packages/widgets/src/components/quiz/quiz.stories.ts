import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { memoryAdapter, quizRules, voterId, type KoloAdapter } from '@kolo/core';
import { failingAdapter, hangingAdapter } from '../../test-utils/adapters.ts';
import '../../define/kolo-quiz.ts';
import { expect, userEvent, waitFor } from 'storybook/test';
import { inState, part, parts, text, widget, say } from '../../test-utils/story-play.ts';

interface Args {
  'quiz-id': string;
  'show-stats': boolean;
  theme?: 'light' | 'dark';
  lang?: string;
  adapter?: KoloAdapter;
}

const KEY = { link: ['no'], signs: ['urgent', 'typo'] } as const;

/** A memory adapter where other people already answered, and this browser answered `mine`. */
function answered(id: string, mine: Partial<Record<keyof typeof KEY, string[]>> = {}): KoloAdapter {
  const adapter = memoryAdapter({ rules: [quizRules] });
  const send = (voter: string, question: keyof typeof KEY, choices: string[]) =>
    void adapter.send({
      type: 'answer',
      id: `${id}-${voter}-${question}`,
      voter,
      widget: { kind: 'quiz', id },
      question,
      choices,
      policy: { options: ['yes', 'no', 'urgent', 'typo', 'logo'], multiple: question === 'signs' },
      key: [...KEY[question]],
      at: new Date().toISOString(),
    });
  for (let i = 0; i < 9; i++) send(`p${i}`, 'link', [i % 3 ? 'no' : 'yes']);
  for (const [q, choices] of Object.entries(mine)) send(voterId(), q as keyof typeof KEY, choices!);
  return adapter;
}

const meta: Meta<Args> = {
  title: 'Widgets/Quiz',
  component: 'kolo-quiz',
  args: { 'quiz-id': 'phishing', 'show-stats': true },
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
  render: (a) => {
    return html`
      <kolo-quiz
        quiz-id=${a['quiz-id']}
        ?show-stats=${a['show-stats']}
        theme=${a.theme ?? nothing}
        lang=${a.lang ?? nothing}
        .adapter=${a.adapter ?? answered(a['quiz-id'])}
      >
        <h3>${say(a.lang, 'Can you spot phishing?', 'Чи розпізнаєте ви фішинг?', 'هل تستطيع كشف التصيُّد الاحتيالي؟')}</h3>
        <section data-question="link" data-correct="no">
          <p>${say(a.lang, 'An email asks you to confirm your password through a link. Is it safe?', 'Лист просить підтвердити пароль за посиланням. Це безпечно?', 'تطلب منك رسالة بريد إلكتروني تأكيد كلمة المرور عبر رابط. هل هذا آمن؟')}</p>
          <ul>
            <li data-value="yes">${say(a.lang, 'Yes, it is from my bank', 'Так, це мій банк', 'نعم، إنها من مصرفي')}</li>
            <li data-value="no">${say(a.lang, 'No', 'Ні', 'لا')}</li>
          </ul>
          <p data-explanation>${say(a.lang, 'Banks never ask for passwords by email.', 'Банки ніколи не просять пароль листом.', 'لا تطلب المصارف كلمات المرور بالبريد الإلكتروني أبدًا.')}</p>
        </section>
        <section data-question="signs" data-correct="urgent typo" data-multiple>
          <p>${say(a.lang, 'Which are signs of phishing?', 'Які ознаки фішингу?', 'ما علامات التصيُّد الاحتيالي؟')}</p>
          <ul>
            <li data-value="urgent">${say(a.lang, 'Urgency and threats', 'Поспіх і погрози', 'الاستعجال والتهديد')}</li>
            <li data-value="typo">${say(a.lang, 'Typos in the address', 'Помилки в адресі', 'أخطاء إملائية في العنوان')}</li>
            <li data-value="logo">${say(a.lang, 'A logo', 'Логотип', 'شعار')}</li>
          </ul>
        </section>
        <ol data-bands>
          <li data-min="0">${say(a.lang, 'Worth a refresher.', 'Варто освіжити знання.', 'يُستحسن أن تراجع معلوماتك.')}</li>
          <li data-min="100">${say(a.lang, 'Perfect, you are hard to fool.', 'Чудово, вас важко обдурити.', 'ممتاز، من الصعب خداعك.')}</li>
        </ol>
        <a data-next-step href="https://example.org/guides/phishing">${say(a.lang, 'Read the guide', 'Читати гайд', 'اقرأ الدليل')}</a>
      </kolo-quiz>
    `;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Fresh: Story = {};
export const Answered: Story = { args: { 'quiz-id': 'answered', adapter: answered('answered', { link: ['yes'] }) } };
export const Finished: Story = { args: { 'quiz-id': 'finished', adapter: answered('finished', { link: ['no'], signs: ['urgent', 'typo'] }) } };
export const FinishedLowScore: Story = { args: { 'quiz-id': 'low', adapter: answered('low', { link: ['yes'], signs: ['logo'] }) } };
export const WithoutStats: Story = { args: { 'show-stats': false } };
export const Loading: Story = { args: { adapter: hangingAdapter() } };
export const LoadError: Story = { args: { adapter: failingAdapter() } };
export const InvalidContent: Story = {
  render: () => html`<kolo-quiz quiz-id="broken" .adapter=${memoryAdapter()}>
    <section data-question="q" data-correct="maybe">
      <p>Is this valid?</p>
      <ul>
        <li data-value="yes">Yes</li>
        <li data-value="no">No</li>
      </ul>
    </section>
  </kolo-quiz>`,
};
export const Dark: Story = { args: { 'quiz-id': 'dark', theme: 'dark', adapter: answered('dark', { link: ['no'] }) }, globals: { theme: 'dark' } };
export const RightToLeft: Story = { args: { lang: 'ar', 'quiz-id': 'ar' }, globals: { dir: 'rtl' } };
export const Ukrainian: Story = { args: { 'quiz-id': 'uk', lang: 'uk', adapter: answered('uk', { link: ['yes'] }) } };

/** A person answers both questions, reads why after each, and gets the score with its band. */
export const AnswerAndScore: Story = {
  args: { 'quiz-id': 'play-answer' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'kolo-quiz');
    const pick = async (...values: string[]) => {
      for (const v of values) await userEvent.click(parts<HTMLInputElement>(el, 'input').find((i) => i.value === v)!);
      await userEvent.click(part(el, '[part~="check-button"]'));
      await waitFor(() => expect(inState(el, 'answered') && !inState(el, 'pending')).toBe(true));
    };
    await expect(text(part(el, '[part~="progress"]'))).toBe('Question 1 of 2');
    await pick('yes');
    await expect(text(part(el, '[part~="verdict"]'))).toBe('Not quite. The right answer: No.');
    await expect(text(part(el, '[part~="explanation"]'))).toBe('Banks never ask for passwords by email.');
    await userEvent.click(part(el, '[part~="next-button"]'));
    await waitFor(() => expect(text(part(el, '[part~="progress"]'))).toBe('Question 2 of 2'));
    await pick('urgent', 'typo');
    await expect(text(part(el, '[part~="verdict"]'))).toBe('Correct.');
    await userEvent.click(part(el, '[part~="next-button"]'));
    await waitFor(() => expect(inState(el, 'finished')).toBe(true));
    await expect(text(part(el, '[part~="score"]'))).toBe('You got 1 of 2 right.');
    await expect(text(part(el, '[part~="band"]'))).toBe('Worth a refresher.');
  },
};
