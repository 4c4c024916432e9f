import { html, nothing, type PropertyDeclarations } from 'lit';
import type { AdminApi, AdminIdea, TimedIdea } from './api.ts';
import { similarIdeas } from '@kolo/core';
import { fields, Panel, upvotes, when } from './panel.ts';

type Open = 'reject' | 'merge' | 'ban' | undefined;
type Sort = 'left' | 'new';

const hours = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });
/** An item's reply clock in words: overdue said in words (and marked), not by colour alone. */
function clock(i: TimedIdea) {
  if (i.waitingHours === undefined || i.leftHours === undefined) return nothing;
  const over = i.leftHours < 0;
  const of = `${hours(i.waitingHours)} of ${hours(i.targetHours!)} working hours`;
  return html`<p class=${over ? 'clock overdue' : 'clock'} data-left=${i.leftHours}>
    ${over ? html`<strong>Overdue:</strong> ${of}, ${hours(-i.leftHours)} over` : html`Waiting ${of}, ${hours(i.leftHours)} left`}
  </p>`;
}
const KEYS: Record<string, (q: TeamQueue) => void> = {
  j: (q) => q.move(1),
  arrowdown: (q) => q.move(1),
  k: (q) => q.move(-1),
  arrowup: (q) => q.move(-1),
  home: (q) => q.move(-Infinity),
  end: (q) => q.move(Infinity),
  a: (q) => void q.approve(),
  r: (q) => q.open('reject'),
  m: (q) => q.open('merge'),
  b: (q) => q.open('ban'),
};

/**
 * The moderation queue: every board's waiting ideas and questions, oldest first, worked through by
 * keyboard. One item is current (roving focus); J/K or the arrows move, A approves, R rejects with a
 * reason, M merges into a published idea, B bans the author; after a decision the next item is current.
 */
export class TeamQueue extends Panel {
  static override properties: PropertyDeclarations = {
    ...Panel.properties,
    items: { state: true },
    current: { state: true },
    opened: { state: true },
    targets: { state: true },
    sort: { state: true },
  };
  declare items: TimedIdea[] | undefined;
  /** the least time left first (default), or the newest first */
  declare sort: Sort;
  declare current: number;
  declare opened: Open;
  /** where the current item may be merged: its board's published ideas, similar titles first */
  declare targets: AdminIdea[];
  private similar = new Set<string>();

  constructor() {
    super();
    this.current = 0;
    this.targets = [];
    this.sort = 'left';
  }

  async load() {
    if (!this.api) return;
    try {
      this.items = await this.api.queue(this.sort);
      this.current = Math.min(this.current, Math.max(0, this.items.length - 1));
    } catch (e) {
      this.message = `The queue could not load: ${(e as Error).message}`;
      this.failed = true;
    }
  }

  private get item() {
    return this.items?.[this.current];
  }

  private async focusItem() {
    await this.updateComplete;
    (this.querySelector<HTMLElement>(`li[data-index="${this.current}"]`) ?? this.querySelector<HTMLElement>('#queue-heading'))?.focus();
  }

  move(by: number) {
    if (!this.items?.length) return;
    this.opened = undefined;
    this.current = Math.max(0, Math.min(this.items.length - 1, this.current + by));
    void this.focusItem();
  }

  async open(what: Open) {
    const item = this.item;
    if (!item || !this.api) return;
    if (what === 'ban' && !item.author) return;
    if (what === 'merge') {
      try {
        // the board's newest 1,000 ideas (a page at a time)
        const open = (await this.api.newestIdeas(item.kind, item.board, 1000)).filter((i) => i.id !== item.id && !i.mergedInto && i.status !== 'pending' && i.status !== 'rejected');
        const lang = /\p{Script=Cyrillic}/u.test(item.title) ? 'uk' : 'en';
        const alike = similarIdeas(item.title, open, Object.fromEntries(open.map((i) => [i.id, i.votes])), lang, 5) as AdminIdea[];
        this.similar = new Set(alike.map((i) => i.id));
        this.targets = [...alike, ...open.filter((i) => !this.similar.has(i.id))];
      } catch (e) {
        this.message = `Not done: ${(e as Error).message}`;
        this.failed = true;
        return;
      }
    }
    this.opened = what;
    await this.updateComplete;
    this.querySelector<HTMLElement>('.queue form [name]')?.focus();
  }

  /** Apply a decision to the current item, then move on to what is now in its place. */
  private async decide(fn: (api: AdminApi, item: AdminIdea) => Promise<unknown>, done: (item: AdminIdea) => string) {
    const item = this.item;
    if (!item || !this.api) return;
    const api = this.api;
    if (await this.attempt(() => fn(api, item), '')) {
      this.opened = undefined;
      await this.load();
      this.message = `${done(item)} ${this.items?.length ? `${this.items.length} waiting.` : 'The queue is empty.'}`;
    }
    void this.focusItem();
  }

  approve() {
    return this.decide((api, i) => api.decide(i, { status: 'review' }), (i) => `Approved “${i.title}”: it is public now.`);
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const f = fields(e.target as HTMLFormElement);
    if (this.opened === 'reject') void this.decide((api, i) => api.decide(i, { status: 'rejected', reason: f.reason! }), (i) => `Rejected “${i.title}”.`);
    else if (this.opened === 'merge') {
      const into = this.targets.find((t) => t.id === f.into);
      void this.decide((api, i) => api.merge(i, f.into!), (i) => `Merged “${i.title}” into “${into?.title}”.`);
    } else if (this.opened === 'ban') {
      const days = Number(f.days);
      const until = days ? new Date(Date.now() + days * 864e5).toISOString() : undefined;
      void this.decide(
        async (api, i) => {
          await api.ban({ type: 'voter', value: i.author, reason: f.reason || 'spam', ...(until ? { until } : {}) });
          await api.decide(i, { status: 'rejected', reason: f.reason || 'Removed by moderation.' });
        },
        (i) => `Banned the author of “${i.title}” ${days ? `for ${days} days` : 'until unbanned'} and rejected it.`,
      );
    }
  }

  private cancel() {
    this.opened = undefined;
    void this.focusItem();
  }

  private onKey(e: KeyboardEvent) {
    const inForm = (e.target as HTMLElement).closest('form');
    if (e.key === 'Escape' && this.opened) {
      e.preventDefault();
      this.cancel();
      return;
    }
    if (inForm || e.ctrlKey || e.metaKey || e.altKey) return;
    const action = KEYS[e.key.toLowerCase()];
    if (!action) return;
    e.preventDefault();
    action(this);
  }

  private form() {
    const cancel = html`<button type="button" @click=${this.cancel}>Cancel</button>`;
    const body =
      this.opened === 'reject'
        ? html`<label>Reason (the author sees it) <input name="reason" required maxlength="500" /></label><button type="submit">Reject</button>`
        : this.opened === 'merge'
          ? this.targets.length
            ? html`<label>Merge into <select name="into">${this.targets.map((t) => html`<option value=${t.id}>${t.title} (${this.similar.has(t.id) ? 'similar, ' : ''}${upvotes(t.votes)})</option>`)}</select></label><button type="submit">Merge</button>`
            : html`<p>This board has no published idea to merge into.</p>`
          : html`<label>Reason <input name="reason" maxlength="500" value="spam" /></label>
              <label>For <select name="days"><option value="1">1 day</option><option value="7">7 days</option><option value="30" selected>30 days</option><option value="0">until unbanned</option></select></label>
              <button type="submit">Ban and reject</button>`;
    return html`<form class="inline" @submit=${this.submit} aria-label=${`${this.opened} “${this.item?.title}”`}>${body} ${cancel}</form>`;
  }

  private order(e: Event) {
    this.sort = (e.target as HTMLSelectElement).value as Sort;
    this.current = 0;
    void this.load();
  }

  private row(i: TimedIdea, index: number) {
    const current = index === this.current;
    return html`<li
      data-index=${index}
      data-idea=${i.id}
      tabindex=${current ? 0 : -1}
      aria-current=${current ? 'true' : nothing}
      aria-labelledby=${`q-${i.id}`}
      @focusin=${() => {
        if (this.current !== index) this.opened = undefined;
        this.current = index;
      }}
    >
      <p class="where">${i.kind === 'questions' ? 'Question' : 'Idea'} · ${i.board} · ${when(i.createdAt)} · ${upvotes(i.votes)}</p>
      <h3 id=${`q-${i.id}`}>${i.title}</h3>
      ${clock(i)}
      ${i.details ? html`<p class="details">${i.details}</p>` : nothing}
      <p class="meta">
        ${i.category ? html`Category: ${i.category} · ` : nothing}${i.contact ? html`Contact: ${i.contact} · ` : nothing}Author id: <code>${i.author || '–'}</code>
      </p>
      <div class="actions">
        <button type="button" aria-keyshortcuts="A" @click=${() => void this.approve()}>Approve</button>
        <button type="button" aria-keyshortcuts="R" @click=${() => void this.open('reject')}>Reject…</button>
        <button type="button" aria-keyshortcuts="M" @click=${() => void this.open('merge')}>Merge…</button>
        ${i.author ? html`<button type="button" aria-keyshortcuts="B" @click=${() => void this.open('ban')}>Ban author…</button>` : nothing}
      </div>
      ${current && this.opened ? this.form() : nothing}
    </li>`;
  }

  override render() {
    const items = this.items;
    return html`<div class="bar">
        <h2 id="queue-heading" tabindex="-1">Moderation queue${items ? ` (${items.length} waiting)` : ''}</h2>
        <label
          >Order
          <select name="sort" @change=${this.order}>
            <option value="left" ?selected=${this.sort === 'left'}>Least time left first</option>
            <option value="new" ?selected=${this.sort === 'new'}>Newest first</option>
          </select></label
        >
        <button type="button" @click=${() => void this.load()}>Refresh</button>
      </div>
      <p class="keys" id="queue-keys">
        Keys on an item: <kbd>J</kbd>/<kbd>↓</kbd> next, <kbd>K</kbd>/<kbd>↑</kbd> previous, <kbd>A</kbd> approve, <kbd>R</kbd> reject with a
        reason, <kbd>M</kbd> merge into a published idea, <kbd>B</kbd> ban the author, <kbd>Esc</kbd> cancel.
      </p>
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      ${!items
        ? html`<p>Loading…</p>`
        : items.length
          ? html`<ol class="queue" aria-labelledby="queue-heading" aria-describedby="queue-keys" @keydown=${this.onKey}>${items.map((i, n) => this.row(i, n))}</ol>`
          : html`<p class="empty">Nothing waits for moderation.</p>`}`;
  }
}
customElements.define('team-queue', TeamQueue);
