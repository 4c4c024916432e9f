import { html, type PropertyDeclarations } from 'lit';
import type { Service } from '@kolo/core';
import { fields, Panel } from './panel.ts';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** When the team works, in words: "Mon–Fri, 9:00–17:00 UTC" (a run of days as a range). */
export function workingWords(s: Service): string {
  const d = [...s.days].sort((a, b) => a - b);
  const run = d.length > 2 && d.every((x, i) => i === 0 || x === d[i - 1]! + 1);
  const days = run ? `${DAYS[d[0]! - 1]}–${DAYS[d.at(-1)! - 1]}` : d.map((x) => DAYS[x - 1]).join(', ');
  return `${days}, ${s.start}:00–${s.end}:00 ${s.timeZone}`;
}

/** The service level (owners): the reply target in working hours and when the team works; every change is audited. */
export class TeamService extends Panel {
  static override properties: PropertyDeclarations = { ...Panel.properties, service: { state: true } };
  declare service: Service | undefined;

  load() {
    return this.read(async (api) => {
      this.service = await api.service();
    });
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = fields(form);
    const days = [...new FormData(form).getAll('day')].map(Number);
    const next: Service = { targetHours: Number(f.target), timeZone: f.timeZone!.trim(), days, start: Number(f.start), end: Number(f.end) };
    const api = this.api!;
    if (await this.attempt(async () => (this.service = await api.setService(next)), `Saved: reply within ${next.targetHours} working hours (${workingWords(next)}).`)) await this.load();
  }

  override render() {
    const s = this.service;
    return html`<h2 id="service-heading">Service level</h2>
      <p class="note">
        Each idea or question waiting for the team's first response is timed in these working hours against the target: the queue shows its clock,
        <code>sla.breached</code> is sent once when it passes the target, and boards say how soon the team usually replies.
      </p>
      <p role="status" class=${this.failed ? 'status failed' : 'status'}>${this.message}</p>
      ${s
        ? html`<form class="service" aria-labelledby="service-heading" @submit=${this.save}>
            <label>Reply target (working hours) <input type="number" name="target" required min="1" max="10000" step="1" .value=${String(s.targetHours)} /></label>
            <label>Time zone (IANA, e.g. Europe/Kyiv) <input name="timeZone" required maxlength="60" .value=${s.timeZone} /></label>
            <fieldset>
              <legend>Working days</legend>
              ${DAY_NAMES.map((name, i) => html`<label class="check"><input type="checkbox" name="day" value=${i + 1} ?checked=${s.days.includes(i + 1)} /> ${name}</label>`)}
            </fieldset>
            <label>From (hour) <input type="number" name="start" required min="0" max="23" .value=${String(s.start)} /></label>
            <label>To (hour) <input type="number" name="end" required min="1" max="24" .value=${String(s.end)} /></label>
            <button type="submit">Save</button>
          </form>`
        : html`<p>Loading…</p>`}`;
  }
}
customElements.define('team-service', TeamService);
