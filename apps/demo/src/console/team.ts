import { html, nothing, type PropertyDeclarations } from 'lit';
import { ROLES, type Role } from '@kolo/core';
import type { TeamToken } from './api.ts';
import { fields, Panel, when } from './panel.ts';

const ROLE_WORDS: Record<Role, string> = {
  owner: 'Owner: everything',
  moderator: 'Moderator: queue, ideas, bans, stop words',
  analyst: 'Analyst: metrics and exports, read-only',
};

/** The team (owners only): named admin tokens with a role; a new token is shown once; revoke one. */
export class TeamTokens extends Panel {
  static override properties: PropertyDeclarations = { ...Panel.properties, tokens: { state: true }, made: { state: true } };
  declare tokens: TeamToken[] | undefined;
  /** the token just made: shown once, until the next change */
  declare made: (TeamToken & { token: string }) | undefined;

  load() {
    return this.read(async (api) => {
      this.tokens = await api.tokens();
    });
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = fields(form);
    const api = this.api!;
    const ok = await this.attempt(async () => (this.made = await api.createToken(f.name!.trim(), f.role as Role)), `Made the token “${f.name!.trim()}”. Copy it now: it is not shown again.`);
    if (!ok) return;
    form.reset();
    await this.load();
    await this.updateComplete;
    this.querySelector<HTMLInputElement>('#new-token')?.select();
  }

  private async revoke(t: TeamToken) {
    if (!confirm(`Revoke “${t.name}”? Whoever holds it is signed out at once.`)) return;
    const api = this.api!;
    this.made = undefined;
    if (await this.attempt(() => api.revokeToken(t.id), `Revoked “${t.name}”.`)) await this.load();
    this.querySelector<HTMLElement>('#team-heading')?.focus();
  }

  private shownOnce() {
    const m = this.made;
    if (!m) return nothing;
    return html`<div class="made" role="group" aria-labelledby="made-heading">
      <h3 id="made-heading">The token of “${m.name}” (${m.role})</h3>
      <label>Token, shown only now <input id="new-token" readonly .value=${m.token} /></label>
      <p class="note">Hand it over privately. The server keeps only a hash of it; lost, it can only be revoked and made again.</p>
      <button type="button" @click=${() => (this.made = undefined)}>Done, hide it</button>
    </div>`;
  }

  override render() {
    return html`<h2 id="team-heading" tabindex="-1">Team</h2>
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      <p class="note">Each person gets a named token with a role. The server's own <code>KOLO_ADMIN_TOKEN</code> is always an owner.</p>
      <form class="make-token" @submit=${this.create}>
        <label>Name <input name="name" required maxlength="60" autocomplete="off" /></label>
        <label
          >Role
          <select name="role">
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === 'moderator'}>${ROLE_WORDS[r]}</option>`)}
          </select></label
        >
        <button type="submit">Make a token</button>
      </form>
      ${this.shownOnce()}
      ${this.tokens?.length
        ? html`<div class="scroll" role="region" tabindex="0" aria-label="Team tokens"><table class="tokens">
            <caption>Tokens in use</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Made</th><th scope="col">Last used</th><th scope="col"><span class="sr-only">Revoke</span></th></tr></thead>
            <tbody>
              ${this.tokens.map(
                (t) => html`<tr data-token=${t.name}>
                  <th scope="row">${t.name}</th>
                  <td>${t.role}</td>
                  <td>${when(t.createdAt)}</td>
                  <td>${t.lastUsedAt ? when(t.lastUsedAt) : 'never'}</td>
                  <td><button type="button" aria-label=${`Revoke ${t.name}`} @click=${() => void this.revoke(t)}>Revoke</button></td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
        : html`<p class="empty">No named tokens yet.</p>`}`;
  }
}
customElements.define('team-tokens', TeamTokens);
