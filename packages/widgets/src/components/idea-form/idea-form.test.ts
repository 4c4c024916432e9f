import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { memoryAdapter, moderateIdea, voterId, type KoloAdapter } from '@kolo/core';
import '../../define/kolo-idea-form.ts';
import '../../define/kolo-idea-board.ts';
import { KoloIdeaForm } from './idea-form.ts';
import { $, $$, deepActive, hasState, ideaAdapter, mount, setValue, submitIdea, textOf, waitForState } from '../../test-utils/helpers.ts';
import { widgetSuite } from '../../test-utils/widget-suite.ts';

const FORM = `<h2>Help us improve the journey planner</h2>
  <p>Tell us what would make it better.</p>
  <ul data-categories><li data-value="app">Mobile app</li><li data-value="web">Website</li></ul>
  <a data-next-step href="https://example.org/ideas">See all ideas</a>`;

const formOf = (attrs = '', adapter: KoloAdapter = ideaAdapter()) =>
  mount('kolo-idea-form', `<kolo-idea-form board-id="roadmap" min-fill-seconds="0" ${attrs}>${FORM}</kolo-idea-form>`, adapter);

const field = (el: KoloIdeaForm, name: string) => $<HTMLInputElement>(el, `[name="${name}"]`)!;
const type = setValue;
const submit = async (el: KoloIdeaForm) => {
  $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
  await el.updateComplete;
};

widgetSuite({
  tag: 'kolo-idea-form',
  ctor: KoloIdeaForm,
  render: (adapter) => html`<kolo-idea-form .adapter=${adapter} board-id="shared"></kolo-idea-form>`,
  attributes: [
    ['board-id', 'boardId', 'roadmap', 'roadmap'],
    ['kind', 'kind', 'question', 'question'],
    ['moderated', 'moderated', '', true],
    ['max-per-day', 'maxPerDay', '3', 3],
    ['min-fill-seconds', 'minFillSeconds', '10', 10],
    ['heading-level', 'headingLevel', '3', 3],
  ],
  labels: { en: 'Suggest an idea', uk: 'Запропонуйте ідею' },
});

describe('<kolo-idea-form>', () => {
  it('renders the authored heading, labelled fields and categories, and says what submitting does', async () => {
    const el = await formOf();
    expect(textOf(el, '[part~="heading"]')).to.equal('Help us improve the journey planner');
    expect($(el, 'form')!.getAttribute('aria-labelledby')).to.equal('heading');
    for (const name of ['title', 'details', 'category', 'contact']) {
      expect($(el, `label[for="${name}"]`), name).to.exist;
    }
    expect($$<HTMLOptionElement>(el, 'option').map((o) => o.textContent)).to.deep.equal(['No category', 'Mobile app', 'Website']);
    expect(field(el, 'contact').type).to.equal('email');
    expect(textOf(el, '[part~="submit-button"]')).to.equal('Publish');
    expect(textOf(el, '#submit-hint')).to.equal('It appears on the board right away.');
    await expect(el).to.be.accessible();
  });

  it('a moderated board says the idea will be reviewed first', async () => {
    const el = await formOf('moderated');
    expect(textOf(el, '[part~="submit-button"]')).to.equal('Send for review');
    expect(textOf(el, '#submit-hint')).to.equal('A moderator checks it before it appears.');
  });

  it('shows inline messages tied to their fields and moves focus to the first wrong one', async () => {
    const el = await formOf();
    await type(el, 'contact', 'not-an-email');
    // a field shows its problem once the person leaves it
    expect(field(el, 'contact').getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(el, '#contact-error')).to.equal('Enter an email address such as name@example.com.');
    expect(field(el, 'contact').getAttribute('aria-describedby')).to.equal('contact-hint contact-error');
    expect($$(el, '#title-error')).to.have.length(0);
    await submit(el);
    await el.updateComplete;
    expect(textOf(el, '#title-error')).to.equal('Please fill this in.');
    expect(textOf(el, '[role="alert"]')).to.equal('Please correct the marked fields.');
    expect(deepActive()).to.equal(field(el, 'title'));
    await expect(el).to.be.accessible();
    await type(el, 'title', 'Hi');
    expect(textOf(el, '#title-error')).to.equal('Too short: write at least 8 characters.');
    await type(el, 'title', 'x'.repeat(141));
    expect(textOf(el, '#title-error')).to.equal('Too long: at most 140 characters.');
    await type(el, 'title', 'A reasonable idea title');
    await type(el, 'contact', 'me@example.com');
    expect($$(el, '[part~="field-error"]')).to.have.length(0);
    expect(field(el, 'title').getAttribute('aria-invalid')).to.equal('false');
  });

  it('offers similar ideas while typing, to upvote instead', async () => {
    const adapter = ideaAdapter();
    const el = await formOf('', adapter);
    await type(el, 'title', 'dar');
    expect($$(el, '[part~="similar-idea"]')).to.have.length(0);
    await type(el, 'title', 'Dark theme in the app');
    const items = $$(el, '[part~="similar-idea"]');
    expect(items.map((i) => i.querySelector('.title')!.textContent)).to.deep.equal(['Dark mode for the mobile app']);
    expect(textOf(el, '[part~="similar"] p')).to.equal('Similar ideas are already here:');
    const button = $<HTMLButtonElement>(el, '[part~="upvote-button"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Upvote this instead: Dark mode for the mobile app');
    setTimeout(() => button.click());
    const ev = await oneEvent(el, 'kolo-upvote');
    expect(ev.detail).to.deep.equal({ id: 'roadmap', idea: 'dark', on: true });
    await waitUntil(() => !hasState(el, 'pending') && $(el, '[part~="upvote-button"]')!.getAttribute('aria-pressed') === 'true');
    expect(textOf(el, '[part~="similar-idea"]')).to.contain('43 upvotes');
    expect((await adapter.load({ kind: 'ideas', id: 'roadmap' }, voterId())).counts.dark).to.equal(43);
    await expect(el).to.be.accessible();
    // done ideas are suggested too, without an upvote button
    await type(el, 'title', 'export trips');
    expect(textOf(el, '[part~="similar-idea"]')).to.contain('Done');
    expect($$(el, '[part~="similar-idea"] button')).to.have.length(0);
  });

  it('submits, thanks, says the idea is published, offers the next step, and the board shows it live', async () => {
    const adapter = ideaAdapter('live');
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<kolo-idea-form board-id="live" min-fill-seconds="0">${FORM}</kolo-idea-form><kolo-idea-board board-id="live"></kolo-idea-board>`;
    const [form, board] = [wrapper.firstElementChild as KoloIdeaForm, wrapper.lastElementChild as HTMLElement & { adapter: KoloAdapter }];
    form.adapter = adapter;
    board.adapter = adapter;
    document.body.append(wrapper);
    try {
      await waitForState(form, 'ready');
      await waitForState(board, 'ready');
      await type(form, 'title', 'Bike racks at every station');
      await type(form, 'details', 'At least at the big ones.');
      await type(form, 'category', 'web');
      await type(form, 'contact', 'me@example.com');
      setTimeout(() => submit(form));
      const before = await oneEvent(form, 'kolo-submit');
      expect(before.detail.idea).to.deep.equal({ title: 'Bike racks at every station', details: 'At least at the big ones.', category: 'web', contact: 'me@example.com' });
      const after = await oneEvent(form, 'kolo-submitted');
      expect(after.detail.idea).to.include({ title: 'Bike racks at every station', status: 'review', own: true });
      await waitForState(form, 'sent');
      expect(textOf(form, '[part~="heading"]')).to.equal('Thank you!');
      expect(textOf(form)).to.contain('It is published: others can see and upvote it now.');
      expect(deepActive()).to.equal($(form, '[part~="heading"]'));
      const next = $<HTMLAnchorElement>(form, '[part~="next-step"]')!;
      expect(next.textContent).to.equal('See all ideas');
      expect(new URL(next.href).searchParams.get('utm_content')).to.equal('live');
      await expect(form).to.be.accessible();
      await waitUntil(() => textOf(board).includes('Bike racks at every station'), 'the board shows the new idea');
      // the contact is never shown on the board
      expect(textOf(board)).not.to.contain('me@example.com');
      $<HTMLButtonElement>(form, '[part~="another-button"]')!.click();
      await form.updateComplete;
      await form.updateComplete;
      expect(field(form, 'title').value).to.equal('');
      expect(deepActive()).to.equal(field(form, 'title'));
    } finally {
      wrapper.remove();
    }
  });

  it('on a moderated board the idea waits, visible only to its author', async () => {
    const adapter = ideaAdapter('mod');
    const el = await mount('kolo-idea-form', `<kolo-idea-form board-id="mod" moderated min-fill-seconds="0"></kolo-idea-form>`, adapter);
    await type(el, 'title', 'Quiet carriages on trains');
    await submit(el);
    await waitForState(el, 'sent');
    expect(textOf(el)).to.contain('It will appear after a moderator reviews it.');
    const others = await adapter.load({ kind: 'ideas', id: 'mod' }, 'someone-else');
    expect(others.ideas!.map((i) => i.title)).not.to.include('Quiet carriages on trains');
    const mine = await adapter.load({ kind: 'ideas', id: 'mod' }, voterId());
    expect(mine.ideas!.find((i) => i.title === 'Quiet carriages on trains')!.status).to.equal('pending');
  });

  it('refuses a filled honeypot and a too-fast form, keeping what was written', async () => {
    const el = await formOf();
    await type(el, 'title', 'A perfectly normal idea');
    field(el, 'website').value = 'http://spam.example';
    await submit(el);
    await waitUntil(() => textOf(el, '[role="alert"]').includes('automated'), 'refused as automated');
    expect(field(el, 'title').value).to.equal('A perfectly normal idea');
    expect(hasState(el, 'sent')).to.equal(false);

    const slow = await mount('kolo-idea-form', `<kolo-idea-form board-id="slow" min-fill-seconds="60"></kolo-idea-form>`, memoryAdapter());
    await type(slow, 'title', 'Typed faster than a person');
    await submit(slow);
    await waitUntil(() => textOf(slow, '[role="alert"]').includes('very quickly'), 'refused as too fast');
    expect(deepActive()).to.equal($(slow, '[part~="submit-button"]'));
  });

  it('keeps the honeypot out of sight and out of the tab order', async () => {
    const el = await formOf();
    const hp = field(el, 'website');
    expect(hp.tabIndex).to.equal(-1);
    expect(hp.closest('[aria-hidden="true"]')).to.exist;
    // what shows of it is what its box, clipping it, shows: a pixel at most
    const box = hp.closest('[aria-hidden="true"]')!;
    const { width, height } = box.getBoundingClientRect();
    expect(width * height).to.be.at.most(1);
    expect(getComputedStyle(box).overflow).to.equal('hidden');
  });

  it('sends nothing when kolo-submit is cancelled', async () => {
    const adapter = memoryAdapter();
    const el = await formOf('', adapter);
    el.addEventListener('kolo-submit', (e) => e.preventDefault());
    await type(el, 'title', 'Cancelled before sending');
    await submit(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(hasState(el, 'sent')).to.equal(false);
    expect((await adapter.load({ kind: 'ideas', id: 'roadmap' }, voterId())).ideas ?? []).to.have.length(0);
  });

  it('is operable with the keyboard alone: type, Tab through, Enter sends', async () => {
    const el = await formOf('', memoryAdapter());
    field(el, 'title').focus();
    await sendKeys({ type: 'Step-free access maps' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(field(el, 'details'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(field(el, 'category'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(field(el, 'contact'));
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'sent');
  });

  it('asks questions in kind="question" mode, in Ukrainian and right to left', async () => {
    const el = await mount('kolo-idea-form', `<kolo-idea-form board-id="ama" kind="question" lang="uk" dir="rtl" min-fill-seconds="0"></kolo-idea-form>`, memoryAdapter());
    expect(textOf(el, '[part~="heading"]')).to.equal('Поставте запитання');
    expect(textOf(el, 'label[for="title"]')).to.equal('Ваше запитання');
    await submit(el);
    expect(textOf(el, '#title-error')).to.equal('Заповніть це поле.');
    await expect(el).to.be.accessible();
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows the moderator’s decision to the author live (pending → published)', async () => {
    const adapter = memoryAdapter();
    const board = { kind: 'ideas', id: 'live-mod' } as const;
    await submitIdea(adapter, voterId(), board, 'Moderate me later', true);
    const el = await mount('kolo-idea-form', `<kolo-idea-form board-id="live-mod" min-fill-seconds="0"></kolo-idea-form>`, adapter);
    await type(el, 'title', 'Moderate me');
    expect(textOf(el, '[part~="similar-idea"]')).to.contain('Waiting for moderation');
    const id = (await adapter.load(board, voterId())).ideas![0]!.id;
    await moderateIdea(adapter, { id: 'live-mod' }, id, { status: 'planned' });
    await waitUntil(() => textOf(el, '[part~="similar-idea"]').includes('Planned'), 'live status');
  });

  it('reports interact and submit signals, with nothing of what was written', async () => {
    const adapter = memoryAdapter();
    const el = await formOf('', adapter);
    await type(el, 'title', 'Signals carry no personal data');
    await type(el, 'contact', 'me@example.com');
    await submit(el);
    await waitForState(el, 'sent');
    const types = adapter.signals.map((s) => s.type);
    expect(types).to.include.members(['interact', 'submit']);
    expect(adapter.signals.every((s) => s.widget.kind === 'ideas' && s.widget.id === 'roadmap')).to.equal(true);
    expect(JSON.stringify(adapter.signals)).not.to.match(/example\.com|personal data/);
  });

  it('keeps what was written when the content changes, and starts afresh for another board', async () => {
    const el = await formOf();
    await type(el, 'title', 'Keep me while labels change');
    el.querySelector('[data-value="app"]')!.textContent = 'App';
    await waitUntil(() => $$(el, 'option').some((o) => o.textContent === 'App'), 'relabelled');
    expect(field(el, 'title').value).to.equal('Keep me while labels change');
    el.setAttribute('board-id', 'another');
    await waitUntil(() => field(el, 'title').value === '', 'a fresh form');
  });

  it('shows a clear error for invalid content', async () => {
    const el = await mount('kolo-idea-form', `<kolo-idea-form board-id="x" kind="poll"></kolo-idea-form>`, memoryAdapter());
    expect(hasState(el, 'invalid')).to.equal(true);
    expect(textOf(el, '[role="alert"]')).to.contain('kind: must be idea or question');
    await expect(el).to.be.accessible();
  });
});
