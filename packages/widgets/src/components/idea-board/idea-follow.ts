import { html, nothing } from 'lit';
import type { KoloError, Translator } from '@kolo/core';
import { errorText } from '../../base/parts.ts';

/** Where following the idea just upvoted stands: offered, asking for the email, sent (confirm by email, or followed). */
export interface FollowState {
  id: string;
  step: 'offer' | 'ask' | 'checkInbox' | 'following';
  error?: KoloError;
}

/**
 * Under an idea just upvoted, on a board whose server sends email: "Tell me when this changes"; the
 * email field when none is remembered on this device; then what happens next (a polite status).
 */
export function followPart(i18n: Translator, f: FollowState, go: (email?: string) => void) {
  const { t } = i18n;
  const ask = (e: SubmitEvent) => {
    e.preventDefault();
    go(String(new FormData(e.target as HTMLFormElement).get('email')));
  };
  return html`${f.step === 'offer'
      ? html`<button part="follow-button" class="link" type="button" @click=${() => go()}>${t('tellMe')}</button>`
      : f.step === 'ask'
        ? html`<form part="follow-form" @submit=${ask}>
            <label>${t('email')} <input part="follow-email" name="email" type="email" autocomplete="email" required maxlength="254" /></label>
            <button type="submit">${t('tellMe')}</button>
          </form>`
        : nothing}
    <p part="follow-status" role="status">${f.step === 'checkInbox' || f.step === 'following' ? t(f.step) : ''}</p>
    ${f.error ? html`<p part="error" role="alert">${errorText(i18n, f.error)}</p>` : nothing}`;
}
