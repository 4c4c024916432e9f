import { html, nothing, type PropertyDeclarations } from 'lit';
import type { IdeaPolicy, QuizQuestionRules, VotePolicy, WidgetRules } from '@kolo/core';
import type { AdminWidget } from './api.ts';
import { embedSnippet } from './embed.ts';
import { count, fields, Panel } from './panel.ts';

const KINDS = [
  ['poll', 'Poll'],
  ['choice', 'A/B choice'],
  ['reactions', 'Reactions'],
  ['quiz', 'Quiz'],
  ['ideas', 'Idea board'],
  ['questions', 'Questions (AMA)'],
  ['faq', 'FAQ card ("was this helpful?")'],
  ['changelog', 'Changelog ("you asked, we did")'],
] as const;
const isBoard = (kind: string) => kind === 'ideas' || kind === 'questions';
const list = (s: string | undefined) => (s ?? '').split(/[\n,]+/).map((x) => x.trim()).filter(Boolean);

/** A quiz's questions as lines the team can edit: `id: option, option = correct` (`id*:` when several may be chosen). */
export const quizLines = (questions: Record<string, QuizQuestionRules>) =>
  Object.entries(questions)
    .map(([id, q]) => `${id}${q.multiple ? '*' : ''}: ${q.options.join(', ')} = ${q.key.join(', ')}`)
    .join('\n');

export function parseQuizLines(text: string): Record<string, QuizQuestionRules> {
  const questions: Record<string, QuizQuestionRules> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^([^:*]+)(\*)?:\s*(.*?)\s*=\s*(.*)$/.exec(line);
    if (!m) throw new Error(`"${line}": write a question as  id: option, option = correct`);
    questions[m[1]!.trim()] = { options: list(m[3]), multiple: !!m[2], key: list(m[4]) };
  }
  return questions;
}

/** The rules the editor's fields describe, for a widget of `kind`. */
function rulesFrom(kind: string, f: Record<string, string>, form: HTMLFormElement): WidgetRules {
  const on = (name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)?.checked ?? false;
  if (kind === 'quiz') return { questions: parseQuizLines(f.questions ?? '') };
  if (kind === 'changelog') return { boards: list(f.boards) } as WidgetRules;
  if (isBoard(kind)) {
    const policy: IdeaPolicy = {
      moderated: on('moderated'),
      minFillMs: Number(f.minFill) * 1000,
      maxPerDay: Number(f.maxPerDay),
      titleMin: Number(f.titleMin),
      titleMax: Number(f.titleMax),
      detailsMax: Number(f.detailsMax),
      categories: list(f.categories),
      // left out when off, as pages write it (and sign it): a board that never required them keeps its policy
      ...(on('requireRules') ? { requireRules: true } : {}),
    };
    return { policy };
  }
  const policy: VotePolicy = { options: list(f.options), multiple: on('multiple'), change: on('change') };
  if (policy.multiple && f.max) policy.max = Number(f.max);
  if (f.closes) policy.closesAt = new Date(f.closes).toISOString();
  return { policy };
}

const DEFAULT_BOARD: IdeaPolicy = { moderated: true, minFillMs: 3000, maxPerDay: 5, titleMin: 8, titleMax: 140, detailsMax: 2000, categories: [] };
/** `2026-12-31T18:00` in the browser's time zone, for a datetime-local field. */
const local = (iso: string | undefined) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '');

/**
 * Widgets: what the server runs. In production a widget takes actions only once it is registered here
 * (or by `kolo-server register`, or a signed definition); its rules change only here, never from a page.
 */
export class TeamWidgets extends Panel {
  static override properties: PropertyDeclarations = { ...Panel.properties, widgets: { state: true }, editing: { state: true }, snippet: { state: true } };
  declare widgets: AdminWidget[] | undefined;
  /** the widget whose rules are open in the editor (a new one has no rules) */
  declare editing: { kind: string; id: string; rules: WidgetRules | null } | undefined;
  /** the embed snippet shown for a widget */
  declare snippet: { widget: string; html: string } | undefined;

  load() {
    return this.read(async (api) => {
      this.widgets = await api.widgets();
    });
  }

  private async open(w: { kind: string; id: string; rules: WidgetRules | null }) {
    this.editing = w;
    this.snippet = undefined;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#widget-editor-heading')?.focus();
  }

  private create(e: SubmitEvent) {
    e.preventDefault();
    const f = fields(e.target as HTMLFormElement);
    void this.open({ kind: f.kind!, id: f.id!.trim(), rules: null });
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const { kind, id } = this.editing!;
    const api = this.api!;
    const ok = await this.attempt(() => api.define(kind, id, rulesFrom(kind, fields(form), form)), `Saved the rules of ${kind} ${id}.`);
    if (!ok) return;
    this.editing = undefined;
    await this.load();
    const saved = this.widgets?.find((w) => w.kind === kind && w.id === id);
    if (saved?.rules) this.showSnippet(saved);
  }

  private async showSnippet(w: AdminWidget) {
    this.snippet = { widget: `${w.kind}:${w.id}`, html: embedSnippet(w.kind, w.id, w.rules!, this.api!.endpoint) };
    await this.updateComplete;
    this.querySelector<HTMLElement>('#snippet-heading')?.focus();
  }

  private summary(w: AdminWidget) {
    const r = w.rules;
    if (!r) return html`<strong>not registered</strong> (refused in production)`;
    if ('questions' in r) return `${Object.keys(r.questions).length} questions with their answers`;
    if ('boards' in r) return `lists what shipped on ${r.boards.join(', ')}`;
    const p = r.policy as Partial<VotePolicy & IdeaPolicy>;
    if (isBoard(w.kind)) return `${p.moderated ? 'moderated' : 'published at once'}, ${p.maxPerDay} per person a day${p.requireRules ? ', community rules required' : ''}`;
    return `${p.options!.join(', ')}${p.multiple ? ' (several)' : ''}${p.change ? ', changeable' : ''}${p.closesAt ? `, closes ${new Date(p.closesAt).toLocaleString('en-GB')}` : ''}`;
  }

  private editor() {
    const { kind, id, rules } = this.editing!;
    const vote = (rules && 'policy' in rules ? rules.policy : undefined) as Partial<VotePolicy> | undefined;
    const board = ((rules && 'policy' in rules ? rules.policy : undefined) ?? DEFAULT_BOARD) as IdeaPolicy;
    const number = (name: string, label: string, value: number, max: number) =>
      html`<label>${label} <input name=${name} type="number" min="0" max=${max} required .value=${String(value)} /></label>`;
    const fieldsOf = () => {
      if (kind === 'changelog')
        return html`<label>Boards it lists (comma-separated <code>ideas:id</code> or <code>questions:id</code>)
          <input name="boards" required .value=${(rules && 'boards' in rules ? rules.boards : []).join(', ')} /></label>`;
      if (kind === 'quiz')
        return html`<label>Questions, one per line: <code>id: option, option = correct</code> (<code>id*:</code> when several may be chosen)
            <textarea name="questions" rows="6" required .value=${rules && 'questions' in rules ? quizLines(rules.questions) : ''}></textarea></label>`;
      if (isBoard(kind))
        return html`<label class="check"><input type="checkbox" name="moderated" .checked=${board.moderated} /> New ${kind === 'ideas' ? 'ideas' : 'questions'} wait for a moderator</label>
          <label class="check"><input type="checkbox" name="requireRules" .checked=${!!board.requireRules} /> Require the community rules (people tick “I have read the community rules” before sending)</label>
          ${number('minFill', 'Least seconds to fill in the form', board.minFillMs / 1000, 3600)} ${number('maxPerDay', 'Most per person a day', board.maxPerDay, 1000)}
          ${number('titleMin', 'Shortest title', board.titleMin, 300)} ${number('titleMax', 'Longest title', board.titleMax, 300)}
          ${number('detailsMax', 'Longest details', board.detailsMax, 10000)}
          <label>Category ids (comma-separated) <input name="categories" .value=${board.categories.join(', ')} /></label>
          <p class="note">Pages cannot say the title and details limits: <code>kolo-server register</code> sets the defaults (8–140, 2000) again for a board it reads from a page, and the community rules only when its form has <code>require-rules</code>. A form whose page does not say so asks for them once the server refuses an idea without them.</p>`;
      return html`<label>Option ids, in order (comma-separated) <input name="options" required .value=${(vote?.options ?? (kind === 'faq' ? ['yes', 'no'] : [])).join(', ')} /></label>
        <label class="check"><input type="checkbox" name="multiple" .checked=${!!vote?.multiple} /> Several options per person</label>
        <label>Most options per person (with several) <input name="max" type="number" min="1" max="100" .value=${vote?.max ? String(vote.max) : ''} /></label>
        <label class="check"><input type="checkbox" name="change" .checked=${!!vote?.change} /> People may change their answer</label>
        <label>Closes (your time zone; empty: never) <input name="closes" type="datetime-local" .value=${local(vote?.closesAt)} /></label>`;
    };
    return html`<form class="respond widget-editor" aria-labelledby="widget-editor-heading" @submit=${this.save}>
      <h3 id="widget-editor-heading" tabindex="-1">${rules ? 'Edit' : 'Register'} ${kind} ${id}</h3>
      ${fieldsOf()}
      <div class="actions">
        <button type="submit">Save rules</button>
        <button type="button" @click=${() => (this.editing = undefined)}>Cancel</button>
      </div>
    </form>`;
  }

  override render() {
    return html`<h2>Widgets</h2>
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      <p class="note">In production a widget takes votes, answers and ideas only once it is registered: here, with <code>kolo-server register</code> from your pages, or by a signed definition. Its rules change only here.</p>
      <form class="inline" aria-label="Register a widget" @submit=${this.create}>
        <label>Kind <select name="kind">${KINDS.map(([k, label]) => html`<option value=${k}>${label}</option>`)}</select></label>
        <label>Id <input name="id" required maxlength="80" pattern="[\\p{L}\\p{N}][\\p{L}\\p{N}_.:\\-]*" /></label>
        <button type="submit">Register a widget</button>
      </form>
      ${this.editing ? this.editor() : nothing}
      ${this.snippet
        ? html`<section class="snippet" aria-labelledby="snippet-heading">
            <h3 id="snippet-heading" tabindex="-1">Embed ${this.snippet.widget}</h3>
            <p class="note">Paste it where the widget goes and write the question and the labels; the ids must stay as they are.</p>
            <pre tabindex="0" aria-label="The embed snippet"><code>${this.snippet.html}</code></pre>
            <button type="button" @click=${() => void this.attempt(() => navigator.clipboard.writeText(this.snippet!.html), 'Copied the snippet.')}>Copy the snippet</button>
          </section>`
        : nothing}
      ${this.widgets?.length
        ? html`<div class="scroll" role="region" tabindex="0" aria-label="Registered widgets"><table class="widgets">
            <thead><tr><th scope="col">Widget</th><th scope="col">Rules</th><th scope="col">People</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${this.widgets.map(
                (w) => html`<tr data-widget=${`${w.kind}:${w.id}`}>
                  <th scope="row">${w.kind} ${w.id}</th>
                  <td>${this.summary(w)}</td>
                  <td>${count(w.voters)}</td>
                  <td class="actions">
                    <button type="button" aria-label=${`Edit the rules of ${w.kind} ${w.id}`} @click=${() => void this.open(w)}>Edit</button>
                    ${w.rules ? html`<button type="button" aria-label=${`Embed snippet of ${w.kind} ${w.id}`} @click=${() => void this.showSnippet(w)}>Embed</button>` : nothing}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p class="empty">No widget yet.</p>`}`;
  }
}
customElements.define('team-widgets', TeamWidgets);
