import { html, nothing, type PropertyDeclarations } from 'lit';
import { byMonth, changelogMessages, createChangelogStore, emptyView, lightText, parseChangelog, withUtm, type ChangelogConfig, type ChangelogEntry, type ChangelogStore, type ChangelogView } from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { WidgetController } from '../../base/widget-controller.ts';
import { focusAfterRender } from '../../base/focus.ts';
import { heading, levelBelow } from '../../base/heading.ts';
import { loadError } from '../../base/parts.ts';
import { tokens } from '../../styles/tokens.ts';
import { headingStyles } from '../../styles/heading.ts';
import { changelogStyles } from './changelog.styles.ts';

/**
 * "You asked, we did": what the team shipped (ideas done) or answered (AMA questions answered)
 * across boards, grouped by month, newest first; each entry with the team's answer, the
 * announcement link and how many people asked for it. A page at a time, with "Show more", and live:
 * an idea marked done appears at once.
 *
 * On a server, the boards it covers are those the team registered with the changelog
 * (`{ kind: "changelog", id, rules: { boards } }`); the same page is an Atom feed at
 * `/v1/widgets/changelog/<id>/feed.atom`. With the memory or local adapter (no server), it lists the
 * boards named in `boards`, as that adapter holds them.
 *
 * Author in HTML: an optional heading and a first paragraph as its introduction; or set `.config`.
 *
 * @summary "You asked, we did": what shipped or was answered across boards, by month, live.
 * @tag kolo-changelog
 *
 * @event kolo-change - Entries came or changed. `detail: { id, tally, source }`.
 *
 * @csspart base - The wrapper of everything, the card (padding, border, radius, background, color, type; a page CSS reset cannot strip them): restyle it here.
 * @csspart heading - The heading.
 * @csspart description - The optional introduction.
 * @csspart month - One month: its heading and entries.
 * @csspart month-heading - A month's name.
 * @csspart list - A month's entries.
 * @csspart entry - One entry.
 * @csspart entry-title - An entry's title.
 * @csspart answer - The team's answer.
 * @csspart announcement - The link to the announcement.
 * @csspart asked - How many people asked for it.
 * @csspart empty - Nothing shipped or answered yet.
 * @csspart show-more - Shows the next page.
 * @csspart error - An error message (load failure, invalid content).
 * @csspart retry-button - Loads again after a failure.
 *
 * @cssproperty --kolo-color-accent - Accent color (links, focus ring).
 * @cssproperty --kolo-color-success - The edge of each entry.
 * @cssproperty --kolo-color-surface - Background.
 * @cssproperty --kolo-color-text - Text color.
 * @cssproperty --kolo-radius - Corner radius.
 *
 * @cssstate loading - Loading.
 * @cssstate ready - Loaded.
 * @cssstate error - Loading failed.
 * @cssstate empty - Nothing shipped or answered yet.
 * @cssstate busy - The next page is loading.
 * @cssstate invalid - The content is invalid; an error is shown instead.
 */
export class KoloChangelog extends KoloElement {
  static override messageBundles = [changelogMessages, ...KoloElement.messageBundles];
  static override styles = [tokens, headingStyles, changelogStyles];
  static override properties: PropertyDeclarations = {
    changelogId: { attribute: 'changelog-id' },
    boards: {},
    pageSize: { type: Number, attribute: 'page-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    config: { type: Object },
  };

  /** The changelog's id (on a server, the id it is registered under). */
  declare changelogId: string;
  /** The boards it covers with the memory or local adapter, space-separated: `ideas:roadmap questions:ama` (a server uses the ones registered). */
  declare boards: string | undefined;
  /** Entries per page (1–50, default 20). */
  declare pageSize: number | undefined;
  /** The level (1–6) of the heading: by default that of the heading written in the HTML (`<h3>` → 3), else 2; months and entries go below it. */
  declare headingLevel: number | undefined;
  /** The whole changelog as an object; replaces the HTML content and attributes. */
  declare config: Partial<ChangelogConfig> | undefined;

  protected readonly widgetKind = 'changelog';
  private readonly log = new WidgetController<ChangelogConfig, ChangelogView, ChangelogStore>(
    this,
    { read: () => this.readConfig(), parse: parseChangelog, store: createChangelogStore, ...this.hooks() },
    { status: 'loading', tally: emptyView(), pending: false, busy: false, error: null },
  );

  constructor() {
    super();
    this.changelogId = '';
  }

  private readConfig(): unknown {
    const own = {
      id: this.changelogId || undefined,
      boards: (this.boards ?? '').split(/\s+/).filter(Boolean),
      ...(this.pageSize ? { pageSize: this.pageSize } : {}),
    };
    if (this.config) return { ...own, ...this.config };
    const kids = [...this.children];
    const h = kids.find((k) => k.matches('h1, h2, h3, h4, h5, h6'));
    const p = kids.find((k) => k.matches('p'));
    return { ...own, ...(h ? { heading: lightText(h) } : {}), ...(p ? { description: lightText(p) } : {}) };
  }

  /** The next page; focus moves to its first entry (or to "retry" when it failed). */
  private readonly more = async (): Promise<void> => {
    const from = this.log.view.tally.entries?.length ?? 0;
    const ok = await this.log.store!.more();
    focusAfterRender(this, ok ? `[data-n="${from}"] [part~="entry-title"]` : '[part~="show-more"]');
  };

  private entry(e: ChangelogEntry, n: number, level: number, id: string) {
    const { t } = this.i18n;
    const link = e.link && withUtm(e.link, { campaign: this.campaign, content: id });
    return html`<li part="entry" data-n=${n}>
      <p part="entry-title" role="heading" aria-level=${level} tabindex="-1">${e.title}</p>
      ${e.answer ? html`<p part="answer">${e.answer}</p>` : nothing}
      ${link ? html`<a part="announcement" href=${link} @click=${() => this.signal('next-step', { href: link })}>${t('announcement')}</a>` : nothing}
      ${e.asked ? html`<p part="asked" class="muted">${t('asked', { count: e.asked })}</p>` : nothing}
    </li>`;
  }

  protected override render() {
    const cfg = this.log.config;
    if (!cfg) return this.invalid();
    const { t } = this.i18n;
    const view = this.log.view;
    const ready = view.status === 'ready';
    const entries = ready ? (view.tally.entries ?? []) : [];
    this.setStates({ loading: view.status === 'loading', ready, error: view.status === 'error', empty: ready && !entries.length, busy: view.busy });
    const level = levelBelow(this);
    let n = 0;
    return html`<section part="base" aria-labelledby="heading" aria-busy=${view.status === 'loading' || view.busy ? 'true' : 'false'}>
      ${heading(this, cfg.heading ?? t('changelogHeading'))}
      ${cfg.description ? html`<p part="description">${cfg.description}</p>` : nothing}
      ${view.status === 'loading' ? html`<p class="muted">${t('loading')}</p>` : nothing}
      ${view.status === 'error' ? loadError(this.i18n, () => this.log.reload()) : nothing}
      ${ready && !entries.length ? html`<p part="empty" class="muted">${t('nothingYet')}</p>` : nothing}
      ${byMonth(entries, this.langTag).map(
        (m) => html`<section part="month" aria-labelledby="m-${m.key}">
          <p part="month-heading" id="m-${m.key}" role="heading" aria-level=${level}>${m.label}</p>
          <ul part="list" role="list">${m.entries.map((e) => this.entry(e, n++, Math.min(level + 1, 6), cfg.id))}</ul>
        </section>`,
      )}
      ${ready && view.tally.next ? html`<button part="show-more" type="button" ?disabled=${view.busy} @click=${this.more}>${t('showMore')}</button>` : nothing}
      ${ready && view.error ? html`<p part="error" role="alert">${t('loadError')}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-changelog': KoloChangelog;
  }
}
