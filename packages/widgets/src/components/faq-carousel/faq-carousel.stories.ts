import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { memoryAdapter, voterId, type KoloAdapter } from '@kolo/core';
import { castVote, failingAdapter, hangingAdapter } from '../../test-utils/adapters.ts';
import '../../define/kolo-faq-carousel.ts';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { part, parts, text, widget, say } from '../../test-utils/story-play.ts';

interface Args {
  'carousel-id': string;
  autoplay?: number;
  'no-feedback': boolean;
  theme?: 'light' | 'dark';
  lang?: string;
  adapter?: KoloAdapter;
}

/** A memory adapter where this browser already said the first card helped. */
const answered = (id: string): KoloAdapter => {
  const a = memoryAdapter();
  void castVote(a, voterId(), { kind: 'faq', id: `${id}.due` }, ['yes'], ['yes', 'no']);
  return a;
};

const meta: Meta<Args> = {
  title: 'Widgets/FAQ carousel',
  component: 'kolo-faq-carousel',
  args: { 'carousel-id': 'myths', 'no-feedback': false },
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
  render: (a) => {
    return html`<kolo-faq-carousel
      carousel-id=${a['carousel-id']}
      autoplay=${a.autoplay ?? nothing}
      ?no-feedback=${a['no-feedback']}
      theme=${a.theme ?? nothing}
      lang=${a.lang ?? nothing}
      .adapter=${a.adapter ?? memoryAdapter()}
    >
      <h3>${say(a.lang, 'Myths about gambling', 'Міфи про азартні ігри', 'خرافات عن القمار')}</h3>
      <article data-card="due">
        <h4>${say(a.lang, 'After a losing streak, a win is due.', 'Після серії програшів виграш уже близько.', 'بعد سلسلة من الخسائر يقترب الفوز.')}</h4>
        <p data-fact>${say(a.lang, 'Every spin is independent: the odds are the same each time.', 'Кожна гра незалежна: шанси щоразу ті самі.', 'كل دورة مستقلة: الاحتمالات نفسها في كل مرة.')}</p>
        <p data-advice>${say(a.lang, 'Decide on a limit before you start, and stop when you reach it.', 'Визначте ліміт до початку гри й зупиніться, коли дійдете до нього.', 'حدِّد سقفًا قبل أن تبدأ، وتوقَّف عندما تبلغه.')}</p>
        <a data-link href="https://example.org/limits">${say(a.lang, 'Set a limit', 'Встановити ліміт', 'حدِّد سقفًا')}</a>
      </article>
      <article data-card="system">
        <h4>${say(a.lang, 'Is there a system that beats the odds?', 'Чи є система, що перемагає казино?', 'هل يوجد نظام يتغلب على الاحتمالات؟')}</h4>
        <p>${say(a.lang, 'No. The house edge is built into every game.', 'Ні. Перевага казино закладена в кожну гру.', 'لا. أفضلية الكازينو جزء من كل لعبة.')}</p>
      </article>
      <aside data-closing>
        <p>${say(a.lang, 'Which myth should we debunk next?', 'Який міф розвінчати наступним?', 'أي خرافة نفنِّد بعد ذلك؟')}</p>
        <a data-next-step href="https://example.org/ideas">${say(a.lang, 'Suggest a myth', 'Запропонувати міф', 'اقترح خرافة')}</a>
      </aside>
    </kolo-faq-carousel>`;
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Fresh: Story = {};
export const Answered: Story = { args: { 'carousel-id': 'answered', adapter: answered('answered') } };
export const Rotating: Story = { args: { autoplay: 6 } };
export const WithoutFeedback: Story = { args: { 'no-feedback': true } };
export const FaqOnly: Story = {
  render: () => html`<kolo-faq-carousel carousel-id="faq" .adapter=${memoryAdapter()}>
    <h3>Questions about tickets</h3>
    <article data-card="refund"><h4>Can I get a refund?</h4><p>Yes, up to 24 hours before the trip.</p></article>
    <article data-card="change"><h4>Can I change the date?</h4><p>Once, for free, in the app.</p></article>
  </kolo-faq-carousel>`,
};
export const DeepLinked: Story = {
  play: async ({ canvasElement }) => {
    location.hash = '#myths/system';
    const el = await widget(canvasElement, 'kolo-faq-carousel');
    await waitFor(() => expect(text(part(el, '[part~="position"]'))).toMatch(/^2 \/ /));
  },
};
export const Loading: Story = { args: { adapter: hangingAdapter() } };
export const LoadError: Story = { args: { adapter: failingAdapter() } };
export const InvalidContent: Story = {
  render: () => html`<kolo-faq-carousel carousel-id="broken" .adapter=${memoryAdapter()}><h3>No cards yet</h3></kolo-faq-carousel>`,
};
export const Dark: Story = { args: { theme: 'dark' }, globals: { theme: 'dark' } };
export const RightToLeft: Story = { args: { lang: 'ar', 'carousel-id': 'myths-ar' }, globals: { dir: 'rtl' } };
export const Ukrainian: Story = { args: { lang: 'uk', 'carousel-id': 'myths-uk' } };

/** A person moves to the next card and says it helped. */
export const NextCardAndHelpful: Story = {
  args: { 'carousel-id': 'play-next' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement, 'kolo-faq-carousel');
    const voted = fn();
    el.addEventListener('kolo-vote', (e) => voted((e as CustomEvent).detail));
    await expect(text(part(el, '[part~="position"]'))).toMatch(/^1 \/ /);
    await userEvent.click(part(el, '[part~="next-button"]'));
    await waitFor(() => expect(text(part(el, '[part~="position"]'))).toMatch(/^2 \/ /));
    const card = parts(el, '[part~="slide"]')[1]!;
    await expect(text(card.querySelector('[part~="feedback"]'))).toContain('Was this helpful?');
    await userEvent.click(card.querySelector<HTMLButtonElement>('[part~="yes-button"]')!);
    await waitFor(() => expect(text(card)).toContain('Thank you for your feedback.'));
    await expect(voted).toHaveBeenCalledWith({ id: 'play-next.system', choices: ['yes'], previous: [] });
  },
};
