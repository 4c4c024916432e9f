// "Tell me when this changes": after an upvote, on a board whose server sends email (its view says
// `notify`), a person gives their email once and is told what happens next.
import { expect, waitUntil } from '@open-wc/testing';
import { FOLLOW_EMAIL_KEY, KoloError, type Follow, type KoloAdapter, type View } from '@kolo/core';
import '../../define/kolo-idea-board.ts';
import type { KoloIdeaBoard } from './idea-board.ts';
import { $, hasState, ideaAdapter, mount, setValue, textOf } from '../../test-utils/helpers.ts';

/** A board's adapter as a server that sends email answers: views say `notify`; follows are recorded, confirmed after the first. */
function mailingAdapter(notify = true, refuse?: KoloError) {
  const base = ideaAdapter();
  const follows: Follow[] = [];
  const said = (v: View) => (notify ? { ...v, notify } : v);
  const adapter: KoloAdapter = {
    ...base,
    load: (...a) => base.load(...a).then(said),
    send: (a) => base.send(a).then(said),
    follow: async (_voter, f) => {
      if (refuse) throw refuse;
      follows.push(f);
      return { confirmed: follows.length > 1 };
    },
  };
  return { adapter, follows };
}

const board = (adapter: KoloAdapter) => mount('kolo-idea-board', '<kolo-idea-board board-id="roadmap"><h2>Ideas</h2></kolo-idea-board>', adapter);
const row = (el: KoloIdeaBoard, id: string) => $(el, `[aria-labelledby="t-${id}"]`)!;
async function upvote(el: KoloIdeaBoard, id: string) {
  row(el, id).querySelector<HTMLButtonElement>('[part~="upvote-button"]')!.click();
  await waitUntil(() => !hasState(el, 'pending'));
  await el.updateComplete;
}
const part = (el: KoloIdeaBoard, id: string, name: string) => row(el, id).querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<kolo-idea-board> following by email', () => {
  beforeEach(() => localStorage.removeItem(FOLLOW_EMAIL_KEY));

  it('offers "Tell me when this changes" after an upvote, asks for the email once, and says to confirm it', async () => {
    const { adapter, follows } = mailingAdapter();
    const el = await board(adapter);
    expect($(el, '[part~="follow-button"]')).to.equal(null);
    await upvote(el, 'offline');
    const offer = part(el, 'offline', 'follow-button')!;
    expect(offer.textContent!.trim()).to.equal('Tell me when this changes');
    await expect(el).to.be.accessible();
    offer.click();
    await waitUntil(() => part(el, 'offline', 'follow-email'), 'the email field');
    const field = part(el, 'offline', 'follow-email') as HTMLInputElement;
    expect(field.type).to.equal('email');
    expect(field.autocomplete).to.equal('email');
    expect(field.labels![0]!.textContent!.trim()).to.equal('Your email');
    await expect(el).to.be.accessible();
    field.value = 'ann@example.com';
    part(el, 'offline', 'follow-form')!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => textOf(el, '[part~="follow-status"]'), 'a status');
    expect(textOf(el, '[part~="follow-status"]')).to.equal('Check your inbox to confirm.');
    expect(part(el, 'offline', 'follow-email')).to.equal(null);
    expect(follows).to.deep.equal([{ kind: 'ideas', board: 'roadmap', idea: 'offline', email: 'ann@example.com', lang: 'en' }]);
    await expect(el).to.be.accessible();

    // the next follow does not ask again: the email is remembered on this device
    await upvote(el, 'alerts');
    part(el, 'alerts', 'follow-button')!.click();
    await waitUntil(() => textOf(el, '[part~="follow-status"]'), 'a status');
    expect(textOf(el, '[part~="follow-status"]')).to.equal('We’ll tell you when this changes.');
    expect($(el, '[part~="follow-email"]')).to.equal(null);
    expect(follows.map((f) => [f.idea, f.email])).to.deep.equal([['offline', 'ann@example.com'], ['alerts', 'ann@example.com']]);
  });

  it('is not offered when the view says notifications are off, nor for taking an upvote back', async () => {
    const { adapter } = mailingAdapter(false);
    const el = await board(adapter);
    await upvote(el, 'offline');
    expect($(el, '[part~="follow-button"]')).to.equal(null);
    const on = await board(mailingAdapter().adapter);
    await upvote(on, 'offline');
    await upvote(on, 'offline');
    expect($(on, '[part~="follow-button"]')).to.equal(null);
  });

  it('says why a follow was refused and keeps the field', async () => {
    const { adapter } = mailingAdapter(true, new KoloError('rejected', 'notifications-off'));
    const el = await board(adapter);
    await upvote(el, 'offline');
    part(el, 'offline', 'follow-button')!.click();
    await waitUntil(() => part(el, 'offline', 'follow-email'));
    await setValue(el, 'email', 'ann@example.com');
    part(el, 'offline', 'follow-form')!.querySelector<HTMLButtonElement>('button')!.click();
    await waitUntil(() => part(el, 'offline', 'error'), 'an error');
    expect(part(el, 'offline', 'follow-email')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });
});
