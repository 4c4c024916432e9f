import { html, nothing, type PropertyDeclarations } from 'lit';
import type { IdeaStatus, KoloAdapter } from '@kolo/core';
import { httpAdapter, type HttpAdapter } from '@kolo/core/http';
import type { AdminIdea, AdminWidget } from './api.ts';
import { count, fields, Panel, when } from './panel.ts';

export const STATUSES: [IdeaStatus, string][] = [
  ['pending', 'Waiting for moderation'],
  ['review', 'Published: under review / open'],
  ['planned', 'Planned'],
  ['progress', 'In progress'],
  ['done', 'Done / answered'],
  ['declined', 'Declined'],
  ['rejected', 'Rejected by moderation'],
];
const label = (s: IdeaStatus) => STATUSES.find(([v]) => v === s)?.[1] ?? s;

/**
 * The public board's adapter in the console: the HTTP adapter of the server signed in to, without
 * `track`, so the team looking at its own board sends no signals (no views counted in the metrics).
 */
function previewAdapter(endpoint: string): { endpoint: string; adapter: KoloAdapter; close(): void } {
  const { track: _, ...adapter }: HttpAdapter = httpAdapter({ endpoint });
  return { endpoint, adapter, close: adapter.close };
}

/**
 * Ideas and questions: a board's ideas with their status, upvotes and response times; the team sets a
 * status, writes the public answer and the announcement link, and sees the public board update below
 * (read from the server signed in to; the team's views of it are not counted). One page of ideas at a
 * time, "Show more" adds the next.
 */
export class TeamBoards extends Panel {
  static override properties: PropertyDeclarations = {
    ...Panel.properties,
    boards: { state: true },
    board: { state: true },
    ideas: { state: true },
    next: { state: true },
    filter: { state: true },
    editing: { state: true },
  };
  declare boards: AdminWidget[];
  /** `kind:id` of the board shown */
  declare board: string;
  /** the pages shown so far, newest first */
  declare ideas: AdminIdea[] | undefined;
  /** the cursor of the next page (none: every idea is shown) */
  declare next: string | undefined;
  /** the status the server lists ('' every one) */
  declare filter: string;
  declare editing: string | undefined;
  /** the public board's adapter, for the server signed in to */
  private preview: ReturnType<typeof previewAdapter> | undefined;

  constructor() {
    super();
    this.boards = [];
    this.board = '';
    this.filter = '';
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.preview?.close();
    this.preview = undefined;
  }

  /** One adapter per server signed in to, kept while the tab is shown (a new one would load the board again). */
  private boardAdapter(endpoint: string): KoloAdapter {
    if (this.preview?.endpoint !== endpoint) {
      this.preview?.close();
      this.preview = previewAdapter(endpoint);
    }
    return this.preview.adapter;
  }

  async load() {
    if (!this.api) return;
    try {
      this.boards = (await this.api.widgets()).filter((w) => w.ideas !== undefined);
      if (!this.boards.some((b) => `${b.kind}:${b.id}` === this.board)) this.board = this.boards[0] ? `${this.boards[0].kind}:${this.boards[0].id}` : '';
      const [kind, id] = this.split();
      const page = id ? await this.api.ideas(kind, id, { status: this.filter }) : { ideas: [] };
      [this.ideas, this.next] = [page.ideas, page.next];
    } catch (e) {
      this.message = `The ideas could not load: ${(e as Error).message}`;
      this.failed = true;
    }
  }

  /** The next page, after the ones shown; focus goes to its first idea. */
  private async more() {
    const [kind, id] = this.split();
    if (!this.api || !this.next) return;
    try {
      const page = await this.api.ideas(kind, id, { status: this.filter, cursor: this.next });
      const first = page.ideas[0];
      [this.ideas, this.next] = [[...(this.ideas ?? []), ...page.ideas], page.next];
      await this.updateComplete;
      if (first) this.querySelector<HTMLElement>(`tr[data-idea="${CSS.escape(first.id)}"] th`)?.focus();
    } catch (e) {
      this.message = `The ideas could not load: ${(e as Error).message}`;
      this.failed = true;
    }
  }

  private split(): [string, string] {
    const i = this.board.indexOf(':');
    return [this.board.slice(0, i), this.board.slice(i + 1)];
  }

  private async edit(id: string) {
    this.editing = id;
    this.message = '';
    await this.updateComplete;
    this.querySelector<HTMLElement>('form.respond select')?.focus();
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const idea = this.ideas?.find((i) => i.id === this.editing);
    if (!idea || !this.api) return;
    const f = fields(e.target as HTMLFormElement);
    const api = this.api;
    const ok = await this.attempt(
      () => api.decide(idea, { status: f.status as IdeaStatus, answer: f.answer ?? '', link: f.link ?? '', reason: f.reason ?? '' }),
      `Saved “${idea.title}”: ${label(f.status as IdeaStatus).toLowerCase()}. The public board shows it now.`,
    );
    if (!ok) return;
    this.editing = undefined;
    await this.load();
    await this.updateComplete;
    this.querySelector<HTMLElement>(`tr[data-idea="${idea.id}"] button`)?.focus();
  }

  private respondForm(i: AdminIdea) {
    return html`<form class="respond" aria-labelledby="respond-heading" @submit=${this.save}>
      <h3 id="respond-heading">Respond to “${i.title}”</h3>
      <label>Status <select name="status">${STATUSES.map(([v, l]) => html`<option value=${v} ?selected=${v === i.status}>${l}</option>`)}</select></label>
      <label>Public answer ("you asked, we did") <textarea name="answer" rows="4" maxlength="2000" .value=${i.answer ?? ''}></textarea></label>
      <label>Announcement link <input name="link" type="url" placeholder="https://example.org/news/…" .value=${i.link ?? ''} /></label>
      <label>Reason (declined or rejected) <input name="reason" maxlength="500" .value=${i.reason ?? ''} /></label>
      <div class="actions">
        <button type="submit">Save</button>
        <button type="button" @click=${() => (this.editing = undefined)}>Cancel</button>
      </div>
    </form>`;
  }

  override render() {
    const [kind, id] = this.split();
    const shown = this.ideas ?? [];
    const total = this.boards.find((b) => `${b.kind}:${b.id}` === this.board)?.ideas;
    const editing = this.ideas?.find((i) => i.id === this.editing);
    return html`<div class="bar">
        <h2 id="boards-heading">Ideas and questions</h2>
        <label
          >Board
          <select
            @change=${(e: Event) => {
              this.board = (e.target as HTMLSelectElement).value;
              this.editing = undefined;
              void this.load();
            }}
          >
            ${this.boards.map(
              (b) => html`<option value=${`${b.kind}:${b.id}`} ?selected=${`${b.kind}:${b.id}` === this.board}>${b.kind === 'questions' ? 'Questions' : 'Ideas'}: ${b.id} (${b.ideas}${b.pending ? `, ${b.pending} waiting` : ''})</option>`,
            )}
          </select></label
        >
        <label
          >Status
          <select
            @change=${(e: Event) => {
              this.filter = (e.target as HTMLSelectElement).value;
              void this.load();
            }}
          >
            <option value="">Every status</option>
            ${STATUSES.map(([v, l]) => html`<option value=${v} ?selected=${v === this.filter}>${l}</option>`)}
          </select></label
        >
      </div>
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      ${!this.boards.length
        ? html`<p class="empty">No board has ideas or questions yet.</p>`
        : html`<table class="ideas">
            <caption>
              ${count(shown.length)}${this.next ? '+' : ''} ${this.filter ? `${label(this.filter as IdeaStatus).toLowerCase()} ` : ''}of ${count(total ?? shown.length)} on ${id}, newest first
            </caption>
            <thead>
              <tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Upvotes</th><th scope="col">Submitted</th><th scope="col">First response</th><th scope="col"><span class="sr-only">Respond</span></th></tr>
            </thead>
            <tbody>
              ${shown.map(
                (i) => html`<tr data-idea=${i.id}>
                  <th scope="row" tabindex="-1">${i.title}${i.mergedInto ? html` <small>(merged)</small>` : nothing}</th>
                  <td data-label="Status">${label(i.status)}</td>
                  <td data-label="Upvotes">${count(i.votes)}</td>
                  <td data-label="Submitted">${when(i.createdAt)}</td>
                  <td data-label="First response">${when(i.firstResponseAt)}</td>
                  <td>${i.mergedInto ? nothing : html`<button type="button" aria-label=${`Respond to “${i.title}”`} @click=${() => void this.edit(i.id)}>Respond</button>`}</td>
                </tr>`,
              )}
            </tbody>
          </table>
          ${this.next ? html`<p class="more"><button type="button" @click=${() => void this.more()}>Show more</button></p>` : nothing}`}
      ${editing ? this.respondForm(editing) : nothing}
      ${id && this.api
        ? html`<h3>The public board, as people see it</h3>
            <kolo-idea-board
              board-id=${id}
              kind=${kind === 'questions' ? 'question' : 'idea'}
              heading-level="4"
              linkify
              .adapter=${this.boardAdapter(this.api.endpoint)}
            ></kolo-idea-board>`
        : nothing}`;
  }
}
customElements.define('team-boards', TeamBoards);
