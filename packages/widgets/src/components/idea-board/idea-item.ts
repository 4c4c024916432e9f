import { html, nothing } from 'lit';
import { countOf, isOpen, withUtm, type Idea, type IdeaBoardConfig, type IdeaView, type Translator } from '@kolo/core';
import { statusBadge } from '../../ideas/idea-parts.ts';
import { EXCERPT, excerpt, linkify } from './idea-text.ts';

/** What a board's idea row needs from the board. */
export interface ItemContext {
  i18n: Translator;
  cfg: IdeaBoardConfig;
  tally: IdeaView['tally'];
  /** the level of idea titles */
  level: number;
  campaign: string | undefined;
  /** ideas whose whole details are shown */
  expanded: ReadonlySet<string>;
  toggle: (id: string) => void;
  upvote: (id: string, on: boolean) => void;
  /** the follow offer under the idea just upvoted (./idea-follow.ts), or nothing */
  follow: (id: string) => unknown;
}

/** The upvote toggle, or only the count once the idea is closed. */
function upvotes(idea: Idea, { i18n, tally, upvote }: ItemContext) {
  const { t } = i18n;
  const count = countOf(tally.counts, idea.id);
  const mine = tally.mine.includes(idea.id);
  return isOpen(idea)
    ? html`<button part="upvote-button" type="button" aria-pressed=${mine ? 'true' : 'false'}
        aria-label=${t('upvoteLabel', { title: idea.title, count })} @click=${() => upvote(idea.id, !mine)}>
        <span aria-hidden="true">▲</span><span>${i18n.number(count)}</span>
      </button>`
    : html`<span part="upvotes"><span aria-hidden="true">▲ ${i18n.number(count)}</span><span class="sr-only">${t('upvotes', { count })}</span></span>`;
}

/** The details (an excerpt with "Read more" when long), web addresses as links with `linkify`. */
function details(idea: Idea, { i18n, cfg, expanded, toggle }: ItemContext) {
  if (!idea.details) return nothing;
  const long = [...idea.details].length > EXCERPT;
  const open = expanded.has(idea.id);
  const text = long && !open ? excerpt(idea.details) : idea.details;
  return html`<p part="details" id="d-${idea.id}">${cfg.linkify ? linkify(text) : text}</p>
    ${long
      ? html`<button part="more-button" class="link" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="d-${idea.id}" @click=${() => toggle(idea.id)}>
          ${i18n.t(open ? 'less' : 'more')}
        </button>`
      : nothing}`;
}

/** What became of the idea: the team's answer ("you asked, we did"), why it was declined, or that it waits. */
function outcome(idea: Idea, { i18n: { t }, cfg, campaign }: ItemContext) {
  const link = idea.link && withUtm(idea.link, { campaign, content: cfg.id });
  return html`${idea.status === 'done' && (idea.answer || link)
      ? html`<div part="answer">
          <p class="we-did">${t(cfg.kind === 'question' ? 'answer' : 'weDid')}</p>
          ${idea.answer ? html`<p>${idea.answer}</p>` : nothing}
          ${link ? html`<a part="announcement" href=${link}>${t('announcement')}</a>` : nothing}
        </div>`
      : nothing}
    ${idea.reason && (idea.status === 'declined' || idea.status === 'rejected') ? html`<p part="reason">${t('why', { reason: idea.reason })}</p>` : nothing}
    ${idea.status === 'pending' ? html`<p part="note" class="muted">${t('onlyYou')}</p>` : nothing}`;
}

/** One idea of the board's list. */
export function ideaItem(idea: Idea, ctx: ItemContext) {
  const { i18n, cfg } = ctx;
  const category = cfg.categories?.find((c) => c.id === idea.category);
  return html`<li part=${idea.own ? 'idea idea-own' : 'idea'} tabindex="-1" aria-labelledby="t-${idea.id}">
    ${upvotes(idea, ctx)}
    <div class="body">
      <p part="idea-title" id="t-${idea.id}" role="heading" aria-level=${ctx.level}>${idea.title}</p>
      <p part="meta" class="muted">
        ${statusBadge(i18n, cfg, idea.status)}
        ${category ? html`<span part="category">${category.label}</span>` : nothing}
        <time datetime=${idea.createdAt}>${i18n.date(idea.createdAt)}</time>
      </p>
      ${details(idea, ctx)}
      ${outcome(idea, ctx)}
      ${ctx.follow(idea.id)}
    </div>
  </li>`;
}
