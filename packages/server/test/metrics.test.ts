import { describe, expect, it } from 'vitest';
import { bannerClicks, engagement, engagementByWidget, isBallotKind, returns, type SignalRow, votesOverTime } from '@kolo/core';
import { engagementCases } from '@kolo/core/conformance';
import { recordSignals, type Signal } from '../src/signals.ts';
import { iso, json } from '../src/db/values.ts';
import { drivers, serverFor } from './harness.ts';

// a small deterministic generator, so a failure can be replayed
function random(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const widgets = [
  { kind: 'poll', id: 'p1' },
  { kind: 'poll', id: 'p2' },
  { kind: 'choice', id: 'c1' },
  { kind: 'reactions', id: 'r1' },
  { kind: 'faq', id: 'f1.card' },
  { kind: 'help-banner', id: 'b1' },
  { kind: 'help-banner', id: 'constructor' },
];
const types = ['view', 'view', 'view', 'interact', 'submit', 'submit', 'next-step', 'dismiss', 'snooze'];
const choices = ['a', 'b', 'a b', ' a  c ', '', 'c', 7];
const parts = ['tool', 'contact', true, undefined];

/** Signals over most of 2030 (both DST changes of Europe and America), many near a local midnight. */
function signals(n: number): Signal[] {
  const r = random(14);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const start = Date.parse('2030-03-01T00:00:00Z');
  return Array.from({ length: n }, (_, i) => {
    // a quarter of the people only look and follow links: they are not actors
    const voter = Math.floor(r() * 40);
    const type = voter < 30 ? pick(types) : pick(['view', 'next-step', 'dismiss']);
    const widget = pick(widgets);
    // every third one within an hour of a midnight somewhere between UTC-5 and UTC+5:45
    const day = start + Math.floor(r() * 250) * 86_400_000;
    const at = i % 3 ? day + Math.floor(r() * 86_400_000) : day + pick([-5, -4, 2, 3, 5.75]) * -3_600_000 + Math.floor((r() - 0.5) * 3_600_000);
    const data = type === 'submit' ? { choices: pick(choices) } : type === 'next-step' ? (pick([1, 2, 3]) === 1 ? undefined : { href: 'https://example.org', part: pick(parts) }) : undefined;
    return { type, widget, voter: `v${voter}`, at: new Date(at).toISOString(), ...(data ? { data: JSON.parse(JSON.stringify(data)) } : {}) };
  });
}

/** The answer the core functions give on the same rows (what the endpoint computed before it counted with SQL). */
function expected(rows: SignalRow[], from: string, to: string, timeZone: string) {
  const range = { from, to };
  const inRange = rows.filter((s) => Date.parse(s.at) >= Date.parse(from) && Date.parse(s.at) < Date.parse(to));
  const votes: Record<string, unknown> = {};
  for (const w of widgets) {
    if (!isBallotKind(w.kind)) continue;
    const v = votesOverTime(inRange.filter((s) => s.kind === w.kind && s.widget === w.id), range, timeZone);
    if (Object.keys(v).length) votes[`${w.kind}:${w.id}`] = v;
  }
  // a plain object of banners would take `constructor` for Object's own: count that banner apart
  const odd = bannerClicks(inRange.filter((s) => s.widget === 'constructor').map((s) => ({ ...s, widget: 'odd' })), range).odd;
  const banners = { ...bannerClicks(inRange.filter((s) => s.widget !== 'constructor'), range), ...(odd ? { constructor: odd } : {}) };
  return { site: engagement(inRange, range), widgets: engagementByWidget(inRange, range), votes, banners };
}

describe.each(drivers)('metrics by SQL aggregates on $name', ({ url }) => {
  const ctx = serverFor(url);

  it('counts views, actors, next steps, votes per local day and banner clicks as the core functions do on the same signals', async () => {
    await recordSignals(ctx.server.db, signals(1500));
    const stored = await ctx.server.db.query(`select type, kind, widget, voter, at, data from kolo_signals`);
    expect(stored).toHaveLength(1500);
    const rows = stored.map((r) => ({ type: r.type, kind: r.kind, widget: r.widget, voter: r.voter, at: iso(r.at), data: json(r.data) })) as SignalRow[];
    const some = rows[100]!.at;
    const ranges = [
      ['2030-01-01T00:00:00Z', '2031-01-01T00:00:00Z'],
      // from one stored instant (included) to another (left out)
      [some, rows[900]!.at < some ? '2030-12-01T00:00:00Z' : rows[900]!.at],
      ['2030-03-30T21:00:00+03:00', '2030-04-02T00:00:00Z'],
      ['2029-01-01T00:00:00Z', '2029-02-01T00:00:00Z'],
    ];
    for (const tz of ['UTC', 'Europe/Kyiv', 'America/New_York', 'Asia/Kathmandu']) {
      for (const [from, to] of ranges) {
        const m = await ctx.api.admin('GET', `/metrics?from=${encodeURIComponent(from!)}&to=${encodeURIComponent(to!)}&tz=${tz}`);
        expect(m.status).toBe(200);
        expect({ site: m.body.site, widgets: m.body.widgets, votes: m.body.votes, banners: m.body.banners }, `${tz} ${from} ${to}`).toEqual(expected(rows, from!, to!, tz));
        // return after 7 and 30 days, measured mid-year (some people too recent to count)
        const back = await ctx.api.admin('GET', `/metrics?from=${encodeURIComponent(from!)}&to=${encodeURIComponent(to!)}&tz=${tz}&asOf=2030-07-20T12:00:00Z`);
        expect(back.body.returns, `returns ${tz} ${from} ${to}`).toEqual(returns(rows, { from: from!, to: to! }, '2030-07-20T12:00:00Z', tz));
      }
    }
    // the signals make the comparison mean something: days differ by time zone, people convert
    const year = async (tz: string) => (await ctx.api.admin('GET', `/metrics?from=2030-01-01T00:00:00Z&to=2031-01-01T00:00:00Z&tz=${tz}`)).body;
    const [kyiv, utc] = [await year('Europe/Kyiv'), await year('UTC')];
    expect(Object.keys(kyiv.votes['poll:p1']).length).toBeGreaterThan(30);
    expect(kyiv.votes).not.toEqual(utc.votes);
    expect(kyiv.site.nextStepConversion).toBeGreaterThan(0);
    expect(kyiv.site.actors).toBeLessThan(kyiv.site.uniqueViewers);
    expect(kyiv.banners.constructor.tool).toBeGreaterThan(0);
    const back = (await ctx.api.admin('GET', `/metrics?from=2030-01-01T00:00:00Z&to=2031-01-01T00:00:00Z&asOf=2030-07-20T12:00:00Z`)).body.returns;
    expect(back.site.after7.returned).toBeGreaterThan(0);
    expect(back.site.newPeople).toBe(30);
  });

  // core's table of the definition: the active share is viewers who acted ÷ viewers, actors without a view apart
  it.each(engagementCases.map((c) => [c.name, c] as const))('engagement case: %s', async (_n, c) => {
    await recordSignals(ctx.server.db, c.signals.map((s) => ({ type: s.type, widget: { kind: s.kind, id: s.widget }, voter: s.voter, at: s.at })));
    const m = await ctx.api.admin('GET', `/metrics?from=${encodeURIComponent(c.range.from)}&to=${encodeURIComponent(c.range.to)}&tz=UTC`);
    expect(m.status).toBe(200);
    expect({ site: m.body.site, widgets: m.body.widgets }).toEqual({ site: c.site, widgets: c.widgets });
  });

  it('stores a batch of signals with one statement, keeping their data', async () => {
    const batch = signals(3).map((s, i) => ({ ...s, voter: `batch-${i}`, data: { choices: `x${i}` } }));
    await recordSignals(ctx.server.db, [...batch, { ...batch[0]!, voter: 'batch-none', data: undefined }]);
    const back = await ctx.server.db.query(`select voter, data, at from kolo_signals where voter like 'batch-%' order by voter`);
    expect(back.map((r) => [r.voter, json(r.data), iso(r.at)])).toEqual([...batch.map((s) => [s.voter, s.data, s.at]), ['batch-none', null, batch[0]!.at]].sort());
  });
});
