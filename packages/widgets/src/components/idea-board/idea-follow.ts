import { html, nothing } from 'lit';
import type { BoardPages, KoloError } from '@kolo/core';
import type { IdeaController } from '../../ideas/idea-controller.ts';
// apart from @kolo/core's index, so that these strings load with this file, not with the board
import { ideaFollowMessages } from '@kolo/core/follow-messages';
import type { KoloElement } from '../../base/kolo-element.ts';

/**
 * "Tell me when this changes" under the idea just upvoted, on a board whose server sends email: the
 * email field when none is remembered on this device, then what happens next (a polite status).
 * Loaded with `import()` the first time a board offers it, with its strings.
 */
export class IdeaFollow {
  private id = '';
  private step: 'offer' | 'ask' | 'checkInbox' | 'following' = 'offer';
  private error: KoloError | 'emailInvalid' | undefined;
  private busy = false;

  constructor(
    private readonly host: KoloElement,
    /** the board's ideas: its store's `follow` (without an email, and none remembered, it answers undefined) */
    private readonly ideas: IdeaController<BoardPages>,
    /** ../../base/parts.ts `errorText`, from the board (imported here, it would cut the board's code into more chunks) */
    private readonly errorText: typeof import('../../base/parts.ts').errorText,
  ) {
    // the strings come with this file: the board's translator looks in its class's list of bundles
    const bundles = (host.constructor as typeof KoloElement).messageBundles;
    if (!bundles.includes(ideaFollowMessages)) bundles.unshift(ideaFollowMessages);
  }

  /** Offer to follow `id` (one idea at a time: the last upvoted). */
  offer(id: string): void {
    this.set(id, 'offer');
  }

  private set(id: string, step: IdeaFollow['step'], error?: IdeaFollow['error'], focus?: string): void {
    Object.assign(this, { id, step, error });
    this.host.requestUpdate();
    if (focus) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  }

  /** Follow with `email`, or the one remembered on this device (none: ask for it). */
  private async go(id: string, email?: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const field = `[aria-labelledby="t-${id}"] [part~="follow-email"]`;
    try {
      const answer = await this.ideas.store!.follow!(id, this.host.i18n.lang, email);
      // the form is gone: focus goes back to the upvote it came from
      if (answer) this.set(id, answer.confirmed ? 'following' : 'checkInbox', undefined, `[aria-labelledby="t-${id}"] [part~="upvote-button"]`);
      else this.set(id, 'ask', undefined, field);
    } catch (e) {
      this.set(id, 'ask', e as KoloError, field);
    }
    this.busy = false;
  }

  private readonly submit = (e: SubmitEvent): void => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
    if (input.checkValidity()) void this.go(this.id, input.value.trim());
    else this.set(this.id, 'ask', 'emailInvalid', `[aria-labelledby="t-${this.id}"] [part~="follow-email"]`);
  };

  /** The offer, form and status under idea `id` (nothing under the others, nor once its upvote is taken back). */
  part(id: string) {
    if (id !== this.id || !this.ideas.view.tally.mine.includes(id)) return nothing;
    const i18n = this.host.i18n;
    const { t } = i18n;
    const { step, error } = this;
    const err = `follow-error-${id}`;
    return html`${step === 'offer'
        ? html`<button part="follow-button" class="link" type="button" @click=${() => void this.go(id)}>${t('tellMe')}</button>`
        : step === 'ask'
          ? html`<form part="follow-form" novalidate @submit=${this.submit}>
              <label>${t('email')}
                <input part="follow-email" name="email" type="email" autocomplete="email" required maxlength="254"
                  aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? err : nothing} /></label>
              <button type="submit">${t('tellMe')}</button>
            </form>`
          : nothing}
      <p part="follow-status" role="status">${step === 'checkInbox' || step === 'following' ? t(step) : ''}</p>
      ${error ? html`<p part="error" id=${err} role="alert">${error === 'emailInvalid' ? t(error) : this.errorText(i18n, error)}</p>` : nothing}`;
  }
}
