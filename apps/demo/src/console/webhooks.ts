import { html, nothing, type PropertyDeclarations } from 'lit';
import { EVENT_TYPES, WEBHOOK_LIMITS, type EventType } from '@kolo/core';
import type { Webhook } from './api.ts';
import { Panel, when } from './panel.ts';
import './webhook-log.ts';

const EVENT_WORDS: Record<EventType, string> = {
  'idea.submitted': 'An idea or question is submitted',
  'idea.status_changed': 'The team moves an idea or question',
  'question.answered': 'A question is answered',
  'poll.closed': 'A poll or A/B choice closes',
  'sla.breached': 'The oldest waiting item passes the reply target',
};

/** Webhooks (owners): where the server POSTs signed events; a new one's secret is shown once; pause, resume, delete; each one's delivery log. */
export class TeamWebhooks extends Panel {
  static override properties: PropertyDeclarations = { ...Panel.properties, webhooks: { state: true }, made: { state: true }, shown: { state: true } };
  declare webhooks: Webhook[] | undefined;
  /** the webhook just made, with its secret: shown once, until the next change */
  declare made: (Webhook & { secret: string }) | undefined;
  /** the webhook whose delivery log is open */
  declare shown: Webhook | undefined;

  load() {
    return this.read(async (api) => {
      this.webhooks = await api.webhooks();
      this.shown = this.webhooks.find((w) => w.id === this.shown?.id);
    });
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const url = String(data.get('url')).trim();
    const events = data.getAll('events').map(String) as EventType[];
    const api = this.api!;
    const ok = await this.attempt(async () => (this.made = await api.createWebhook(url, events)), `Added a webhook to ${url}. Copy its secret now: it is not shown again.`);
    if (!ok) return;
    form.reset();
    await this.load();
    await this.updateComplete;
    this.querySelector<HTMLInputElement>('#new-secret')?.select();
  }

  private async toggle(w: Webhook) {
    const api = this.api!;
    this.made = undefined;
    if (await this.attempt(() => api.setWebhookActive(w.id, !w.active), w.active ? `Paused ${w.url}: nothing is owed to it until it is resumed.` : `Resumed ${w.url}.`)) await this.load();
  }

  private async drop(w: Webhook) {
    if (!confirm(`Delete the webhook to ${w.url} and its delivery log?`)) return;
    const api = this.api!;
    this.made = undefined;
    if (await this.attempt(() => api.deleteWebhook(w.id), `Deleted the webhook to ${w.url}.`)) await this.load();
    this.querySelector<HTMLElement>('#webhooks-heading')?.focus();
  }

  private shownOnce() {
    const m = this.made;
    if (!m) return nothing;
    return html`<div class="made" role="group" aria-labelledby="made-hook-heading">
      <h3 id="made-hook-heading">The signing secret of <code>${m.url}</code></h3>
      <label>Secret, shown only now <input id="new-secret" readonly .value=${m.secret} /></label>
      <p class="note">Give it to the receiver: it checks each delivery's <code>Kolo-Signature</code> with it. Lost, delete the webhook and add it again.</p>
      <button type="button" @click=${() => (this.made = undefined)}>Done, hide it</button>
    </div>`;
  }

  private row(w: Webhook) {
    return html`<tr data-webhook=${w.url}>
      <th scope="row"><code>${w.url}</code></th>
      <td>${w.events.join(', ')}</td>
      <td>${w.active ? 'Active' : 'Paused'}</td>
      <td>${when(w.createdAt)}</td>
      <td class="actions">
        <button type="button" class="log" aria-pressed=${this.shown?.id === w.id ? 'true' : 'false'} @click=${() => (this.shown = this.shown?.id === w.id ? undefined : w)}>Deliveries</button>
        <button type="button" @click=${() => void this.toggle(w)}>${w.active ? 'Pause' : 'Resume'}</button>
        <button type="button" aria-label=${`Delete the webhook to ${w.url}`} @click=${() => void this.drop(w)}>Delete</button>
      </td>
    </tr>`;
  }

  override render() {
    return html`<h2 id="webhooks-heading" tabindex="-1">Webhooks</h2>
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      <p class="note">The server POSTs each chosen event to the address as signed JSON, and tries again with growing waits when the receiver fails.</p>
      <form class="make-webhook" @submit=${this.create}>
        <label>Address (https) <input name="url" type="url" required maxlength=${WEBHOOK_LIMITS.url} placeholder="https://example.com/kolo-hook" autocomplete="off" /></label>
        <fieldset>
          <legend>Events</legend>
          ${EVENT_TYPES.map((t) => html`<label><input type="checkbox" name="events" value=${t} ?checked=${t === 'idea.status_changed'} /> ${EVENT_WORDS[t]} <code>${t}</code></label>`)}
        </fieldset>
        <button type="submit">Add a webhook</button>
      </form>
      ${this.shownOnce()}
      ${this.webhooks?.length
        ? html`<div class="scroll" role="region" tabindex="0" aria-label="Webhooks"><table class="webhooks">
            <caption>Webhooks</caption>
            <thead><tr><th scope="col">Address</th><th scope="col">Events</th><th scope="col">State</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>${this.webhooks.map((w) => this.row(w))}</tbody>
          </table></div>`
        : html`<p class="empty">No webhooks yet.</p>`}
      ${this.shown ? html`<webhook-log .api=${this.api} .webhook=${this.shown}></webhook-log>` : nothing}`;
  }
}
customElements.define('team-webhooks', TeamWebhooks);
