import { html, type PropertyDeclarations } from 'lit';
import type { AuditEntry } from './api.ts';
import { downloadCsv } from './download.ts';
import { Panel, when } from './panel.ts';

/** A state as one short line of JSON (the full one is in the export). */
const state = (v: unknown) => {
  if (v === null || v === undefined) return '–';
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 159)}…` : s;
};

/** The audit log (owners): who changed what and when, before → after, page by page; the CSV export. */
export class TeamAudit extends Panel {
  static override properties: PropertyDeclarations = { ...Panel.properties, entries: { state: true }, next: { state: true } };
  declare entries: AuditEntry[] | undefined;
  declare next: number | undefined;

  load() {
    return this.read(async (api) => {
      const page = await api.audit();
      [this.entries, this.next] = [page.entries, page.next];
    });
  }

  private async more() {
    const api = this.api!;
    await this.attempt(async () => {
      const page = await api.audit(this.next);
      [this.entries, this.next] = [[...(this.entries ?? []), ...page.entries], page.next];
    }, 'Older entries added.');
  }

  override render() {
    const list = this.entries ?? [];
    return html`<h2>Audit log</h2>
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      <div class="actions">
        <button type="button" @click=${() => void this.load()}>Refresh</button>
        <button type="button" @click=${() => void this.attempt(() => downloadCsv(this.api!, '/export/audit.csv', 'kolo-audit.csv'), 'Downloaded kolo-audit.csv.')}>Audit log (CSV)</button>
      </div>
      ${list.length
        ? html`<div class="scroll" role="region" tabindex="0" aria-label="Audit log"><table class="audit">
              <caption>Every decision and setting change, newest first</caption>
              <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Target</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
              <tbody>
                ${list.map(
                  (e) => html`<tr data-action=${e.action}>
                    <td>${when(e.at)}</td>
                    <td>${e.actor} <span class="note">(${e.role})</span></td>
                    <th scope="row">${e.action}</th>
                    <td><code>${e.target}</code></td>
                    <td><code>${state(e.before)}</code></td>
                    <td><code>${state(e.after)}</code></td>
                  </tr>`,
                )}
              </tbody>
            </table></div>
            ${this.next ? html`<p class="more"><button type="button" @click=${() => void this.more()}>Show older</button></p>` : ''}`
        : html`<p class="empty">Nothing has been changed yet.</p>`}`;
  }
}
customElements.define('team-audit', TeamAudit);
