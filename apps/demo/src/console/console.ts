import { html, LitElement, type PropertyDeclarations } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { roleAllows, type Role } from '@kolo/core';
import { AdminApi, AdminError, type Member } from './api.ts';
import type { Panel } from './panel.ts';
import './queue.ts';
import './boards.ts';
import './metrics.ts';
import './settings.ts';
import './widgets.ts';
import './team.ts';
import './service.ts';
import './audit.ts';
import './webhooks.ts';

/** The tabs, each with the least role that may use it (the server's rules: packages/server/src/http/admin-rules.ts). */
const TABS = [
  ['queue', 'Moderation queue', 'team-queue', 'moderator'],
  ['ideas', 'Ideas and questions', 'team-boards', 'moderator'],
  ['metrics', 'Metrics', 'team-metrics', 'analyst'],
  ['safety', 'Anti-spam', 'team-safety', 'moderator'],
  ['export', 'Export', 'team-export', 'analyst'],
  ['widgets', 'Widgets', 'team-widgets', 'owner'],
  ['team', 'Team', 'team-tokens', 'owner'],
  ['service', 'Service level', 'team-service', 'owner'],
  ['audit', 'Audit log', 'team-audit', 'owner'],
  ['webhooks', 'Webhooks', 'team-webhooks', 'owner'],
] as const satisfies readonly (readonly [string, string, string, Role])[];
type Tab = (typeof TABS)[number][0];
const SESSION = 'kolo-console:session';

/**
 * The team console: sign in with the server's admin token (kept for this tab's session only), then
 * tabs for the moderation queue, ideas and questions, metrics, anti-spam, export, the widgets the server runs,
 * the team's tokens, the service level, the audit log and webhooks: only those the token's role may use (the server says who it is).
 */
export class TeamConsole extends LitElement {
  static override properties: PropertyDeclarations = { endpoint: {}, api: { state: true }, member: { state: true }, tab: { state: true }, problem: { state: true }, checking: { state: true } };
  /** the Kolo server's address, prefilled in the sign-in form */
  declare endpoint: string;
  declare api: AdminApi | undefined;
  /** who the token is: its name and role */
  declare member: Member | undefined;
  declare tab: Tab;
  declare problem: string;
  declare checking: boolean;

  constructor() {
    super();
    this.endpoint = '';
    this.problem = '';
    this.checking = false;
    this.tab = TABS.some(([t]) => `#${t}` === location.hash) ? (location.hash.slice(1) as Tab) : 'queue';
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    const saved = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null') as { endpoint: string; token: string } | null;
    if (saved) void this.signIn(saved.endpoint, saved.token, false);
    addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHash);
  }

  /** The tabs the signed-in role may use. */
  private get tabs() {
    const role = this.member?.role;
    return TABS.filter((t) => role && roleAllows(role, t[3]));
  }

  private onHash = () => {
    const t = this.tabs.find(([id]) => `#${id}` === location.hash);
    if (t && t[0] !== this.tab) void this.show(t[0], false);
  };

  /** Check the token against the server (a 401 means a wrong token), then open the console. */
  private async signIn(endpoint: string, token: string, focus = true) {
    this.checking = true;
    const api = new AdminApi(endpoint, token);
    try {
      this.member = await api.me();
      sessionStorage.setItem(SESSION, JSON.stringify({ endpoint, token }));
      this.problem = '';
      this.api = api;
      const tabs = this.tabs;
      await this.show(tabs.some(([t]) => t === this.tab) ? this.tab : tabs[0]![0], focus);
    } catch (e) {
      sessionStorage.removeItem(SESSION);
      this.problem = e instanceof AdminError && e.status === 401 ? 'The admin token is not right for this server.' : (e as Error).message;
      await this.updateComplete;
      if (focus) this.querySelector<HTMLElement>('#token')?.focus();
    } finally {
      this.checking = false;
    }
  }

  private signOut() {
    sessionStorage.removeItem(SESSION);
    this.api = undefined;
    this.member = undefined;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#token')?.focus());
  }

  private async show(tab: Tab, focus: boolean) {
    this.tab = tab;
    if (location.hash !== `#${tab}`) history.replaceState(null, '', `#${tab}`);
    await this.updateComplete;
    const panel = this.querySelector<Panel>(`#panel-${tab} > *`);
    await panel?.load();
    if (focus) this.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  /** Tabs as in the WAI-ARIA pattern: arrows move and activate, Home/End jump. */
  private onTabKey(e: KeyboardEvent) {
    const tabs = this.tabs;
    const i = tabs.findIndex(([t]) => t === this.tab);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, Home: -i, End: tabs.length - 1 - i }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    void this.show(tabs[(i + step + tabs.length) % tabs.length]![0], true);
  }

  private signInForm() {
    return html`<form
      class="sign-in"
      aria-labelledby="sign-in-heading"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const f = new FormData(e.target as HTMLFormElement);
        void this.signIn(String(f.get('endpoint')).trim(), String(f.get('token')));
      }}
    >
      <h2 id="sign-in-heading">Sign in</h2>
      <label>Kolo server <input name="endpoint" type="url" required .value=${this.endpoint} /></label>
      <label
        >Admin token
        <input id="token" name="token" type="password" required autocomplete="off" aria-invalid=${this.problem ? 'true' : 'false'} aria-describedby="sign-in-problem"
      /></label>
      <p id="sign-in-problem" class="status failed" role="alert">${this.problem}</p>
      <button type="submit" ?disabled=${this.checking}>${this.checking ? 'Checking…' : 'Sign in'}</button>
      <p class="note">Your named token from the team's owner, or the server's <code>KOLO_ADMIN_TOKEN</code>; it is kept in this tab until you sign out or close it.</p>
    </form>`;
  }

  override render() {
    const api = this.api;
    if (!api) return this.signInForm();
    return html`<div class="bar signed-in">
        <p>Signed in to <code>${api.endpoint}</code> as <strong class="member">${this.member?.name}</strong> (${this.member?.role})</p>
        <button type="button" @click=${this.signOut}>Sign out</button>
      </div>
      <div role="tablist" aria-label="Team console" @keydown=${this.onTabKey}>
        ${this.tabs.map(
          ([id, label]) => html`<button
            role="tab"
            id=${`tab-${id}`}
            aria-selected=${id === this.tab ? 'true' : 'false'}
            aria-controls=${`panel-${id}`}
            tabindex=${id === this.tab ? 0 : -1}
            @click=${() => void this.show(id, true)}
          >
            ${label}
          </button>`,
        )}
      </div>
      ${this.tabs.map(
        ([id, , tag]) => html`<div role="tabpanel" id=${`panel-${id}`} aria-labelledby=${`tab-${id}`} ?hidden=${id !== this.tab}>
          ${staticHtml`<${unsafeStatic(tag)} .api=${api} .member=${this.member}></${unsafeStatic(tag)}>`}
        </div>`,
      )}`;
  }
}
customElements.define('team-console', TeamConsole);
