import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import {
  boardList,
  boardPages,
  ideaBoardMessages,
  ideasMessages,
  ideaWidget,
  parseIdeaBoard,
  readIdeaBoard,
  type Idea,
  type IdeaBoardConfig,
  type IdeaSort,
  type IdeaStatus,
  type WidgetKind,
} from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { focusAfterRender } from '../../base/focus.ts';
import { KoloIdeaElement } from '../../ideas/idea-element.ts';
import { IdeaController } from '../../ideas/idea-controller.ts';
import { ideaError } from '../../ideas/idea-parts.ts';
import { heading, levelBelow } from '../../base/heading.ts';
import { errorText, loadError, nextStepLink } from '../../base/parts.ts';
import { tokens } from '../../styles/tokens.ts';
import { ideaStyles } from '../../ideas/idea.styles.ts';
import { headingStyles } from '../../styles/heading.ts';
import { ideaBoardStyles } from './idea-board.styles.ts';
import { boardToolbar } from './board-toolbar.ts';
import { ideaItem, type ItemContext } from './idea-item.ts';
import type { IdeaFollow } from './idea-follow.ts';

/**
 * The public idea board (or, with `kind="question"`, the questions of an AMA): ideas with their
 * upvotes, status and category; sorted by upvotes or date, filtered by status and category, searched
 * by words; shown a page at a time (on an adapter that pages, such as a server's, sorting, filters,
 * search and "show more" ask it for the ideas). One removable upvote per person per idea, applied at
 * once and rolled back if refused. Done ideas show the team's answer and announcement ("you asked, we did"),
 * declined ones the reason; ideas waiting for moderation are shown only to their author.
 *
 * Text people wrote is always shown as text; with `linkify`, web addresses in details become links
 * with `rel="nofollow ugc noopener noreferrer"`.
 *
 * Author it like `<kolo-idea-form>` (same `board-id`, heading, description, categories) or set `.config`.
 * Give each board on a page its own heading: the board is a region and its toolbar a search landmark,
 * both named by the heading, and two boards under one heading (two default "Ideas") would be landmarks
 * of the same name, which a screen reader cannot tell apart.
 *
 * @summary Public idea board or AMA with upvotes, statuses, search and "you asked, we did".
 * @tag kolo-idea-board
 *
 * @event kolo-upvote - Before an upvote (or its removal) is sent; cancelable. `detail: { id, idea, on }`.
 * @event kolo-change - Ideas, statuses or upvotes changed. `detail: { id, tally, source }`.
 * @event kolo-next-step - The next-step link was followed; cancelable. `detail: { id, href }`.
 *
 * @csspart base - The wrapper of everything, the card (padding, border, radius, background, color, type; a page CSS reset cannot strip them): restyle it here.
 * @csspart heading - The heading.
 * @csspart description - The optional description.
 * @csspart reply-time - "We usually reply within N hours": the team's median first reply in working hours, from a server that counts it (hide it with `::part(reply-time) { display: none }`).
 * @csspart toolbar - Search, sort and filters.
 * @csspart search - The search field.
 * @csspart sort - The sort select.
 * @csspart status-filter - The status select.
 * @csspart category-filter - The category select.
 * @csspart count - How many ideas are shown (a polite live region).
 * @csspart list - The list of ideas.
 * @csspart idea - One idea; also `idea-own` for this person's ideas.
 * @csspart upvote-button - The upvote toggle (`aria-pressed`).
 * @csspart upvotes - The upvote count of an idea that can no longer be upvoted.
 * @csspart idea-title - An idea's title.
 * @csspart meta - Status, category and date.
 * @csspart status - A status badge; also `status-<status>`.
 * @csspart category - The category.
 * @csspart details - The idea's details (an excerpt until expanded).
 * @csspart more-button - "Read more" / "Show less".
 * @csspart answer - The team's answer ("you asked, we did").
 * @csspart announcement - The link to the announcement.
 * @csspart reason - Why an idea was declined.
 * @csspart note - "Only you can see this" on a waiting idea.
 * @csspart follow-button - "Tell me when this changes", under an idea just upvoted (a server that sends email).
 * @csspart follow-form - The email form of a first follow.
 * @csspart follow-email - Its email field.
 * @csspart follow-status - What happens next: confirm by email, or followed (a polite live region).
 * @csspart show-more - Shows the next page.
 * @csspart error - An error message (load failure, refused upvote, invalid content).
 * @csspart retry-button - Loads again after a failure.
 * @csspart next-step - The call-to-action link.
 *
 * @cssproperty --kolo-color-accent - Accent color (upvotes, links, focus ring).
 * @cssproperty --kolo-color-success - The "done" badge and answer.
 * @cssproperty --kolo-color-surface - Background.
 * @cssproperty --kolo-color-text - Text color.
 * @cssproperty --kolo-radius - Corner radius.
 *
 * @cssstate loading - Loading.
 * @cssstate ready - Loaded.
 * @cssstate error - Loading failed.
 * @cssstate invalid - The content is invalid; an error is shown instead.
 * @cssstate empty - No ideas (or none match).
 * @cssstate pending - An upvote is being sent.
 */
export class KoloIdeaBoard extends KoloIdeaElement {
  static override messageBundles = [ideaBoardMessages, ideasMessages, ...KoloElement.messageBundles];
  static override styles = [tokens, headingStyles, ideaStyles, ideaBoardStyles];
  static override properties: PropertyDeclarations = {
    linkify: { type: Boolean },
    pageSize: { type: Number, attribute: 'page-size' },
    sort: { reflect: true },
  };

  /** Show web addresses in details as links (`rel="nofollow ugc noopener noreferrer"`). */
  declare linkify: boolean;
  /** Ideas per page (default 20). */
  declare pageSize: number | undefined;
  /** `top` (most upvoted, default) or `new`. */
  declare sort: IdeaSort;

  protected get widgetKind(): WidgetKind {
    return ideaWidget({ id: '', kind: this.ideas.config?.kind }).kind;
  }

  private readonly ideas = new IdeaController(this, {
    read: () => readIdeaBoard(this, this),
    parse: parseIdeaBoard,
    ...this.hooks(),
  }, () => {
    this.orderKey = '';
    const board = JSON.stringify(ideaWidget(this.ideas.config!));
    if (board !== this.board) {
      this.shown = 0;
      this.expanded = new Set();
    }
    this.board = board;
    this.ask();
  }, boardPages);
  private board = '';
  private search = '';
  private status: IdeaStatus | '' = '';
  private category = '';
  private shown = 0;
  private expanded = new Set<string>();
  private interacted = false;
  private orderKey = '';
  private order: string[] = [];
  /** following by email, loaded on first offer (./idea-follow.ts) */
  private follows?: IdeaFollow | undefined;

  constructor() {
    super();
    this.linkify = false;
    this.sort = 'top';
  }

  private readonly filter = (e: Event): void => {
    const el = e.target as HTMLInputElement;
    const name = el.name as 'search' | 'status' | 'category' | 'sort';
    if (name === 'sort') this.sort = el.value === 'new' ? 'new' : 'top';
    else {
      (this as unknown as Record<string, string>)[name] = el.value;
      this.ask();
    }
    // which control, never what was typed: signals carry no personal data
    if (!this.interacted) this.signal('interact', { filter: name });
    this.interacted = true;
    this.shown = 0;
    this.requestUpdate();
  };

  private filters() {
    return { search: this.search, sort: this.sort, status: this.status, category: this.category };
  }

  /** Tell the store what to show (a paged board loads it). */
  private ask(): void {
    this.ideas.store?.query(this.filters());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('sort')) this.ask();
  }

  /**
   * The ideas in board order. The order is kept while only upvote counts change, so an idea does not
   * jump away from the pointer or keyboard focus that just upvoted it; it is recomputed when the
   * filters change or ideas come, go or change status. A paged board's ideas are what the adapter
   * found for the search: they are sorted and filtered again (live updates add ideas), not searched.
   */
  private ordered(ideas: Idea[], counts: Record<string, number>, lang: string, paged?: boolean): Idea[] {
    const search = paged ? '' : this.search;
    const key = [this.sort, this.status, this.category, `q:${search}`, lang, ...ideas.map((i) => i.id + i.status)].join('|');
    if (key !== this.orderKey) {
      this.orderKey = key;
      this.order = boardList(ideas, counts, { ...this.filters(), search, lang }).map((i) => i.id);
    }
    const byId = new Map(ideas.map((i) => [i.id, i]));
    return this.order.map((id) => byId.get(id)!).filter(Boolean);
  }

  /** The next page; focus moves to its first idea (or to "retry" when it failed to load). */
  private readonly more = async (): Promise<void> => {
    const page = this.ideas.config?.pageSize ?? 20;
    const paged = this.ideas.view.paged;
    // a paged board shows every idea loaded (in `order`), the next page after them
    const from = paged ? this.order.length : Math.max(this.shown, page);
    this.shown = from + page;
    this.requestUpdate();
    if (paged && !(await this.ideas.store!.more())) return focusAfterRender(this, '[part~="retry-button"]');
    focusAfterRender(this, `[part~="idea"]:nth-child(${from + 1})`);
  };

  private toggle(id: string): void {
    if (!this.expanded.delete(id)) this.expanded.add(id);
    this.requestUpdate();
  }

  /** What each idea row needs, for this render. */
  private itemContext(cfg: IdeaBoardConfig): ItemContext {
    return {
      i18n: this.i18n,
      cfg,
      tally: this.ideas.view.tally,
      level: levelBelow(this),
      campaign: this.campaign,
      expanded: this.expanded,
      toggle: (id) => this.toggle(id),
      upvote: async (id, on) => {
        // a server that sends email offers to tell this person when the idea changes (the offer loads then)
        if ((await this.ideas.upvote(id, on)) && on && this.ideas.view.tally.notify && this.ideas.store!.follow)
          (this.follows ??= new (await import('./idea-follow.ts')).IdeaFollow(this, this.ideas, errorText)).offer(id);
      },
      follow: (id) => this.follows?.part(id),
    };
  }

  protected override render() {
    const i18n = this.i18n;
    const { t } = i18n;
    const cfg = this.ideas.config;
    if (!cfg) return this.invalid();
    const view = this.ideas.view;
    const ready = view.status === 'ready';
    const all = view.tally.ideas ?? [];
    const paged = view.paged;
    const list = ready ? this.ordered(all, view.tally.counts, i18n.lang, paged) : [];
    const page = cfg.pageSize ?? 20;
    const shown = paged ? list : list.slice(0, Math.max(this.shown, page));
    const more = paged ? !!view.tally.next : shown.length < list.length;
    this.setStates({ loading: view.status === 'loading', ready, error: view.status === 'error', empty: ready && !list.length, pending: !!view.pending });
    const question = cfg.kind === 'question';
    const filtered = !!(this.search || this.status || this.category);
    const items = this.itemContext(cfg);

    return html`<section part="base" aria-labelledby="heading" aria-busy=${view.status === 'loading' || view.busy ? 'true' : 'false'}>
      ${heading(this, cfg.heading ?? t(question ? 'boardQuestion' : 'boardIdea'))}
      ${cfg.description ? html`<p part="description">${cfg.description}</p>` : nothing}
      ${view.tally.replyHours ? html`<p part="reply-time" class="muted">${t('replyWithin', { count: view.tally.replyHours })}</p>` : nothing}
      ${boardToolbar(i18n, cfg, this.filters(), this.filter)}
      ${view.status === 'loading' ? html`<p class="muted">${t('loading')}</p>` : nothing}
      ${view.status === 'error' ? loadError(i18n, () => this.ideas.reload()) : nothing}
      ${ideaError(i18n, view)}
      <p part="count" role="status" class="muted">
        ${ready ? (list.length ? t(more && paged ? 'showingFirst' : 'showing', { shown: i18n.number(shown.length), total: i18n.number(list.length) }) : t(filtered ? 'noMatch' : 'empty')) : ''}
      </p>
      ${shown.length ? html`<ol part="list" role="list">${shown.map((idea) => ideaItem(idea, items))}</ol>` : nothing}
      ${more ? html`<button part="show-more" type="button" @click=${this.more}>${t('showMore')}</button>` : nothing}
      ${nextStepLink(this, cfg.nextStep, cfg.id, (href) => this.ideas.signal('next-step', { href }))}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-idea-board': KoloIdeaBoard;
  }
}
