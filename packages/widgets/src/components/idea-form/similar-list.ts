import { html, nothing } from 'lit';
import { countOf, isOpen, similarIdeas, type IdeaBoardConfig, type IdeaView, type Translator } from '@kolo/core';
import { statusBadge } from '../../ideas/idea-parts.ts';

/** Similar ideas are looked for once the title has this many characters. */
const SIMILAR_FROM = 4;

/** Whether a title is long enough to look for similar ideas. */
export const similarFrom = (title: string) => [...title].length >= SIMILAR_FROM;

/**
 * Existing ideas with titles like `title`, each with "Upvote this instead" while it is open: those
 * the adapter found (`view.similar`), else those among the loaded ideas.
 */
export function similarList(i18n: Translator, cfg: IdeaBoardConfig, view: IdeaView, title: string, upvote: (id: string, on: boolean) => void) {
  const { t } = i18n;
  const { tally } = view;
  const ideas = tally.ideas ?? [];
  const similar =
    view.status !== 'ready' || !similarFrom(title)
      ? []
      : view.similar
        ? view.similar.flatMap((id) => ideas.filter((i) => i.id === id))
        : similarIdeas(title, ideas, tally.counts, i18n.lang);
  return html`<div part="similar" aria-live="polite">
    ${similar.length
      ? html`<p class="muted">${t(cfg.kind === 'question' ? 'similarQuestion' : 'similarIdea')}</p>
          <ul role="list">
            ${similar.map((idea) => {
              const mine = tally.mine.includes(idea.id);
              return html`<li part="similar-idea">
                <span class="title">${idea.title}</span>
                <span class="muted">${statusBadge(i18n, cfg, idea.status)} · ${t('upvotes', { count: countOf(tally.counts, idea.id) })}</span>
                ${isOpen(idea) && !idea.own
                  ? html`<button part="upvote-button" type="button" aria-pressed=${mine ? 'true' : 'false'}
                      aria-label=${`${t(mine ? 'upvoted' : 'upvoteInstead')}: ${idea.title}`}
                      @click=${() => upvote(idea.id, !mine)}>${t(mine ? 'upvoted' : 'upvoteInstead')}</button>`
                  : nothing}
              </li>`;
            })}
          </ul>`
      : nothing}
  </div>`;
}
