/**
 * The metrics a dialogue needs, as the endpoint answers them (definitions: `@kolo/core` dialogue.ts):
 * return after 7 and 30 days, ideas and questions per ISO week, next-step conversion per campaign.
 */
import { html } from 'lit';
import type { CampaignConversion, ContentPerWeek, ReturnShare, Returns } from '@kolo/core';
import { count, share } from './panel.ts';

/** The dialogue part of the admin metrics endpoint's answer. */
export interface DialogueMetrics {
  /** when return was measured */
  asOf: string;
  returns: { site: Returns; widgets: Record<string, Returns> };
  content: ContentPerWeek;
  campaigns: Record<string, CampaignConversion>;
}

const back = (r: ReturnShare) => `${share(r.share)} (${count(r.returned)} of ${count(r.eligible)})`;

function returns({ site, widgets }: DialogueMetrics['returns'], asOf: string) {
  const rows = Object.entries(widgets).sort(([, a], [, b]) => b.newPeople - a.newPeople);
  return html`<h3>Return after 7 and 30 days</h3>
    <dl class="figures" aria-label="Return to the whole site">
      <div data-metric="newPeople"><dt>People who acted for the first time</dt><dd>${count(site.newPeople)}</dd></div>
      <div data-metric="after7"><dt>Came back within 7 days</dt><dd>${back(site.after7)}</dd></div>
      <div data-metric="after30"><dt>Came back within 30 days</dt><dd>${back(site.after30)}</dd></div>
    </dl>
    <p class="note">
      People whose first action was in this range and who acted again on a later day within 7 (30) days. Only people whose first
      action is at least 7 (30) days old on ${new Date(asOf).toLocaleDateString('en')} are counted, so the newest, who had no time to
      come back yet, don't pull the share down.
    </p>
    ${rows.length
      ? html`<div class="scroll" role="region" tabindex="0" aria-label="Returns"><table class="returns">
          <thead><tr><th scope="col">Widget</th><th scope="col">First-time people</th><th scope="col">Within 7 days</th><th scope="col">Within 30 days</th></tr></thead>
          <tbody>${rows.map(([w, r]) => html`<tr data-returns=${w}><th scope="row">${w}</th><td data-metric="newPeople">${count(r.newPeople)}</td><td data-metric="after7">${back(r.after7)}</td><td data-metric="after30">${back(r.after30)}</td></tr>`)}</tbody>
        </table></div>`
      : html`<p class="empty">Nobody acted for the first time in this range.</p>`}`;
}

function content({ site, boards }: ContentPerWeek) {
  const weeks = [...new Set([...Object.keys(site), ...Object.values(boards).flatMap((b) => Object.keys(b))])].sort();
  const names = Object.keys(boards).sort();
  return html`<h3>Ideas and questions per week</h3>
    ${weeks.length
      ? html`<div class="scroll" role="region" tabindex="0" aria-label="Ideas and questions per week"><table class="weeks">
          <thead><tr><th scope="col">ISO week</th><th scope="col">Ideas</th><th scope="col">Questions</th>${names.map((b) => html`<th scope="col">${b}</th>`)}</tr></thead>
          <tbody>${weeks.map(
            (w) => html`<tr data-week=${w}><th scope="row">${w}</th><td data-metric="ideas">${count(site[w]?.ideas ?? 0)}</td><td data-metric="questions">${count(site[w]?.questions ?? 0)}</td>${names.map((b) => html`<td data-board=${b}>${count(boards[b]![w] ?? 0)}</td>`)}</tr>`,
          )}</tbody>
        </table></div>`
      : html`<p class="empty">No ideas or questions were submitted in this range.</p>`}`;
}

function campaigns(list: Record<string, CampaignConversion>) {
  const rows = Object.entries(list).sort(([a], [b]) => a.localeCompare(b));
  return html`<h3>Next-step conversion per campaign</h3>
    <p class="note">Next-step clicks ÷ views of the widgets with a <code>campaign</code> (their <code>utm_campaign</code>); a visitor who clicks twice counts twice.</p>
    ${rows.length
      ? html`<table class="campaigns">
          <thead><tr><th scope="col">Campaign</th><th scope="col">Views</th><th scope="col">Next-step clicks</th><th scope="col">Conversion</th></tr></thead>
          <tbody>${rows.map(([c, v]) => html`<tr data-campaign=${c}><th scope="row">${c}</th><td data-metric="views">${count(v.views)}</td><td data-metric="nextSteps">${count(v.nextSteps)}</td><td data-metric="conversion">${share(v.conversion)}</td></tr>`)}</tbody>
        </table>`
      : html`<p class="empty">No views or clicks of widgets with a campaign in this range.</p>`}`;
}

/** Return, content per week and conversion per campaign, as figures and tables. */
export const dialogueMetrics = (d: DialogueMetrics) => html`${returns(d.returns, d.asOf)} ${content(d.content)} ${campaigns(d.campaigns)}`;
