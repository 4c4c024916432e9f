import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { KoloError, localAdapter, memoryAdapter, memoryStorage, quizRules, type KoloAdapter } from '@kolo/core';
import '../../define/kolo-quiz.ts';
import { KoloQuiz } from './quiz.ts';
import { $, mount, $$, hasState, textOf } from '../../test-utils/helpers.ts';
import { widgetSuite } from '../../test-utils/widget-suite.ts';
import { outlinedFromPage, valueParts } from '../../test-utils/theme-suite.ts';
import type { KoloCompleteEvent } from '../../events/kolo-complete.ts';

const QUIZ = `<h3>Can you spot phishing?</h3>
  <section data-question="link" data-correct="no">
    <p>An email asks you to confirm your password through a link. Is it safe?</p>
    <ul><li data-value="yes">Yes, it is from my bank</li><li data-value="no">No</li></ul>
    <p data-explanation>Banks never ask for passwords by email.</p>
  </section>
  <section data-question="signs" data-correct="urgent typo" data-multiple>
    <p>Which are signs of phishing?</p>
    <ul><li data-value="urgent">Urgency</li><li data-value="typo">Typos in the address</li><li data-value="logo">A logo</li></ul>
  </section>
  <ol data-bands><li data-min="0">Worth a refresher.</li><li data-min="100">Perfect, you are hard to fool.</li></ol>
  <a data-next-step href="https://example.org/guides/phishing">Read the guide</a>`;

const quizFrom = (markup: string, adapter?: KoloAdapter) => mount('kolo-quiz', markup, adapter);
const inputs = (el: KoloQuiz) => $$<HTMLInputElement>(el, 'input');
async function answer(el: KoloQuiz, ...values: string[]) {
  for (const v of values) inputs(el).find((i) => i.value === v)!.click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part~="check-button"]')!.click();
  await waitUntil(() => hasState(el, 'answered'), 'graded', { timeout: 3000 });
}
const next = async (el: KoloQuiz) => {
  $<HTMLButtonElement>(el, '[part~="next-button"]')!.click();
  await el.updateComplete;
};

widgetSuite({
  tag: 'kolo-quiz',
  ctor: KoloQuiz,
  render: (adapter) => html`<kolo-quiz .adapter=${adapter} quiz-id="shared"
    ><section data-question="q" data-correct="a">
      <p>Q?</p>
      <ul>
        <li data-value="a">A</li>
        <li data-value="b">B</li>
      </ul>
    </section></kolo-quiz
  >`,
  attributes: [
    ['quiz-id', 'quizId', 'q1', 'q1'],
    ['show-stats', 'showStats', '', true],
    ['theme', 'theme', 'dark', 'dark'],
  ],
  labels: { en: 'Check answer', uk: 'Перевірити' },
});

describe('<kolo-quiz>', () => {
  it('exposes the group, the legend, each choice by its value and the picked choice to page CSS', async () => {
    const el = await quizFrom(`<kolo-quiz quiz-id="parts">${QUIZ}</kolo-quiz>`);
    expect(valueParts(el, 'choice')).to.deep.equal(['value-yes', 'value-no']);
    expect(outlinedFromPage(el, 'group')).to.equal('rgb(1, 2, 3)');
    expect(outlinedFromPage(el, 'legend')).to.equal('rgb(1, 2, 3)');
    expect($(el, '[part~="choice-selected"]')).to.equal(null);
    inputs(el)[0]!.click();
    await el.updateComplete;
    expect($(el, '[part~="choice-selected"]')!.part.contains('value-yes')).to.equal(true);
    expect(outlinedFromPage(el, 'choice-selected')).to.equal('rgb(1, 2, 3)');
    $<HTMLButtonElement>(el, '[part~="check-button"]')!.click();
    await waitUntil(() => hasState(el, 'answered'), 'graded', { timeout: 3000 });
    // graded: no longer "selected", marked wrong (and the right one correct)
    expect($(el, '[part~="choice-selected"]')).to.equal(null);
    expect($(el, '[part~="choice-wrong"]')!.part.contains('value-yes')).to.equal(true);
    expect($(el, '[part~="choice-correct"]')!.part.contains('value-no')).to.equal(true);
  });

  it('asks the first question with progress, as a labelled radio group', async () => {
    const el = await quizFrom(`<kolo-quiz quiz-id="fresh">${QUIZ}</kolo-quiz>`);
    expect(textOf(el, '[part~="title"]')).to.equal('Can you spot phishing?');
    expect(textOf(el, '[part~="progress"]')).to.equal('Question 1 of 2');
    expect($(el, 'legend')!.textContent).to.contain('confirm your password');
    expect(inputs(el).map((i) => i.type)).to.deep.equal(['radio', 'radio']);
    expect($<HTMLButtonElement>(el, '[part~="check-button"]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('gives immediate feedback with the right answer and the explanation, then moves on', async () => {
    const el = await quizFrom(`<kolo-quiz quiz-id="feedback">${QUIZ}</kolo-quiz>`);
    const graded = oneEvent(el, 'kolo-answer');
    await answer(el, 'yes');
    expect((await graded).detail).to.deep.equal({ id: 'feedback', question: 'link', choices: ['yes'], correct: false });
    expect(hasState(el, 'correct')).to.equal(false);
    expect(textOf(el, '[part~="verdict"]')).to.equal('Not quite. The right answer: No.');
    expect(textOf(el, '[part~="explanation"]')).to.equal('Banks never ask for passwords by email.');
    expect($(el, '[part~="choice-wrong"]')!.textContent).to.contain('Yes, it is from my bank');
    expect($(el, '[part~="choice-correct"]')!.textContent).to.contain('No');
    expect($(el, '[part~="feedback"]')!.getAttribute('role')).to.equal('status');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~="next-button"]'), 'focus on next');
    await expect(el).to.be.accessible();
    await next(el);
    expect(textOf(el, '[part~="progress"]')).to.equal('Question 2 of 2');
    expect(inputs(el).map((i) => i.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
    await waitUntil(() => el.shadowRoot!.activeElement?.tagName === 'FIELDSET', 'focus on the next question');
  });

  it('grades multiple answers as a set and shows the score with its band', async () => {
    const el = await quizFrom(`<kolo-quiz quiz-id="score">${QUIZ}</kolo-quiz>`);
    await answer(el, 'no');
    expect(textOf(el, '[part~="verdict"]')).to.equal('Correct.');
    await next(el);
    await answer(el, 'urgent', 'typo');
    expect(hasState(el, 'correct')).to.equal(true);
    expect(textOf(el, '[part~="next-button"]')).to.equal('See my score');
    const done = oneEvent(el, 'kolo-complete') as Promise<KoloCompleteEvent>;
    await next(el);
    expect((await done).detail).to.deep.equal({ id: 'score', score: 2, total: 2, percent: 100 });
    expect(hasState(el, 'finished')).to.equal(true);
    expect(textOf(el, '[part~="score"]')).to.equal('You got 2 of 2 right.');
    expect(textOf(el, '[part~="band"]')).to.equal('Perfect, you are hard to fool.');
    const link = new URL($<HTMLAnchorElement>(el, '[part~="next-step"]')!.href);
    expect(link.searchParams.get('utm_content')).to.equal('score');
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~="result"]'), 'focus on the result');
    await expect(el).to.be.accessible();
  });

  it('can be retaken', async () => {
    const el = await quizFrom(`<kolo-quiz quiz-id="retake">${QUIZ}</kolo-quiz>`);
    await answer(el, 'yes');
    await next(el);
    await answer(el, 'logo');
    await next(el);
    expect(textOf(el, '[part~="score"]')).to.equal('You got 0 of 2 right.');
    expect(textOf(el, '[part~="band"]')).to.equal('Worth a refresher.');
    $<HTMLButtonElement>(el, '[part~="retake-button"]')!.click();
    await el.updateComplete;
    expect(textOf(el, '[part~="progress"]')).to.equal('Question 1 of 2');
    expect(inputs(el).every((i) => !i.checked && !i.disabled)).to.equal(true);
    await answer(el, 'no');
    expect(textOf(el, '[part~="verdict"]')).to.equal('Correct.');
  });

  it('is operable with the keyboard', async () => {
    const el = await quizFrom(`<kolo-quiz quiz-id="keys">${QUIZ}</kolo-quiz>`);
    inputs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(inputs(el)[1]!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => hasState(el, 'answered'));
    await waitUntil(() => el.shadowRoot!.activeElement === $(el, '[part~="next-button"]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => textOf(el, '[part~="progress"]') === 'Question 2 of 2');
  });

  it('shows how many people got it right, from the adapter’s first-attempt aggregates', async () => {
    const adapter = memoryAdapter({ rules: [quizRules] }); // other people's answers, sent as their quiz pages would
    const key = { policy: { options: ['yes', 'no'], multiple: false }, key: ['no'], widget: { kind: 'quiz' as const, id: 'stats' }, question: 'link', type: 'answer' as const, at: '' };
    await adapter.send({ ...key, id: 'a1', voter: 'p1', choices: ['no'] });
    await adapter.send({ ...key, id: 'a2', voter: 'p2', choices: ['yes'] });
    await adapter.send({ ...key, id: 'a3', voter: 'p3', choices: ['no'] });
    const el = await quizFrom(`<kolo-quiz quiz-id="stats" show-stats>${QUIZ}</kolo-quiz>`, adapter);
    await answer(el, 'no');
    expect(textOf(el, '[part~="stats"]')).to.equal('75% of people got this right.');
  });

  it('updates the shared statistics live when someone else answers', async () => {
    const adapter = memoryAdapter();
    const el = await quizFrom(`<kolo-quiz quiz-id="live" show-stats>${QUIZ}</kolo-quiz>`, adapter);
    await answer(el, 'no');
    expect(textOf(el, '[part~="stats"]')).to.equal('100% of people got this right.');
    const changed = oneEvent(el, 'kolo-change');
    await adapter.send({
      type: 'answer',
      id: 'other-1',
      voter: 'someone-else',
      widget: { kind: 'quiz', id: 'live' },
      question: 'link',
      choices: ['yes'],
      policy: { options: ['yes', 'no'], multiple: false },
      key: ['no'],
      at: new Date().toISOString(),
    });
    expect((await changed).detail.source).to.equal('live');
    await el.updateComplete;
    expect(textOf(el, '[part~="stats"]')).to.equal('50% of people got this right.');
  });

  it('resumes an attempt after a reload', async () => {
    const storage = memoryStorage();
    const first = await quizFrom(`<kolo-quiz quiz-id="resume">${QUIZ}</kolo-quiz>`, localAdapter({ storage }));
    await answer(first, 'no');
    first.parentElement!.remove();
    const again = await quizFrom(`<kolo-quiz quiz-id="resume">${QUIZ}</kolo-quiz>`, localAdapter({ storage }));
    expect(textOf(again, '[part~="progress"]')).to.equal('Question 2 of 2');
    await answer(again, 'urgent');
    await next(again);
    expect(textOf(again, '[part~="score"]')).to.equal('You got 1 of 2 right.');
    again.parentElement!.remove();
    const finished = await quizFrom(`<kolo-quiz quiz-id="resume">${QUIZ}</kolo-quiz>`, localAdapter({ storage }));
    expect(hasState(finished, 'finished')).to.equal(true);
  });

  it('says so when the answer cannot be graded, and lets the person try again', async () => {
    let fail = true;
    const base = memoryAdapter();
    const adapter: KoloAdapter = { ...base, send: (a) => (fail ? Promise.reject(new KoloError('network')) : base.send(a)) };
    const el = await quizFrom(`<kolo-quiz quiz-id="offline">${QUIZ}</kolo-quiz>`, adapter);
    inputs(el)[1]!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="check-button"]')!.click();
    await waitUntil(() => $(el, '[part~="error"]'), 'error shown');
    expect(textOf(el, '[part~="error"]')).to.contain('the connection failed');
    expect(hasState(el, 'answered')).to.equal(false);
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part~="check-button"]')!.click();
    await waitUntil(() => hasState(el, 'answered'));
  });

  it('without correct answers on the page, the local adapter says it cannot check', async () => {
    const el = await quizFrom(`<kolo-quiz quiz-id="server-graded"><section data-question="q"><p>Q?</p><ul><li data-value="a">A</li><li data-value="b">B</li></ul></section></kolo-quiz>`);
    await (async () => {
      inputs(el)[0]!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~="check-button"]')!.click();
    })();
    await waitUntil(() => $(el, '[part~="error"]'));
    expect(textOf(el, '[part~="error"]')).to.equal('Your answer wasn’t saved: this quiz can’t be checked right now.');
  });

  it('explains invalid content', async () => {
    const el = await quizFrom(`<kolo-quiz quiz-id="bad"><section data-question="q" data-correct="zzz"><p>Q?</p><ul><li data-value="a">A</li><li data-value="b">B</li></ul></section></kolo-quiz>`);
    expect(hasState(el, 'invalid')).to.equal(true);
    expect(textOf(el, '[role="alert"]')).to.contain('questions.0: correct answers must be among the choices');
    await expect(el).to.be.accessible();
  });

  it('speaks Ukrainian, right to left too', async () => {
    const el = await quizFrom(`<div lang="uk" dir="rtl"><kolo-quiz quiz-id="uk">${QUIZ}</kolo-quiz></div>`);
    expect(textOf(el, '[part~="progress"]')).to.equal('Питання 1 з 2');
    await answer(el, 'yes');
    expect(textOf(el, '[part~="verdict"]')).to.equal('Не зовсім. Правильна відповідь: No.');
    const row = $(el, '[part~="choice"]')!.getBoundingClientRect();
    expect(inputs(el)[0]!.getBoundingClientRect().right).to.be.greaterThan(row.right - 40);
    await expect(el).to.be.accessible();
  });
});
