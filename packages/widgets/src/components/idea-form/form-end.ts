import { html } from 'lit';
import type { Idea, IdeaBoardConfig, IdeaView, Translator } from '@kolo/core';
import type { KoloElement } from '../../base/kolo-element.ts';
import { heading } from '../../base/heading.ts';
import { nextStepLink } from '../../base/parts.ts';

/** The send button and its hint (disabled until the board is loaded, and while sending). */
export function sendActions({ t }: Translator, cfg: IdeaBoardConfig, view: Pick<IdeaView, 'status' | 'pending'>) {
  const sending = view.pending === 'submit';
  return html`<div part="actions">
    <button part="submit-button" class="primary" type="submit" aria-describedby="submit-hint" ?disabled=${view.status !== 'ready' || sending}>
      ${sending ? t('sending') : t(cfg.moderated ? 'sendReview' : 'publish')}
    </button>
    <span id="submit-hint" class="muted">${t(cfg.moderated ? 'reviewHint' : 'publishHint')}</span>
  </div>`;
}

/** The thank-you block, with the next step (`onNext` told of a click) and "suggest another". */
export function thanksPart(host: KoloElement, { t }: Translator, cfg: IdeaBoardConfig, sent: Idea, onNext: (href: string) => void, another: () => void) {
  return html`<div part="base thanks" role="region" aria-labelledby="heading">
    ${heading(host, t('thanksHeading'))}
    <p>${t(sent.status === 'pending' ? 'waiting' : 'published')}</p>
    <blockquote part="sent-title">${sent.title}</blockquote>
    <div part="actions">
      ${nextStepLink(host, cfg.nextStep, cfg.id, onNext)}
      <button part="another-button" type="button" @click=${another}>${t('another')}</button>
    </div>
  </div>`;
}
