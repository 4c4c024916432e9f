import { html, nothing, type PropertyDeclarations } from 'lit';
import { localDay, type Engagement, type ResponseTimes, type Service, type SignedShare } from '@kolo/core';
import { columns, shareBar } from './charts.ts';
import { dialogueMetrics, type DialogueMetrics } from './dialogue-metrics.ts';
import { count, fields, Panel, share } from './panel.ts';
import { workingWords } from './service.ts';

/** The admin metrics endpoint's answer (`GET /v1/admin/metrics`). */
export interface SiteMetrics extends DialogueMetrics {
  range: { from: string; to: string };
  timeZone: string;
  targetHours: number;
  site: Engagement;
  widgets: Record<string, Engagement>;
  votes: Record<string, Record<string, Record<string, number>>>;
  quizzes: Record<string, Record<string, { answered: number; correct: number; share: number | null }>>;
  helpful: Record<string, Record<string, { yes: number; no: number; ratio: number | null }>>;
  boards: Record<string, { perMonth: Record<string, { submitted: number; done: number }>; responses: ResponseTimes }>;
  banners: Record<string, { contact: number; tool: number }>;
  /** ballots, answers and ideas in the range made by people the site signed in */
  signed: SignedShare;
}

const ENGAGEMENT: [keyof Engagement, string, (e: Engagement) => string][] = [
  ['views', 'Views', (e) => count(e.views)],
  ['uniqueViewers', 'Unique viewers', (e) => count(e.uniqueViewers)],
  ['actors', 'People who acted', (e) => count(e.actors)],
  ['activeShare', 'Active share of viewers', (e) => share(e.activeShare)],
  ['actorsWithoutView', 'Acted without a counted view', (e) => count(e.actorsWithoutView)],
  ['nextSteps', 'Next-step clicks', (e) => count(e.nextSteps)],
  ['nextStepConversion', 'Next-step conversion', (e) => share(e.nextStepConversion)],
];
const hours = (h: number | null) => (h === null ? '–' : `${h.toFixed(1)} h`);
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** local midnight of a `YYYY-MM-DD` day, `plus` days later */
const midnight = (day: string, plus = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plus);
};

/** Every day (or month) from `from` to `to` in the time zone the metrics used, so the axis has no gaps. */
function buckets(from: string, to: string, timeZone: string, month: boolean): string[] {
  const out = new Set<string>();
  // half-day steps meet every local day, also across daylight-saving changes
  for (let t = Date.parse(from); t < Date.parse(to) && out.size < 400; t += 864e5 / 2) out.add(localDay(new Date(t).toISOString(), timeZone).slice(0, month ? 7 : 10));
  return [...out];
}

/**
 * The metrics dashboard: the endpoint's numbers for a time range (in the browser's time zone) as
 * figures, tables and small SVG charts. It shows exactly what the endpoint answers; nothing is recomputed.
 */
export class TeamMetrics extends Panel {
  static override properties: PropertyDeclarations = { ...Panel.properties, data: { state: true }, query: { state: true }, preset: { state: true } };
  declare data: SiteMetrics | undefined;
  /** the query string of the numbers shown */
  declare query: string;
  declare preset: string;
  private readonly timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  private custom = { from: ymd(new Date(Date.now() - 29 * 864e5)), to: ymd(new Date()) };
  private target = 2;
  private working = false;
  /** the team's service level: the target and working hours the figures start with */
  private service: Service | undefined;

  constructor() {
    super();
    this.query = '';
    this.preset = '30';
  }

  /** `[from, to)` of the chosen range, as instants. */
  private range(): { from: Date; to: Date } {
    const today = ymd(new Date());
    if (this.preset === 'month') {
      const n = new Date();
      return { from: new Date(n.getFullYear(), n.getMonth(), 1), to: new Date(n.getFullYear(), n.getMonth() + 1, 1) };
    }
    if (this.preset === 'custom') return { from: midnight(this.custom.from), to: midnight(this.custom.to, 1) };
    return { from: midnight(today, 1 - Number(this.preset)), to: midnight(today, 1) };
  }

  async load() {
    if (!this.api) return;
    const { from, to } = this.range();
    if (!(from < to)) {
      this.message = 'The range must start before it ends.';
      this.failed = true;
      return;
    }
    try {
      if (!this.service) {
        this.service = await this.api.service();
        this.target = this.service.targetHours;
        this.working = true;
      }
      const q = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), tz: this.timeZone, target: String(this.target) });
      // the team's working hours (the service level's days, hours and time zone)
      if (this.working) q.set('work', 'team');
      this.data = await this.api.metrics<SiteMetrics>(q.toString());
      this.query = q.toString();
      this.message = '';
      this.failed = false;
    } catch (e) {
      this.message = `The metrics could not load: ${(e as Error).message}`;
      this.failed = true;
    }
  }

  private change(e: Event) {
    const f = fields(e.currentTarget as HTMLFormElement);
    this.preset = f.preset!;
    if (f.from && f.to) this.custom = { from: f.from, to: f.to };
    this.target = Math.max(0, Number(f.target) || 0);
    this.working = f.working === 'on';
    void this.load();
  }

  private picker() {
    return html`<form class="range" aria-label="Time range" @change=${this.change} @submit=${(e: Event) => e.preventDefault()}>
      <label
        >Range
        <select name="preset">
          ${[['7', 'Last 7 days'], ['30', 'Last 30 days'], ['90', 'Last 90 days'], ['month', 'This month'], ['custom', 'Custom dates']].map(
            ([v, l]) => html`<option value=${v!} ?selected=${v === this.preset}>${l}</option>`,
          )}
        </select></label
      >
      ${this.preset === 'custom'
        ? html`<label>From <input type="date" name="from" required .value=${this.custom.from} /></label>
            <label>To (inclusive) <input type="date" name="to" required .value=${this.custom.to} /></label>`
        : nothing}
      <label>Answer target (hours) <input type="number" name="target" min="0" max="10000" step="0.5" .value=${String(this.target)} /></label>
      <label class="check"><input type="checkbox" name="working" ?checked=${this.working} /> Count the team's working hours only${this.service ? ` (${workingWords(this.service)})` : ''}</label>
      <p class="tz">Days and months in ${this.timeZone}.</p>
    </form>`;
  }

  private engagement(d: SiteMetrics) {
    const rows = Object.entries(d.widgets).sort(([, a], [, b]) => b.views - a.views);
    return html`<dl class="figures" aria-label="The whole site">
        ${ENGAGEMENT.map(([k, l, f]) => html`<div data-metric=${k}><dt>${l}</dt><dd>${f(d.site)}</dd></div>`)}
      </dl>
      <dl class="figures" aria-label="Signed identity">
        <div data-metric="signedShare"><dt>Signed actions</dt><dd>${share(d.signed.share)}</dd></div>
        <div data-metric="signedActions"><dt>By signed-in people</dt><dd>${count(d.signed.signed)} of ${count(d.signed.actions)}</dd></div>
      </dl>
      <p class="note">
        Active share: the unique viewers who also acted. People who acted without a counted view (before half the widget
        was in sight for a second, or having viewed it before the range) are counted apart, so the share never passes 100%.
        Signed actions: the ballots, quiz answers and ideas of the range made by people the site signed in (one vote per
        person across devices), not by anonymous browsers.
      </p>
      <h3>Per widget</h3>
      ${rows.length
        ? html`<div class="scroll" role="region" tabindex="0" aria-label="Per widget"><table class="widgets">
            <thead><tr><th scope="col">Widget</th>${ENGAGEMENT.map(([, l]) => html`<th scope="col">${l}</th>`)}</tr></thead>
            <tbody>${rows.map(([w, e]) => html`<tr data-widget=${w}><th scope="row">${w}</th>${ENGAGEMENT.map(([k, , f]) => html`<td data-metric=${k}>${f(e)}</td>`)}</tr>`)}</tbody>
          </table></div>`
        : html`<p class="empty">No views or actions in this range.</p>`}`;
  }

  private votes(d: SiteMetrics) {
    const entries = Object.entries(d.votes);
    if (!entries.length) return html`<p class="empty">No votes in this range.</p>`;
    const days = buckets(d.range.from, d.range.to, d.timeZone, false);
    return entries.map(([w, byDay]) => {
      const options = [...new Set(Object.values(byDay).flatMap((o) => Object.keys(o)))].sort();
      const shown = days.length <= 92 ? days : Object.keys(byDay).sort();
      const total = Object.values(byDay).reduce((n, o) => n + Object.values(o).reduce((a, b) => a + b, 0), 0);
      return html`<section class="series" data-votes=${w}>
        <h4>${w}</h4>
        ${columns(shown, options, (day, o) => byDay[day]?.[o] ?? 0, `Votes per day for ${w}: ${total} in ${Object.keys(byDay).length} of ${shown.length} days`)}
        <details>
          <summary>Votes per day and option</summary>
          <table>
            <thead><tr><th scope="col">Day</th>${options.map((o) => html`<th scope="col">${o}</th>`)}</tr></thead>
            <tbody>${Object.keys(byDay).sort().map((day) => html`<tr><th scope="row">${day}</th>${options.map((o) => html`<td>${byDay[day]![o] ?? 0}</td>`)}</tr>`)}</tbody>
          </table>
        </details>
      </section>`;
    });
  }

  private shares<T>(title: string, groups: Record<string, Record<string, T>>, head: [string, string], row: (v: T) => [number | null, string], attr: string) {
    const entries = Object.entries(groups);
    return html`<h3>${title}</h3>
      ${entries.length
        ? entries.map(
            ([g, items]) => html`<table class="shares" data-group=${`${attr}:${g}`}>
              <caption>${g}</caption>
              <thead><tr><th scope="col">${head[0]}</th><th scope="col">${head[1]}</th></tr></thead>
              <tbody>
                ${Object.entries(items).map(([k, v]) => {
                  const [x, text] = row(v);
                  return html`<tr data-item=${k}><th scope="row">${k}</th><td>${shareBar(x)} <span>${share(x)}</span> <small>${text}</small></td></tr>`;
                })}
              </tbody>
            </table>`,
          )
        : html`<p class="empty">Nothing yet.</p>`}`;
  }

  private boards(d: SiteMetrics) {
    const entries = Object.entries(d.boards);
    if (!entries.length) return html`<p class="empty">No ideas or questions were submitted in this range.</p>`;
    const months = buckets(d.range.from, d.range.to, d.timeZone, true);
    return entries.map(([b, { perMonth, responses: r }]) => {
      const total = Object.values(perMonth).reduce((n, m) => n + m.submitted, 0);
      return html`<section class="series" data-board=${b}>
        <h4>${b}</h4>
        <dl class="figures small">
          <div data-metric="submitted"><dt>Submitted</dt><dd>${count(r.submitted)}</dd></div>
          <div data-metric="done"><dt>Reached done</dt><dd>${count(Object.values(perMonth).reduce((n, m) => n + m.done, 0))}</dd></div>
          <div data-metric="responded"><dt>Responded to</dt><dd>${count(r.responded)}</dd></div>
          <div data-metric="medianHours"><dt>Median time to first response</dt><dd>${hours(r.medianHours)}</dd></div>
          <div data-metric="withinTarget"><dt>Answered within ${d.targetHours} h</dt><dd>${share(r.withinTarget)}</dd></div>
        </dl>
        ${columns(months, ['submitted', 'done'], (m, s) => perMonth[m]?.[s as 'submitted' | 'done'] ?? 0, `Per month on ${b}: ${total} submitted`, false)}
        <details>
          <summary>Per month</summary>
          <table>
            <thead><tr><th scope="col">Month</th><th scope="col">Submitted</th><th scope="col">Done</th></tr></thead>
            <tbody>${Object.entries(perMonth).sort().map(([m, v]) => html`<tr><th scope="row">${m}</th><td>${v.submitted}</td><td>${v.done}</td></tr>`)}</tbody>
          </table>
        </details>
      </section>`;
    });
  }

  override render() {
    const d = this.data;
    return html`<div class="bar">
        <h2>Metrics</h2>
        <button type="button" @click=${() => void this.load()}>Refresh</button>
      </div>
      ${this.picker()}
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      ${!d
        ? html`<p>Loading…</p>`
        : html`<div class="dashboard" data-query=${this.query}>
            ${this.engagement(d)}
            ${dialogueMetrics(d)}
            <h3>Votes over time</h3>
            ${this.votes(d)}
            ${this.shares('Quiz: share correct per question', d.quizzes, ['Question', 'Correct on the first attempt'], (v) => [v.share, `${v.correct} of ${v.answered}`], 'quiz')}
            ${this.shares('"Was this helpful?" per card', d.helpful, ['Card', 'Helpful'], (v) => [v.ratio, `${v.yes} yes, ${v.no} no`], 'faq')}
            <h3>Ideas and questions</h3>
            ${this.boards(d)}
            <h3>Help-banner link clicks</h3>
            ${Object.keys(d.banners).length
              ? html`<table class="banners">
                  <thead><tr><th scope="col">Banner</th><th scope="col">Help lines</th><th scope="col">Self-control tools</th></tr></thead>
                  <tbody>${Object.entries(d.banners).map(([b, c]) => html`<tr data-banner=${b}><th scope="row">${b}</th><td>${c.contact}</td><td>${c.tool}</td></tr>`)}</tbody>
                </table>`
              : html`<p class="empty">No clicks in this range.</p>`}
          </div>`}`;
  }
}
customElements.define('team-metrics', TeamMetrics);
