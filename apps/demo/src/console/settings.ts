import { html, nothing, type PropertyDeclarations } from 'lit';
import { roleAllows } from '@kolo/core';
import type { AdminWidget, Ban } from './api.ts';
import { downloadCsv } from './download.ts';
import { count, fields, Panel, when } from './panel.ts';

const LANGS = [
  ['en', 'English'],
  ['uk', 'Ukrainian'],
] as const;

/** Anti-spam: slow mode per widget, bans, and the site's stop words. */
export class TeamSafety extends Panel {
  static override properties: PropertyDeclarations = { ...Panel.properties, widgets: { state: true }, banList: { state: true }, words: { state: true } };
  declare widgets: AdminWidget[] | undefined;
  declare banList: Ban[];
  declare words: Record<string, string[]>;

  constructor() {
    super();
    this.banList = [];
    this.words = {};
  }

  load() {
    return this.read(async (api) => {
      [this.widgets, this.banList] = await Promise.all([api.widgets(), api.bans()]);
      this.words = Object.fromEntries(await Promise.all(LANGS.map(async ([l]) => [l, await api.stopWords(l)] as const)));
    });
  }

  private async slow(e: SubmitEvent, w: AdminWidget) {
    e.preventDefault();
    const s = Number(fields(e.target as HTMLFormElement).seconds);
    const api = this.api!;
    if (await this.attempt(() => api.slowMode(w, s), s ? `Slow mode on ${w.kind} ${w.id}: one action per person every ${s} s.` : `Slow mode off on ${w.kind} ${w.id}.`)) await this.load();
  }

  private async ban(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = fields(form);
    const api = this.api!;
    const ok = await this.attempt(async () => {
      // the server never stores addresses: an IP ban is on the address's salted hash
      const value = f.type === 'ip' ? await api.ipHash(f.value!.trim()) : f.value!.trim();
      await api.ban({ type: f.type as Ban['type'], value, ...(f.reason ? { reason: f.reason } : {}), ...(f.until ? { until: new Date(`${f.until}T00:00`).toISOString() } : {}) });
    }, `Banned ${f.type === 'ip' ? 'the address' : 'voter'} ${f.value}.`);
    if (ok) {
      form.reset();
      await this.load();
    }
  }

  private async unban(b: Ban) {
    const api = this.api!;
    if (await this.attempt(() => api.unban(b), `Lifted the ban on ${b.value}.`)) await this.load();
    this.querySelector<HTMLElement>('#ban-heading')?.focus();
  }

  private async saveWords(e: SubmitEvent, lang: string) {
    e.preventDefault();
    const words = (fields(e.target as HTMLFormElement).words ?? '').split('\n').map((w) => w.trim()).filter(Boolean);
    const api = this.api!;
    await this.attempt(async () => (this.words = { ...this.words, [lang]: await api.stopWords(lang, words) }), `Saved ${words.length} stop words (${lang}).`);
  }

  override render() {
    return html`<h2>Anti-spam</h2>
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      <h3>Slow mode</h3>
      <p class="note">At most one action per person per widget every so many seconds (0 is off). Rate limits, the honeypot and the minimum fill time always apply.</p>
      ${this.widgets?.length
        ? html`<div class="scroll" role="region" tabindex="0" aria-label="Slow mode per widget"><table class="slow">
            <thead><tr><th scope="col">Widget</th><th scope="col">People</th><th scope="col">Slow mode (seconds)</th></tr></thead>
            <tbody>
              ${this.widgets.map(
                (w) => html`<tr data-widget=${`${w.kind}:${w.id}`}>
                  <th scope="row">${w.kind} ${w.id}</th>
                  <td>${count(w.voters)}</td>
                  <td>
                    <form class="inline" @submit=${(e: SubmitEvent) => void this.slow(e, w)}>
                      <input name="seconds" type="number" min="0" max="86400" required .value=${String(w.slowSeconds)} aria-label=${`Slow mode of ${w.kind} ${w.id}, seconds`} />
                      <button type="submit" aria-label=${`Save slow mode of ${w.kind} ${w.id}`}>Save</button>
                    </form>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p class="empty">No widget has been used yet.</p>`}

      <h3 id="ban-heading" tabindex="-1">Bans</h3>
      <form class="ban" @submit=${this.ban}>
        <label>Ban <select name="type"><option value="voter">a voter id</option><option value="ip">an IP address</option></select></label>
        <label>Voter id or address <input name="value" required maxlength="200" /></label>
        <label>Reason <input name="reason" maxlength="500" /></label>
        <label>Until (empty: until lifted) <input name="until" type="date" /></label>
        <button type="submit">Ban</button>
      </form>
      ${this.banList.length
        ? html`<ul class="bans">
            ${this.banList.map(
              (b) => html`<li data-ban=${b.value}>
                ${b.type === 'ip' ? 'Address hash' : 'Voter'} <code>${b.value}</code>${b.reason ? html` · ${b.reason}` : nothing} · ${b.until ? `until ${when(b.until)}` : 'until lifted'}
                <button type="button" aria-label=${`Lift the ban on ${b.value}`} @click=${() => void this.unban(b)}>Lift</button>
              </li>`,
            )}
          </ul>`
        : html`<p class="empty">Nobody is banned.</p>`}

      <h3>Stop words</h3>
      <p class="note">Ideas and questions containing one of these words (one per line, whole words) are refused.</p>
      <div class="words">
        ${LANGS.map(
          ([l, name]) => html`<form @submit=${(e: SubmitEvent) => void this.saveWords(e, l)}>
            <label>${name} <textarea name="words" rows="5" .value=${(this.words[l] ?? []).join('\n')}></textarea></label>
            <button type="submit">Save ${name} stop words</button>
          </form>`,
        )}
      </div>`;
  }
}
customElements.define('team-safety', TeamSafety);

/** Export: results and ideas as CSV files, downloaded with the admin token. */
export class TeamExport extends Panel {
  async load() {}

  private async download(path: string, name: string) {
    const api = this.api!;
    await this.attempt(() => downloadCsv(api, path, name), `Downloaded ${name}.`);
  }

  override render() {
    return html`<h2>Export</h2>
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      <p>CSV files for a spreadsheet (UTF-8). Text people wrote never runs as a formula.</p>
      <div class="actions">
        <button type="button" @click=${() => void this.download('/export/results.csv', 'kolo-results.csv')}>Results (CSV)</button>
        <button
          type="button"
          @click=${() => {
            const contact = this.querySelector<HTMLInputElement>('#export-contact')?.checked ?? false;
            void this.download(`/export/ideas.csv${contact ? '?contact=1' : ''}`, 'kolo-ideas.csv');
          }}
        >
          Ideas and questions (CSV)
        </button>
        ${this.member && roleAllows(this.member.role, 'moderator')
          ? html`<label class="check"><input type="checkbox" id="export-contact" /> with the contacts people left</label>`
          : html`<p class="note">Without who wrote each one and the contacts people left (moderators and owners export those).</p>`}
      </div>`;
  }
}
customElements.define('team-export', TeamExport);
