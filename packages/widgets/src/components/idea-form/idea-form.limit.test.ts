import { expect, waitUntil } from '@open-wc/testing';
import { KoloError, memoryAdapter, voterId, type KoloAdapter } from '@kolo/core';
import '../../define/kolo-idea-form.ts';
import type { KoloIdeaForm } from './idea-form.ts';
import { $, $$, deepActive, hasState, ideaAdapter, mount, setValue, submitIdea, textOf, waitForState } from '../../test-utils/helpers.ts';

/** The daily limit of ideas: said before anyone types, with nothing left to fill in. */

const formOf = (adapter: KoloAdapter, attrs = '', lang = 'en') =>
  mount('kolo-idea-form', `<kolo-idea-form board-id="roadmap" min-fill-seconds="0" max-per-day="1" lang="${lang}" ${attrs}></kolo-idea-form>`, adapter);

/** The message comes before the fields, which cannot be filled in; there is nothing to send. */
function expectStopped(el: KoloIdeaForm, message: string) {
  const status = $$(el, '[role="status"]').find((s) => s.textContent === message)!;
  expect(status, 'a status with the message').to.exist;
  expect(status.checkVisibility()).to.equal(true);
  const title = $<HTMLInputElement>(el, '#title')!;
  expect(status.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
  for (const name of ['title', 'details', 'contact']) expect($<HTMLInputElement>(el, `#${name}`)!.matches(':disabled'), name).to.equal(true);
  expect($$(el, '[part~="submit-button"]')).to.have.length(0);
  expect(hasState(el, 'limit')).to.equal(true);
}

describe('<kolo-idea-form> at the daily limit', () => {
  it('says so up front, before anyone types, and leaves nothing to fill in', async () => {
    const adapter = memoryAdapter();
    await submitIdea(adapter, voterId(), { kind: 'ideas', id: 'roadmap' }, 'Sent earlier today');
    const el = await formOf(adapter);
    expectStopped(el, 'You have sent as many as you can today. Please come back tomorrow.');
    await expect(el).to.be.accessible();
  });

  it('dims the fields once (0.6), not again each control inside them', async () => {
    const adapter = memoryAdapter();
    await submitIdea(adapter, voterId(), { kind: 'ideas', id: 'roadmap' }, 'Sent earlier today');
    const el = await formOf(adapter);
    const title = $<HTMLInputElement>(el, '#title')!;
    const opacity = (e: Element) => getComputedStyle(e).opacity;
    expect(opacity(title.closest('fieldset')!)).to.equal('0.6');
    expect(opacity(title)).to.equal('1');
    expect(opacity($(el, '#details')!)).to.equal('1');
    expect(getComputedStyle(title).cursor).to.equal('not-allowed');
  });

  it('says so in Ukrainian', async () => {
    const adapter = memoryAdapter();
    await submitIdea(adapter, voterId(), { kind: 'ideas', id: 'roadmap' }, 'Сьогоднішня ідея');
    const el = await formOf(adapter, '', 'uk');
    expectStopped(el, 'На сьогодні ви надіслали максимум. Поверніться завтра.');
  });

  it('after the last idea of the day, "write another" leads to the message', async () => {
    const el = await formOf(memoryAdapter());
    await setValue(el, 'title', 'The only idea for today');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await waitForState(el, 'sent');
    $<HTMLButtonElement>(el, '[part~="another-button"]')!.click();
    await waitForState(el, 'limit');
    await el.updateComplete;
    expectStopped(el, 'You have sent as many as you can today. Please come back tomorrow.');
    expect(deepActive()!.textContent).to.equal('You have sent as many as you can today. Please come back tomorrow.');
    await expect(el).to.be.accessible();
  });

  it('an adapter refusing for the limit (a server whose first page lacks the ideas) stops the form the same way', async () => {
    const base = memoryAdapter();
    const adapter: KoloAdapter = { load: (w, v) => base.load(w, v), send: () => Promise.reject(new KoloError('rate-limited', 'limit', 'at most 1 per day', 3600)) };
    const el = await formOf(adapter);
    await setValue(el, 'title', 'One too many for today');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await waitUntil(() => hasState(el, 'limit'), 'limit known');
    await el.updateComplete;
    expectStopped(el, 'You have sent as many as you can today. Please come back tomorrow.');
    expect(textOf(el, '[role="alert"]')).to.equal('');
    expect(deepActive()!.textContent).to.equal('You have sent as many as you can today. Please come back tomorrow.');
    expect($<HTMLInputElement>(el, '#title')!.value).to.equal('One too many for today');
  });

  it('similar ideas can still be upvoted: upvotes do not count against the limit', async () => {
    const base = ideaAdapter();
    const adapter: KoloAdapter = {
      load: (w, v) => base.load(w, v),
      send: (a) => (a.type === 'idea' ? Promise.reject(new KoloError('rate-limited', 'limit', 'at most 1 per day', 3600)) : base.send(a)),
    };
    const el = await formOf(adapter);
    await setValue(el, 'title', 'Dark theme in the app');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await waitUntil(() => hasState(el, 'limit'), 'limit known');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#title')!.matches(':disabled')).to.equal(true);
    const button = $<HTMLButtonElement>(el, '[part~="upvote-button"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Upvote this instead: Dark mode for the mobile app');
    expect(button.matches(':disabled'), 'the upvote button is disabled').to.equal(false);
    button.click();
    await waitUntil(() => $(el, '[part~="upvote-button"]')!.getAttribute('aria-pressed') === 'true', 'upvoted');
    expect(textOf(el, '[part~="similar-idea"]')).to.contain('43 upvotes');
    expect((await base.load({ kind: 'ideas', id: 'roadmap' }, voterId())).counts.dark).to.equal(43);
    expect(hasState(el, 'limit')).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
