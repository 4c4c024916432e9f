import { html, nothing, type TemplateResult } from 'lit';
import { withUtm, type KoloError, type NextStep, type ResultRow, type Translator } from '@kolo/core';
import { KoloNextStepEvent } from '../events/kolo-next-step.ts';

/** Pieces of UI that the tally widgets share; their styles are in `styles/tally.ts`. */

const REASONS: Record<string, 'errClosed' | 'errAlreadyVoted' | 'errCannotGrade'> = {
  closed: 'errClosed',
  'already-voted': 'errAlreadyVoted',
  'cannot-grade': 'errCannotGrade',
};

/** "Your answer wasn't saved: <why>" for an adapter error. */
export function errorText({ t }: Translator, error: KoloError): string {
  const key = error.code === 'network' ? 'errNetwork' : error.code === 'rate-limited' ? 'errRateLimited' : REASONS[error.reason];
  return t('sendError', { reason: key ? t(key) : t('errRejected', { reason: error.reason || error.message }) });
}

/** An option's percentage, count and bar. */
export const resultOf = (i18n: Translator, row: ResultRow): TemplateResult =>
  html`<span part="result"
      ><span part="percent">${i18n.percent(row.percent)}</span>
      <span part="count" class="muted">${i18n.t('votes', { count: row.count })}</span>${row.mine
        ? html`<span class="muted"> · ${i18n.t('yourChoice')}</span>`
        : nothing}</span
    ><span part="bar" aria-hidden="true"><span part="bar-fill" .style=${`inline-size:${row.percent}%`}></span></span>`;

/** "Open until …" / "Closed on …". */
export const closingNote = (i18n: Translator, closesAt: string | undefined, closed: boolean) =>
  closesAt
    ? html`<p part="meta" class="muted">${i18n.t(closed ? 'closedOn' : 'closesOn', { date: i18n.date(closesAt) })}</p>`
    : nothing;

/** The load-error block with its retry button. */
export const loadError = (i18n: Translator, retry: () => void) =>
  html`<div part="error" role="alert">
    <p>${i18n.t('loadError')}</p>
    <button part="retry-button" type="button" @click=${retry}>${i18n.t('retry')}</button>
  </div>`;

/**
 * The UTM-tagged call to action. Following it calls `track` and fires a cancelable `kolo-next-step`
 * on `host` (cancel it to route on the client).
 */
export function nextStepLink(
  host: HTMLElement & { campaign?: string | undefined },
  step: NextStep | undefined,
  id: string,
  track: (href: string) => void,
) {
  const href = step && withUtm(step.href, { campaign: host.campaign, content: id });
  if (!href) return nothing;
  const follow = (e: MouseEvent) => {
    track(href);
    if (!host.dispatchEvent(new KoloNextStepEvent({ id, href }))) e.preventDefault();
  };
  return html`<a part="next-step" href=${href} @click=${follow}>${step.label}</a>`;
}
