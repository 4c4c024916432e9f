// The rule-case table of @kolo/core (the one the memory and local adapters pass) against the server
// over real HTTP, on PGlite and on PostgreSQL: the SQL may decide differently, the table keeps it equal.
import { describe, expect, it } from 'vitest';
import type { KoloAction, View } from '@kolo/core';
import { errorFromAnswer } from '@kolo/core/http';
import { ruleCases, runRuleCase } from '@kolo/core/conformance';
import { drivers, formToken, serverFor } from './harness.ts';

/**
 * A server measures an idea's fill time from the form token of the board's view, not from the
 * sender's `startedAt`: the case's fill time (`at − startedAt`) becomes a token issued that long ago,
 * as a page that loaded the board then would hold.
 */
const withForm = (a: KoloAction): KoloAction =>
  a.type === 'idea' ? { ...a, form: formToken(a.widget.id, a.widget.kind, Date.parse(a.at) - Date.parse(a.startedAt)) } : a;

describe.each(drivers)('rule cases on the server on $name', ({ url }) => {
  const ctx = serverFor(url);
  const send = async (a: KoloAction): Promise<View> => {
    const r = await ctx.api.post('/v1/actions', withForm(a));
    if (r.status !== 200) throw errorFromAnswer(r.status, r.body, r.headers.get('retry-after'));
    return r.body as View;
  };
  // a new scope per run: the server keeps its data between cases and runs
  const scope = `srv${Date.now().toString(36)}`;
  it.each(ruleCases(scope).map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    expect(await runRuleCase(send, c)).toEqual([]);
  });
});
