import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { DeliveryInfo as Delivery } from '@kolo/core';
import type { Webhook } from './api.ts';
import { Panel, when } from './panel.ts';

const STATUS_WORDS: Record<Delivery['status'], string> = { pending: 'Waiting', delivered: 'Delivered', failed: 'Gave up' };

/** A webhook's delivery log (owners): the newest deliveries, page by page, each with a replay. */
export class WebhookLog extends Panel {
  static override properties: PropertyDeclarations = { ...Panel.properties, webhook: { attribute: false }, deliveries: { state: true }, next: { state: true } };
  declare webhook: Webhook | undefined;
  declare deliveries: Delivery[] | undefined;
  declare next: string | undefined;

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('webhook')) void this.load();
  }

  async load() {
    if (!this.webhook) return;
    await this.read(async (api) => {
      const page = await api.deliveries(this.webhook!.id);
      [this.deliveries, this.next] = [page.deliveries, page.next];
    });
  }

  private async more() {
    const [api, w] = [this.api!, this.webhook!];
    await this.attempt(async () => {
      const page = await api.deliveries(w.id, this.next);
      [this.deliveries, this.next] = [[...(this.deliveries ?? []), ...page.deliveries], page.next];
    }, 'Older deliveries added.');
  }

  private async replay(d: Delivery) {
    const [api, w] = [this.api!, this.webhook!];
    if (await this.attempt(() => api.replay(w.id, d.id), `Delivery ${d.id} will be sent again now.`)) await this.load();
  }

  override render() {
    const list = this.deliveries ?? [];
    return html`<h3 id="log-heading">Deliveries to <code>${this.webhook?.url}</code></h3>
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      <div class="actions"><button type="button" @click=${() => void this.load()}>Refresh</button></div>
      ${list.length
        ? html`<div class="scroll" role="region" tabindex="0" aria-label="Deliveries"><table class="deliveries" aria-labelledby="log-heading">
              <thead><tr><th scope="col">Made</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Next attempt</th><th scope="col"><span class="sr-only">Replay</span></th></tr></thead>
              <tbody>
                ${list.map(
                  (d) => html`<tr data-delivery=${d.id} data-status=${d.status}>
                    <td>${when(d.createdAt)}</td>
                    <th scope="row"><code>${d.type}</code></th>
                    <td>${STATUS_WORDS[d.status]}</td>
                    <td>${d.attempts}</td>
                    <td>${d.lastCode ?? ''} ${d.lastError ?? (d.lastCode ? '' : '–')}</td>
                    <td>${d.nextAt ? when(d.nextAt) : '–'}</td>
                    <td><button type="button" class="replay" aria-label=${`Replay delivery ${d.id} (${d.type})`} ?disabled=${d.status === 'pending'} @click=${() => void this.replay(d)}>Replay</button></td>
                  </tr>`,
                )}
              </tbody>
            </table></div>
            ${this.next ? html`<p class="more"><button type="button" @click=${() => void this.more()}>Show older</button></p>` : ''}`
        : html`<p class="empty">Nothing sent yet: deliveries appear when a chosen event happens.</p>`}`;
  }
}
customElements.define('webhook-log', WebhookLog);
