import { html, nothing } from 'lit';
import type { IdeaBoardConfig, IdeaStatus, IdeaView, KoloError, MessageKey, Translator } from '@kolo/core';
import { errorText } from '../base/parts.ts';

/** Pieces of UI the idea form and the idea board share: status words and badge, errors. */

/** AMA questions are "open", "answered" and "not answered" rather than under review, done and declined. */
const QUESTION = /^(review|done|declined)$/;

/** A status as people read it: `statusDone`, or for an AMA question `qStatusDone` (the bundles name them so). */
export const statusLabel = ({ t }: Translator, cfg: IdeaBoardConfig, status: IdeaStatus): string =>
  t(`${cfg.kind === 'question' && QUESTION.test(status) ? 'qS' : 's'}tatus${status[0]!.toUpperCase()}${status.slice(1)}` as MessageKey);

const REASONS = { spam: 'errSpam', 'too-fast': 'errTooFast', 'not-found': 'errNotFound', limit: 'errLimit' } as const;

/** Why a submission or an upvote failed, in words. */
function ideaErrorText(i18n: Translator, e: KoloError): string {
  const key = REASONS[e.reason as keyof typeof REASONS];
  return key ? i18n.t('sendError', { reason: i18n.t(key) }) : errorText(i18n, e);
}

/** A status badge (`part="status status-<status>"`). */
export const statusBadge = (i18n: Translator, cfg: IdeaBoardConfig, status: IdeaStatus) =>
  html`<span part="status status-${status}">${statusLabel(i18n, cfg, status)}</span>`;

/** A refused submission or upvote, once the board is loaded. */
export const ideaError = (i18n: Translator, view: IdeaView) =>
  view.status === 'ready' && view.error ? html`<p part="error" role="alert">${ideaErrorText(i18n, view.error)}</p>` : nothing;
