import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, NextStep, ResultRow, Translator } from '@kolo/core';
import { errorText, loadError, nextStepLink } from '../base/parts.ts';
import type { TallyController, TallyFormState } from './tally-controller.ts';

/** Pieces of UI that the voting widgets share; their styles are in `tally.styles.ts`. */

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

export interface TallyFooterOptions {
  /** the vote button's label */
  vote: MessageKey;
  /** the total line ("12 votes") */
  total: string;
}

/**
 * Everything below a voting widget's choices: loading and error messages, the vote / change /
 * cancel buttons, the total, the closing date, the live region and the next step.
 */
export function tallyFooter<C extends { id: string; allowChange?: boolean | undefined; results?: string | undefined; closesAt?: string | undefined; nextStep?: NextStep | undefined }>(
  host: HTMLElement & { campaign?: string | undefined },
  i18n: Translator,
  ctl: TallyController<C>,
  cfg: C,
  s: TallyFormState,
  o: TallyFooterOptions,
) {
  const { t } = i18n;
  return html`
    ${s.status === 'loading' ? html`<p class="muted">${t('loading')}</p>` : nothing}
    ${s.status === 'error' ? loadError(i18n, () => ctl.reload()) : nothing}
    ${s.ready && s.error ? html`<p part="error" role="alert">${errorText(i18n, s.error)}</p>` : nothing}
    <div part="actions">
      ${s.showForm
        ? html`<button part="vote-button" class="primary" type="submit" ?disabled=${!s.ready || s.pending || !s.selected.length}>
            ${s.pending ? t('sending') : t(o.vote)}
          </button>`
        : nothing}
      ${s.showForm && s.changing
        ? html`<button part="cancel-button" type="button" @click=${ctl.cancelChange}>${t('cancel')}</button>`
        : nothing}
      ${!s.showForm && s.voted && cfg.allowChange && !s.closed && s.ready
        ? html`<button part="change-button" type="button" @click=${ctl.startChange}>${t('changeVote')}</button>`
        : nothing}
      ${s.showResults ? html`<span part="total" class="muted">${s.tally.voters ? o.total : t('noVotes')}</span>` : nothing}
      ${s.ready && s.voted && cfg.results === 'never' ? html`<span class="muted">${t('resultsHidden')}</span>` : nothing}
    </div>
    ${closingNote(i18n, cfg.closesAt, s.closed)}
    <p part="status" role="status" class=${s.announcement ? 'muted' : 'sr-only'}>${s.announcement}</p>
    ${s.voted || s.closed ? nextStepLink(host, cfg.nextStep, cfg.id, (href) => ctl.signal('next-step', { href })) : nothing}
  `;
}
