// "Tell me when this changes": after an upvote, on a board whose server sends email (its view says
// `notify`), a person gives their email once and is told what happens next.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FOLLOW_EMAIL_KEY, KoloError, type Follow, type KoloAdapter, type View } from '@kolo/core';
import '../../define/kolo-idea-board.ts';
import type { KoloIdeaBoard } from './idea-board.ts';
import { $, deepActive, ideaAdapter, mount, textOf } from '../../test-utils/helpers.ts';

/**
 * A board's adapter as a server that sends email answers: every view it gives (loads, sends and live
 * updates alike) says `notify`; follows are recorded, confirmed after the first.
 */
function mailingAdapter(notify = true, refuse?: KoloError) {
  const base = ideaAdapter();
  const follows: Follow[] = [];
  const said = (v: View): View => (notify ? { ...v, notify } : v);
  const adapter: KoloAdapter = {
    ...base,
    load: (...a) => base.load(...a).then(said),
    send: (a) => base.send(a).then(said),
    subscribe: (w, v, fn) => base.subscribe!(w, v, (view, e) => fn(said(view), e)),
    follow: async (_voter, f) => {
      if (refuse) throw refuse;
      follows.push(f);
      return { confirmed: follows.length > 1 };
    },
  };
  return { adapter, follows };
}

const board = (adapter: KoloAdapter, attrs = '') =>
  mount('kolo-idea-board', `<kolo-idea-board board-id="roadmap" ${attrs}><h2>Ideas</h2></kolo-idea-board>`, adapter);
const row = (el: KoloIdeaBoard, id: string) => $(el, `[aria-labelledby="t-${id}"]`)!;
const part = (el: KoloIdeaBoard, id: string, name: string) => row(el, id).querySelector<HTMLElement>(`[part~="${name}"]`);
const upvoteButton = (el: KoloIdeaBoard, id: string) => part(el, id, 'upvote-button') as HTMLButtonElement;
/** Upvote `id` (or take it back) and let the board settle: the follow part loads on first use. */
async function upvote(el: KoloIdeaBoard, id: string) {
  const was = upvoteButton(el, id).getAttribute('aria-pressed');
  upvoteButton(el, id).click();
  await waitUntil(() => upvoteButton(el, id).getAttribute('aria-pressed') !== was, 'the upvote');
  await new Promise((r) => setTimeout(r, 50));
  await el.updateComplete;
}
/** Upvote `id` and wait for the offer. */
async function offered(el: KoloIdeaBoard, id: string) {
  await upvote(el, id);
  await waitUntil(() => part(el, id, 'follow-button'), 'the offer');
  return part(el, id, 'follow-button') as HTMLButtonElement;
}
const status = (el: KoloIdeaBoard) => textOf(el, '[part~="follow-status"]');
// (assertions on whether an element is there compare booleans: a failing one that carries an element
// cannot be sent from the browser to the runner, which then waits for results that never come)
const shown = (el: KoloIdeaBoard, selector: string) => !!$(el, selector);

describe('<kolo-idea-board> following by email', () => {
  beforeEach(() => localStorage.removeItem(FOLLOW_EMAIL_KEY));

  it('offers "Tell me when this changes" after an upvote, asks for the email once, and says to confirm it', async () => {
    const { adapter, follows } = mailingAdapter();
    const el = await board(adapter);
    expect(shown(el, '[part~="follow-button"]')).to.equal(false);
    const offer = await offered(el, 'offline');
    expect(offer.textContent!.trim()).to.equal('Tell me when this changes');
    await expect(el).to.be.accessible();
    offer.click();
    await waitUntil(() => part(el, 'offline', 'follow-email'), 'the email field');
    const field = part(el, 'offline', 'follow-email') as HTMLInputElement;
    expect(field.type).to.equal('email');
    expect(field.autocomplete).to.equal('email');
    expect(field.labels![0]!.textContent!.trim()).to.equal('Your email');
    await waitUntil(() => deepActive() === field, 'focus on the field');
    await expect(el).to.be.accessible();
    field.value = 'ann@example.com';
    part(el, 'offline', 'follow-form')!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => status(el), 'a status');
    expect(status(el)).to.equal('Check your inbox to confirm.');
    expect($(el, '[part~="follow-status"]')!.getAttribute('role')).to.equal('status');
    expect(shown(el, '[part~="follow-email"]')).to.equal(false);
    await waitUntil(() => deepActive() === upvoteButton(el, 'offline'), 'focus back on the upvote');
    expect(follows).to.deep.equal([{ kind: 'ideas', board: 'roadmap', idea: 'offline', email: 'ann@example.com', lang: 'en' }]);
    expect(localStorage.getItem(FOLLOW_EMAIL_KEY)).to.equal('ann@example.com');
    await expect(el).to.be.accessible();

    // the next follow does not ask again: the email is remembered on this device
    (await offered(el, 'alerts')).click();
    await waitUntil(() => status(el) === 'We’ll tell you when this changes.', 'followed');
    expect(shown(el, '[part~="follow-email"]')).to.equal(false);
    expect(follows.map((f) => [f.idea, f.email])).to.deep.equal([['offline', 'ann@example.com'], ['alerts', 'ann@example.com']]);
    await expect(el).to.be.accessible();
  });

  it('is not offered when the view says notifications are off, nor for taking an upvote back', async () => {
    const el = await board(mailingAdapter(false).adapter);
    await upvote(el, 'offline');
    expect(shown(el, '[part~="follow-button"]')).to.equal(false);
    const on = await board(mailingAdapter().adapter);
    await offered(on, 'offline');
    await upvote(on, 'offline');
    expect(shown(on, '[part~="follow-button"]')).to.equal(false);
    await offered(on, 'dark');
    expect(shown(on, '[aria-labelledby="t-offline"] [part~="follow-button"]')).to.equal(false);
  });

  it('says an email address is wrong, and why a follow was refused, keeping the field', async () => {
    const { adapter } = mailingAdapter(true, new KoloError('rejected', 'notifications-off'));
    const el = await board(adapter);
    (await offered(el, 'offline')).click();
    await waitUntil(() => part(el, 'offline', 'follow-email'), 'the email field');
    const field = part(el, 'offline', 'follow-email') as HTMLInputElement;
    field.value = 'not an email';
    part(el, 'offline', 'follow-form')!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => part(el, 'offline', 'error'), 'an error');
    const error = part(el, 'offline', 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent!.trim()).to.equal('Enter an email address, like name@example.com.');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.equal(error.id);
    await expect(el).to.be.accessible();

    field.value = 'ann@example.com';
    part(el, 'offline', 'follow-form')!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => /notifications-off/.test(part(el, 'offline', 'error')?.textContent ?? ''), 'the refusal');
    expect(part(el, 'offline', 'follow-email') === field).to.equal(true);
    expect(localStorage.getItem(FOLLOW_EMAIL_KEY)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('works from the keyboard, in Ukrainian and right to left', async () => {
    const { adapter, follows } = mailingAdapter();
    const el = await board(adapter, 'lang="uk" dir="rtl"');
    upvoteButton(el, 'offline').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(el, 'offline', 'follow-button'), 'the offer');
    expect(part(el, 'offline', 'follow-button')!.textContent!.trim()).to.equal('Повідомити, коли це зміниться');
    part(el, 'offline', 'follow-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActive() === part(el, 'offline', 'follow-email'), 'focus on the field');
    expect((part(el, 'offline', 'follow-email') as HTMLInputElement).labels![0]!.textContent!.trim()).to.equal('Ваш email');
    await sendKeys({ type: 'olena@example.com' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(el), 'a status');
    expect(status(el)).to.equal('Перевірте пошту, щоб підтвердити.');
    expect(follows[0]).to.include({ email: 'olena@example.com', lang: 'uk' });
    expect(getComputedStyle(row(el, 'offline')).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });
});
