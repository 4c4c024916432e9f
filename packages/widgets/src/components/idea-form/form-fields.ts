import { html, nothing } from 'lit';
import type { IdeaBoardConfig, IdeaDraft, IdeaPolicy, IdeaProblem, Translator } from '@kolo/core';

export type Field = keyof IdeaDraft;
/** The fields in the order they are shown, then the community rules' checkbox (the first with a problem takes focus). */
export const FIELDS = ['title', 'details', 'category', 'contact', 'rules'] as const;

/** A field's control, given the ids that describe it and whether it is invalid. */
type Control = (describedBy: string, invalid: boolean) => unknown;

/** The draft being written and what its controls call on input and on leaving a field. */
export interface Editing {
  draft: Required<IdeaDraft>;
  edit: (e: Event) => void;
  leave: (e: Event) => void;
}

/** A validation problem in words. */
export function problemText({ t }: Translator, problem: IdeaProblem | undefined, field: Field, policy: IdeaPolicy): string {
  if (!problem) return '';
  if (problem === 'too-short') return t('probShort', { count: policy.titleMin });
  if (problem === 'too-long') return t('probLong', { count: field === 'title' ? policy.titleMax : policy.detailsMax });
  return t(problem === 'required' ? 'probRequired' : problem === 'invalid-email' ? 'probEmail' : 'probCategory');
}

/** A labelled field with its hint and its validation message, tied together for screen readers. */
export function field(name: Field, label: string, control: Control, error: string, hint?: string) {
  const described = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ');
  return html`<div part="field">
    <label part="label" for=${name}>${label}</label>
    ${control(described, !!error)}
    ${hint ? html`<p part="hint" id="${name}-hint" class="muted">${hint}</p>` : nothing}
    ${error ? html`<p part="field-error" id="${name}-error">${error}</p>` : nothing}
  </div>`;
}

/** A one-line input (the title is required). */
export const textInput =
  (f: Field, { draft, edit, leave }: Editing, type = 'text', autocomplete = 'off'): Control =>
  (describedBy, invalid) =>
    html`<input part="input" id=${f} name=${f} type=${type} autocomplete=${autocomplete} .value=${draft[f]}
      aria-describedby=${describedBy || nothing} aria-invalid=${invalid ? 'true' : 'false'} ?required=${f === 'title'}
      @input=${edit} @blur=${leave} />`;

/** The details text area. */
export const detailsArea =
  ({ draft, edit, leave }: Editing): Control =>
  (describedBy, invalid) =>
    html`<textarea part="input" id="details" name="details" rows="4" .value=${draft.details}
      aria-describedby=${describedBy || nothing} aria-invalid=${invalid ? 'true' : 'false'} @input=${edit} @blur=${leave}></textarea>`;

/** The category select ("no category" first). */
export const categorySelect =
  ({ t }: Translator, categories: NonNullable<IdeaBoardConfig['categories']>, { draft, edit }: Editing): Control =>
  (describedBy, invalid) =>
    html`<select part="input" id="category" name="category" aria-describedby=${describedBy || nothing} aria-invalid=${invalid ? 'true' : 'false'} @change=${edit}>
      <option value="" ?selected=${!draft.category}>${t('noCategory')}</option>
      ${categories.map((c) => html`<option value=${c.id} ?selected=${draft.category === c.id}>${c.label}</option>`)}
    </select>`;

/**
 * The honeypot for bots: its box clipped to a pixel where it stands (moved off screen, it would
 * widen a page whose direction is not the form's), hidden from screen readers and out of the tab order.
 */
export const honeypot = html`<div class="sr-only" aria-hidden="true"><label>Website <input name="website" tabindex="-1" autocomplete="off" /></label></div>`;

/**
 * The community rules: the site's own HTML (`slot="rules"`: a summary and a link, shown as it is; an
 * empty slot takes no room), and when they must be accepted the checkbox with its message.
 */
export const rulesPart = ({ t }: Translator, need: boolean, accepted: boolean, error: boolean, toggle: (e: Event) => void) =>
  html`<slot name="rules"></slot>${need
    ? html`<div part="field rules"><label part="label rules-accept"><input part="rules-checkbox" id="rules" type="checkbox" .checked=${accepted} required
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'rules-error' : nothing} @change=${toggle} /> ${t('rulesAccept')}</label>
        ${error ? html`<p part="field-error" id="rules-error">${t('probRules')}</p>` : nothing}</div>`
    : nothing}`;
