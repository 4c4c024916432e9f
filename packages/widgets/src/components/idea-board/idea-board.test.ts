import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { KoloError, memoryAdapter, moderateIdea, voterId, type KoloAdapter, type SeedIdea, type WidgetRef } from '@kolo/core';
import '../../define/kolo-idea-board.ts';
import { KoloIdeaBoard } from './idea-board.ts';
import { $, $$, deepActive, hasState, ideaAdapter, mount, setValue, submitIdea, textOf } from '../../test-utils/helpers.ts';
import { widgetSuite } from '../../test-utils/widget-suite.ts';

const CATEGORIES = `<h2>Ideas for the journey planner</h2>
  <ul data-categories><li data-value="app">Mobile app</li><li data-value="web">Website</li></ul>`;
const boardOf = (attrs = '', adapter: KoloAdapter = ideaAdapter(), body = CATEGORIES) =>
  mount('kolo-idea-board', `<kolo-idea-board board-id="roadmap" ${attrs}>${body}</kolo-idea-board>`, adapter);

const titles = (el: KoloIdeaBoard) => $$(el, '[part~="idea-title"]').map((t) => t.textContent);
const idea = (el: KoloIdeaBoard, title: string) => $$(el, '[part~="idea"]').find((li) => li.querySelector('[part~="idea-title"]')!.textContent === title)!;
const choose = setValue;

widgetSuite({
  tag: 'kolo-idea-board',
  ctor: KoloIdeaBoard,
  render: (adapter) => html`<kolo-idea-board .adapter=${adapter} board-id="shared"></kolo-idea-board>`,
  attributes: [
    ['board-id', 'boardId', 'roadmap', 'roadmap'],
    ['kind', 'kind', 'question', 'question'],
    ['linkify', 'linkify', '', true],
    ['page-size', 'pageSize', '10', 10],
    ['sort', 'sort', 'new', 'new'],
    ['heading-level', 'headingLevel', '3', 3],
  ],
  labels: { en: 'Most upvoted', uk: 'Найпопулярніші' },
});

describe('<kolo-idea-board>', () => {
  it('lists ideas by upvotes with status, category and date', async () => {
    const el = await boardOf();
    expect(textOf(el, '[part~="heading"]')).to.equal('Ideas for the journey planner');
    expect(titles(el)).to.deep.equal(['Dark mode for the mobile app', 'Export my trips as CSV', 'Offline maps', 'Alerts when my bus is late', 'Send tickets by fax']);
    const dark = idea(el, 'Dark mode for the mobile app');
    expect(dark.querySelector('[part~="status"]')!.textContent).to.equal('Under review');
    expect(dark.querySelector('[part~="category"]')!.textContent).to.equal('Mobile app');
    expect(dark.querySelector('time')!.getAttribute('datetime')).to.equal('2026-10-01T09:00:00Z');
    expect(dark.querySelector('[part~="upvote-button"]')!.getAttribute('aria-label')).to.equal('Upvote “Dark mode for the mobile app”, 42 upvotes');
    expect(textOf(el, '[part~="count"]')).to.equal('Showing 5 of 5');
    await expect(el).to.be.accessible();
  });

  it('sorts by date, filters by status and category, and searches', async () => {
    const el = await boardOf();
    await choose(el, 'sort', 'new');
    expect(titles(el)[0]).to.equal('Alerts when my bus is late');
    expect(el.getAttribute('sort')).to.equal('new');
    await choose(el, 'status', 'planned');
    expect(titles(el)).to.deep.equal(['Offline maps']);
    await choose(el, 'status', '');
    await choose(el, 'category', 'app');
    expect(titles(el)).to.deep.equal(['Offline maps', 'Dark mode for the mobile app']);
    await choose(el, 'category', '');
    await choose(el, 'search', 'eyes night');
    expect(titles(el)).to.deep.equal(['Dark mode for the mobile app']);
    await choose(el, 'search', 'teleporter');
    expect(titles(el)).to.deep.equal([]);
    expect(textOf(el, '[part~="count"]')).to.equal('Nothing matches. Try other words or filters.');
    expect(hasState(el, 'empty')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('upvotes once, removably, at once, and the count stays', async () => {
    const adapter = ideaAdapter();
    const el = await boardOf('', adapter);
    const button = () => idea(el, 'Offline maps').querySelector<HTMLButtonElement>('[part~="upvote-button"]')!;
    setTimeout(() => button().click());
    const ev = await oneEvent(el, 'kolo-upvote');
    expect(ev.detail).to.deep.equal({ id: 'roadmap', idea: 'offline', on: true });
    await el.updateComplete;
    // optimistic: the count moved before the adapter answered
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    expect(button().textContent!.trim()).to.contain('18');
    await waitUntil(() => !hasState(el, 'pending'));
    expect((await adapter.load({ kind: 'ideas', id: 'roadmap' }, 'anyone')).counts.offline).to.equal(18);
    button().click();
    await waitUntil(() => !hasState(el, 'pending') && button().getAttribute('aria-pressed') === 'false');
    expect((await adapter.load({ kind: 'ideas', id: 'roadmap' }, 'anyone')).counts.offline).to.equal(17);
  });

  it('rolls an upvote back when the adapter refuses it, and says why', async () => {
    const base = ideaAdapter();
    const adapter: KoloAdapter = { ...base, send: () => Promise.reject(new KoloError('network')) };
    const el = await boardOf('', adapter);
    const button = () => idea(el, 'Offline maps').querySelector<HTMLButtonElement>('[part~="upvote-button"]')!;
    button().click();
    await waitUntil(() => $(el, '[role="alert"]'), 'an error');
    expect(textOf(el, '[role="alert"]')).to.contain('the connection failed');
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(button().textContent).to.contain('17');
    await expect(el).to.be.accessible();
  });

  it('keeps an upvoted idea where it was, so focus does not jump, until the order is asked for again', async () => {
    // one upvote ties "Alerts" (16) with "Offline maps" (17), and on a tie the newer idea ("Alerts") comes first
    const counts = { dark: 42, export: 30, offline: 17, alerts: 16, fax: 2 };
    const el = await boardOf('', ideaAdapter('roadmap', 'ideas', undefined, counts));
    const before = ['Dark mode for the mobile app', 'Export my trips as CSV', 'Offline maps', 'Alerts when my bus is late', 'Send tickets by fax'];
    expect(titles(el)).to.deep.equal(before);
    const alerts = idea(el, 'Alerts when my bus is late').querySelector<HTMLButtonElement>('[part~="upvote-button"]')!;
    alerts.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !hasState(el, 'pending'));
    expect(idea(el, 'Alerts when my bus is late').querySelector('[part~="upvote-button"]')!.getAttribute('aria-label')).to.contain('17 upvotes');
    expect(titles(el)).to.deep.equal(before);
    expect(deepActive()).to.equal(idea(el, 'Alerts when my bus is late').querySelector('[part~="upvote-button"]'));
    expect(deepActive()!.getAttribute('aria-pressed')).to.equal('true');
    // asking for the order again (another sort, then back) sorts by the new counts
    await choose(el, 'sort', 'new');
    await choose(el, 'sort', 'top');
    expect(titles(el)).to.deep.equal(['Dark mode for the mobile app', 'Export my trips as CSV', 'Alerts when my bus is late', 'Offline maps', 'Send tickets by fax']);
  });

  it('shows "you asked, we did" with the answer and the announcement, and why an idea was declined', async () => {
    const el = await boardOf('campaign="spring"');
    const done = idea(el, 'Export my trips as CSV');
    expect(done.querySelector('[part~="answer"]')!.textContent).to.contain('You asked, we did');
    expect(done.querySelector('[part~="answer"]')!.textContent).to.contain('Shipped in version 3.2: Settings → Export.');
    const link = done.querySelector<HTMLAnchorElement>('[part~="announcement"]')!;
    expect(link.textContent).to.equal('Read the announcement');
    expect(new URL(link.href).searchParams.get('utm_campaign')).to.equal('spring');
    // finished ideas can't be upvoted any more, but their count is still said
    expect(done.querySelector('[part~="upvote-button"]')).to.equal(null);
    expect(done.querySelector('[part~="upvotes"] .sr-only')!.textContent).to.equal('30 upvotes');
    expect(idea(el, 'Send tickets by fax').querySelector('[part~="reason"]')!.textContent).to.equal('Why: Almost nobody has a fax machine any more.');
  });

  it('shows an idea waiting for moderation only to its author', async () => {
    const adapter = ideaAdapter();
    const board = { kind: 'ideas', id: 'roadmap' } as const;
    await submitIdea(adapter, 'someone-else', board, 'Their waiting idea', true);
    await submitIdea(adapter, voterId(), board, 'My waiting idea', true);
    const el = await boardOf('', adapter);
    expect(titles(el)[0]).to.equal('My waiting idea');
    expect(titles(el)).not.to.include('Their waiting idea');
    const mine = idea(el, 'My waiting idea');
    expect(mine.getAttribute('part')).to.equal('idea idea-own');
    expect(mine.querySelector('[part~="status"]')!.textContent).to.equal('Waiting for moderation');
    expect(mine.querySelector('[part~="note"]')!.textContent).to.equal('Only you can see this until a moderator approves it.');
    await expect(el).to.be.accessible();
  });

  it('follows moderation live: an idea marked done shows its answer', async () => {
    const adapter = ideaAdapter();
    const el = await boardOf('', adapter);
    setTimeout(() => moderateIdea(adapter, { id: 'roadmap' }, 'alerts', { status: 'done', answer: 'Live in the app now.', link: '/news/alerts' }));
    const ev = await oneEvent(el, 'kolo-change');
    expect(ev.detail.source).to.equal('live');
    await el.updateComplete;
    const alerts = idea(el, 'Alerts when my bus is late');
    expect(alerts.querySelector('[part~="status"]')!.textContent).to.equal('Done');
    expect(alerts.querySelector('[part~="answer"]')!.textContent).to.contain('Live in the app now.');
  });

  it('renders people’s text as text, wraps long words, and links only when asked, safely', async () => {
    const evil: SeedIdea[] = [
      {
        id: 'x',
        title: '<img src=x onerror="window.hacked=1">' + 'W'.repeat(300),
        details: 'See https://example.org/a?b=1, or javascript:alert(1) <b>bold</b>',
        status: 'review',
        createdAt: '2026-10-01T00:00:00Z',
      },
    ];
    const plain = await boardOf('', ideaAdapter('roadmap', 'ideas', evil, {}));
    expect($$(plain, '[part~="idea"] img')).to.have.length(0);
    expect($$(plain, '[part~="details"] a, [part~="details"] b')).to.have.length(0);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
    const title = $(plain, '[part~="idea-title"]')!;
    expect(title.scrollWidth).to.be.at.most(plain.getBoundingClientRect().width);

    const linked = await boardOf('linkify', ideaAdapter('roadmap', 'ideas', evil, {}));
    const links = $$<HTMLAnchorElement>(linked, '[part~="details"] a');
    expect(links.map((a) => a.href)).to.deep.equal(['https://example.org/a?b=1']);
    expect(links[0]!.rel).to.equal('nofollow ugc noopener noreferrer');
    expect(textOf(linked, '[part~="details"]')).to.contain('javascript:alert(1) <b>bold</b>');
  });

  it('shows long details as an excerpt with a labelled "Read more" toggle', async () => {
    const long: SeedIdea[] = [{ id: 'l', title: 'A long one', details: 'word '.repeat(100).trim(), status: 'review', createdAt: '2026-10-01T00:00:00Z' }];
    const el = await boardOf('', ideaAdapter('roadmap', 'ideas', long, {}));
    const details = () => textOf(el, '[part~="details"]');
    expect(details().endsWith('…')).to.equal(true);
    expect(details().length).to.be.below(250);
    const more = $<HTMLButtonElement>(el, '[part~="more-button"]')!;
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    more.click();
    await el.updateComplete;
    expect(details().length).to.equal(499);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(more.textContent!.trim()).to.equal('Show less');
  });

  it('stays responsive with 5,000 ideas: one page at a time, "show more" moves focus to the new ones', async () => {
    const many: SeedIdea[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `i${i}`,
      title: `Idea ${i} about ${['maps', 'tickets', 'buses', 'trains', 'bikes'][i % 5]}`,
      details: 'Some details that make the search work a little harder than titles alone.',
      status: 'review',
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }));
    const counts = Object.fromEntries(many.map((m, i) => [m.id, i % 100]));
    const t0 = performance.now();
    const el = await boardOf('page-size="20"', ideaAdapter('roadmap', 'ideas', many, counts), '');
    const loaded = performance.now() - t0;
    expect($$(el, '[part~="idea"]')).to.have.length(20);
    expect(textOf(el, '[part~="count"]')).to.equal('Showing 20 of 5,000');
    $<HTMLButtonElement>(el, '[part~="show-more"]')!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect($$(el, '[part~="idea"]')).to.have.length(40);
    expect(deepActive()).to.equal($$(el, '[part~="idea"]')[20]);
    const t1 = performance.now();
    await choose(el, 'search', 'bikes');
    await choose(el, 'search', 'bikes 4999');
    const searched = performance.now() - t1;
    expect(titles(el)).to.deep.equal(['Idea 4999 about bikes']);
    console.log(`5,000 ideas: first render ${loaded.toFixed(0)} ms, two searches ${searched.toFixed(0)} ms`);
  });

  it('shows AMA questions as open and answered, in Ukrainian and right to left', async () => {
    const adapter = memoryAdapter();
    const board: WidgetRef = { kind: 'questions', id: 'friday' };
    await submitIdea(adapter, 'a', board, 'Коли з’явиться нічний автобус?');
    await submitIdea(adapter, 'b', board, 'Чи буде знижка для студентів?');
    const answered = (await adapter.load(board, 'a')).ideas![0]!.id;
    await moderateIdea(adapter, { id: 'friday', kind: 'question' }, answered, { status: 'done', answer: 'З грудня.' });
    const el = await mount('kolo-idea-board', `<kolo-idea-board board-id="friday" kind="question" lang="uk" dir="rtl"></kolo-idea-board>`, adapter);
    expect(textOf(el, '[part~="heading"]')).to.equal('Запитання');
    const statuses = $$(el, '[part~="status"]').map((s) => s.textContent);
    expect(statuses).to.have.members(['Є відповідь', 'Відкрите']);
    expect(textOf(el, '[part~="answer"]')).to.contain('Відповідь');
    expect(textOf(el, '[part~="answer"]')).to.contain('З грудня.');
    await expect(el).to.be.accessible();
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('says so when there are no ideas yet', async () => {
    const el = await boardOf('', memoryAdapter());
    expect(textOf(el, '[part~="count"]')).to.equal('Nothing here yet.');
    expect(hasState(el, 'empty')).to.equal(true);
  });

  it('shows a clear error for invalid content', async () => {
    const el = await mount('kolo-idea-board', `<kolo-idea-board board-id="no spaces allowed"></kolo-idea-board>`, memoryAdapter());
    expect(hasState(el, 'invalid')).to.equal(true);
    expect(textOf(el, '[role="alert"]')).to.contain('id: may hold only letters');
  });
});
