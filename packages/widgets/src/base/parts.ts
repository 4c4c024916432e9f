import { html, nothing } from 'lit';
import { withUtm, type KoloError, type NextStep, type Translator } from '@kolo/core';
import { KoloNextStepEvent } from '../events/kolo-next-step.ts';

/** Pieces of UI that many widgets share: error texts, the retry block, the next-step link. */

const REASONS: Record<string, 'errClosed' | 'errAlreadyVoted' | 'errCannotGrade'> = {
  closed: 'errClosed',
  'already-voted': 'errAlreadyVoted',
  'cannot-grade': 'errCannotGrade',
};

/**
 * The part names of one option (a poll option, a scenario, a quiz choice, a reaction): `part`, then
 * `part-<flag>` for each true flag, then `value-<id>` (letters, digits, `-` and `_` of the id kept,
 * anything else as `_`), e.g. `option option-selected value-yes`.
 */
export const optionParts = (part: string, id: string, flags: Record<string, unknown>): string =>
  part + Object.keys(flags).map((k) => (flags[k] ? ` ${part}-${k}` : '')).join('') + ' value-' + id.replace(/[^\p{L}\p{N}_-]/gu, '_');

/** "Your answer wasn't saved: <why>" for an adapter error. */
export function errorText({ t }: Translator, error: KoloError): string {
  const key = error.code === 'network' ? 'errNetwork' : error.code === 'rate-limited' ? 'errRateLimited' : REASONS[error.reason];
  return t('sendError', { reason: key ? t(key) : t('errRejected', { reason: error.reason || error.message }) });
}

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
  part = 'next-step',
) {
  const href = step && withUtm(step.href, { campaign: host.campaign, content: id });
  if (!href) return nothing;
  const follow = (e: MouseEvent) => {
    track(href);
    if (!host.dispatchEvent(new KoloNextStepEvent({ id, href }))) e.preventDefault();
  };
  return html`<a part=${part} href=${href} @click=${follow}>${step.label}</a>`;
}

