import { html, nothing, type PropertyDeclarations } from 'lit';
import {
  checkIdea,
  cleanDraft,
  ideaFormMessages,
  ideaPolicy,
  ideasMessages,
  ideaWidget,
  parseIdeaBoard,
  readIdeaBoard,
  similarPart,
  type Idea,
  type IdeaBoardConfig,
  type IdeaDraft,
  type IdeaPolicy,
  type WidgetKind,
} from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { focusAfterRender } from '../../base/focus.ts';
import { KoloIdeaElement } from '../../ideas/idea-element.ts';
import { IdeaController } from '../../ideas/idea-controller.ts';
import { ideaError } from '../../ideas/idea-parts.ts';
import { heading } from '../../base/heading.ts';
import { loadError } from '../../base/parts.ts';
import { KoloSubmitEvent, KoloSubmittedEvent } from '../../events/kolo-submit.ts';
import { tokens } from '../../styles/tokens.ts';
import { ideaStyles } from '../../ideas/idea.styles.ts';
import { headingStyles } from '../../styles/heading.ts';
import { ideaFormStyles } from './idea-form.styles.ts';
import { categorySelect, detailsArea, field, FIELDS, honeypot, problemText, rulesPart, textInput, type Editing, type Field } from './form-fields.ts';
import { similarFrom, similarList } from './similar-list.ts';
import { sendActions, thanksPart } from './form-end.ts';

/** The draft's problems, and `rules` when the community rules must be accepted and are not. */
type Problems = ReturnType<typeof checkIdea> & { rules?: 1 };
const DAY = 24 * 3600 * 1000;

/**
 * A form to suggest an idea, or (`kind="question"`) to ask a question for an AMA. While the person
 * types a title, existing ideas with similar titles are offered to upvote instead. Anti-spam signals
 * (a hidden honeypot field, the time taken to fill the form) go to the adapter, which also enforces a
 * per-person daily limit. After sending, a thank-you says whether the idea is public or waits for
 * moderation, and the next step (e.g. the board) is offered.
 *
 * Author in HTML: the first heading is the form's heading, the first paragraph a description, a list
 * marked `data-categories` gives the categories (`data-value` ids), `a[data-next-step]` the link shown
 * after sending. The community rules: a child with `slot="rules"` (a short summary and a link to them,
 * the site's own HTML, shown as it is above the send button); with `require-rules` the person must tick "I have read the community rules" before
 * sending (a server whose team requires them refuses without it, and the form then asks for it too).
 * Or set `.config` (see `IdeaBoardConfig`). Use the same `board-id` as the board.
 *
 * @summary Idea or question form with inline validation, similar-idea suggestions and anti-spam.
 * @tag kolo-idea-form
 *
 * @event kolo-submit - Before an idea is sent; cancelable. `detail: { id, idea }`.
 * @event kolo-submitted - The adapter accepted the idea. `detail: { id, idea }` (`idea.status` is `pending` when moderated).
 * @event kolo-upvote - Before an upvote of a similar idea is sent; cancelable. `detail: { id, idea, on }`.
 * @event kolo-change - The board's ideas or upvotes changed. `detail: { id, tally, source }`.
 * @event kolo-next-step - The next-step link was followed; cancelable. `detail: { id, href }`.
 *
 * @csspart base - The form (or the thank-you block), the card (padding, border, radius, background, color, type; a page CSS reset cannot strip them): restyle it here.
 * @csspart heading - The heading.
 * @csspart description - The optional description.
 * @csspart field - A label, its input, hint and error.
 * @csspart label - A field's label.
 * @csspart input - A text input, text area or select.
 * @csspart hint - A field's hint.
 * @csspart field-error - A field's validation message.
 * @csspart similar - The list of similar ideas.
 * @csspart similar-idea - One similar idea.
 * @csspart status - A status badge; also `status-<status>`.
 * @csspart upvote-button - "Upvote this instead".
 * @csspart submit-button - The submit button.
 * @csspart actions - The row with the submit button and its hint.
 * @csspart thanks - The thank-you block.
 * @csspart another-button - Starts a new idea after sending.
 * @csspart error - An error message (load failure, refused submission, invalid content, the daily limit reached).
 * @csspart retry-button - Loads again after a failure.
 * @csspart next-step - The call-to-action link after sending.
 * @csspart rules - The "I have read the community rules" checkbox with its message (also a `field`).
 * @csspart rules-accept - The label of the "I have read the community rules" checkbox (also a `label`).
 * @csspart rules-checkbox - That checkbox.
 *
 * @slot rules - The community rules in short, with a link to them (e.g. `<p slot="rules">Be kind. <a href="/rules">Community rules</a></p>`).
 *
 * @cssproperty --kolo-color-accent - Accent color (buttons, focus ring).
 * @cssproperty --kolo-color-danger - Validation messages.
 * @cssproperty --kolo-color-surface - Background.
 * @cssproperty --kolo-color-text - Text color.
 * @cssproperty --kolo-radius - Corner radius.
 *
 * @cssstate loading - The board is loading.
 * @cssstate ready - Loaded.
 * @cssstate error - Loading failed.
 * @cssstate invalid - The content is invalid; an error is shown instead.
 * @cssstate pending - An idea is being sent.
 * @cssstate sent - The thank-you is shown.
 * @cssstate limit - This person has sent as many ideas as allowed today.
 */
export class KoloIdeaForm extends KoloIdeaElement {
  static override messageBundles = [ideaFormMessages, ideasMessages, ...KoloElement.messageBundles];
  static override styles = [tokens, headingStyles, ideaStyles, ideaFormStyles];
  static override properties: PropertyDeclarations = {
    minFillSeconds: { type: Number, attribute: 'min-fill-seconds' },
    requireRules: { type: Boolean, attribute: 'require-rules' },
  };

  /** Seconds a person needs at least to fill in the form; faster sends are refused as automated (default 3). */
  declare minFillSeconds: number | undefined;
  /** The person must accept the community rules before sending (the board's policy says so to the adapter). */
  declare requireRules: boolean;

  protected get widgetKind(): WidgetKind {
    return ideaWidget({ id: '', kind: this.ideas.config?.kind }).kind;
  }

  private readonly ideas = new IdeaController(this, {
    read: () => readIdeaBoard(this, this),
    parse: parseIdeaBoard,
    ...this.hooks(),
  }, () => {
    // new content for the same board (say, relabelled categories) keeps what the person wrote
    const board = JSON.stringify(ideaWidget(this.ideas.config!));
    if (board !== this.board) this.clear(), (this.rulesNeeded = false);
    this.board = board;
  }, similarPart);
  private board = '';
  private draft: Required<IdeaDraft> = { title: '', details: '', category: '', contact: '' };
  private touched = new Set<Field>();
  private tried = false;
  private startedAt?: Date;
  private sent?: Idea;
  /** The adapter refused an idea for the daily limit (kept: an upvote after it clears the error). */
  private limited = false;
  /**
   * The community rules must be accepted: the board's policy says so, or the adapter refused an idea
   * without their acceptance (a server's team may require them whatever the page says).
   */
  private rulesNeeded = false;
  private accepted = false;

  /** An empty form (after sending, or when another board is shown). */
  private clear(): void {
    this.sent = undefined;
    this.draft = { title: '', details: '', category: '', contact: '' };
    this.touched = new Set();
    this.tried = this.limited = this.accepted = false;
    this.startedAt = undefined;
  }

  private readonly edit = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    if (!this.startedAt) {
      this.startedAt = new Date();
      this.signal('interact');
    }
    this.draft = { ...this.draft, [input.name]: input.value };
    const title = this.draft.title.trim();
    if (input.name === 'title' && similarFrom(title)) this.ideas.store?.similar(title);
    this.requestUpdate();
  };

  private readonly leave = (e: Event): void => {
    const name = (e.target as HTMLInputElement).name as Field;
    if (this.draft[name]) this.touched.add(name);
    this.requestUpdate();
  };

  private readonly accept = (e: Event): void => {
    this.accepted = (e.target as HTMLInputElement).checked;
    this.requestUpdate();
  };

  /** The draft's problems, and the community rules when they must be accepted and are not. */
  private problems(policy: IdeaPolicy): Problems {
    const problems: Problems = checkIdea(this.draft, policy);
    if (this.rulesNeeded && !this.accepted) problems.rules = 1;
    return problems;
  }

  private async submit(e: Event, cfg: IdeaBoardConfig): Promise<void> {
    e.preventDefault();
    const store = this.ideas.store;
    if (!store) return;
    this.tried = true;
    const problems = this.problems(ideaPolicy(cfg));
    const first = FIELDS.find((f) => problems[f]);
    if (first) {
      this.requestUpdate();
      return focusAfterRender(this, `#${first}`);
    }
    const draft = cleanDraft(this.draft);
    if (!this.dispatchEvent(new KoloSubmitEvent({ id: cfg.id, idea: draft }))) return;
    this.signal('submit', draft.category ? { category: draft.category } : undefined);
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>('[name="website"]')?.value ?? '';
    const idea = await store.submit(draft, { honeypot, startedAt: this.startedAt ?? new Date(), rulesAccepted: this.accepted });
    // refused for the rules the page did not know about: their checkbox, now shown and marked
    if (!idea) return focusAfterRender(this, '#limit,#rules[aria-invalid=true],[part~="submit-button"]');
    this.sent = idea;
    this.dispatchEvent(new KoloSubmittedEvent({ id: cfg.id, idea }));
    this.requestUpdate();
    focusAfterRender(this, '[part~="heading"]');
  }

  private readonly another = (): void => {
    this.clear();
    this.requestUpdate();
    focusAfterRender(this, '#limit,#title');
  };

  /**
   * The fields (similar ideas under the title), their messages shown once a field was left or a send
   * tried; disabled while sending or at the daily limit, but not the similar ideas between them:
   * upvoting one instead does not count against the limit.
   */
  private fields(cfg: IdeaBoardConfig, policy: IdeaPolicy, problems: Problems, limit: boolean) {
    const i18n = this.i18n;
    const { t } = i18n;
    const view = this.ideas.view;
    const question = cfg.kind === 'question';
    const shown = (f: Field) => (this.tried || this.touched.has(f) ? problemText(i18n, problems[f], f, policy) : '');
    const editing: Editing = { draft: this.draft, edit: this.edit, leave: this.leave };
    const off = limit || view.pending === 'submit';
    return html`<div class="fields"><fieldset ?disabled=${off}>
      ${field('title', t(question ? 'titleQuestion' : 'titleIdea'), textInput('title', editing), shown('title'), t('titleHint', { min: policy.titleMin, max: policy.titleMax }))}
      </fieldset>
      ${similarList(i18n, cfg, view, this.draft.title.trim(), (id, on) => this.ideas.upvote(id, on))}
      <fieldset ?disabled=${off}>
      ${field('details', t('details'), detailsArea(editing), shown('details'))}
      ${cfg.categories?.length ? field('category', t('category'), categorySelect(i18n, cfg.categories, editing), shown('category')) : nothing}
      ${field('contact', t('contact'), textInput('contact', editing, 'email', 'email'), shown('contact'), t('contactHint'))}
      ${honeypot}
    </fieldset></div>`;
  }

  protected override render() {
    const i18n = this.i18n;
    const { t } = i18n;
    const cfg = this.ideas.config;
    if (!cfg) return this.invalid();
    const view = this.ideas.view;
    const policy = ideaPolicy(cfg);
    const ideas = view.tally.ideas ?? [];
    // the daily limit is known from this person's ideas of the last day, or from the adapter refusing one
    const limit =
      !this.sent && ((this.limited ||= view.error?.reason === 'limit') || ideas.filter((i) => i.own && Date.now() - Date.parse(i.createdAt) < DAY).length >= policy.maxPerDay);
    this.setStates({ loading: view.status === 'loading', ready: view.status === 'ready', error: view.status === 'error', pending: view.pending === 'submit', sent: !!this.sent, limit });
    if (this.sent) return thanksPart(this, i18n, cfg, this.sent, (href) => this.ideas.signal('next-step', { href }), this.another);

    const refused = view.error?.reason === 'rules-required';
    this.rulesNeeded ||= refused || !!policy.requireRules;
    const problems = this.problems(policy);
    return html`<form part="base" aria-labelledby="heading" novalidate @submit=${(e: Event) => this.submit(e, cfg)} aria-busy=${view.status === 'loading' ? 'true' : 'false'}>
      ${heading(this, cfg.heading ?? t(cfg.kind === 'question' ? 'formQuestion' : 'formIdea'))}
      ${cfg.description ? html`<p part="description">${cfg.description}</p>` : nothing}
      ${view.status === 'error' ? loadError(i18n, () => this.ideas.reload()) : nothing}
      ${limit ? html`<p part="error" id="limit" role="status" tabindex="-1">${t('limit')}</p>` : nothing}
      ${this.fields(cfg, policy, problems, limit)}
      ${this.tried && Object.keys(problems).length ? html`<p part="error" role="alert">${t('fixFields')}</p>` : nothing}
      ${limit
        ? nothing
        : [
            rulesPart(i18n, this.rulesNeeded, this.accepted, this.tried && !!problems.rules, this.accept),
            // a refusal for the rules is said by their checkbox and the alert above
            refused ? nothing : ideaError(i18n, view),
            sendActions(i18n, cfg, view),
          ]}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-idea-form': KoloIdeaForm;
  }
}
