/** Runs one rule case against any backend and says what differs (nothing, when it passes). */
import { toKoloError } from '../contract/errors.ts';
import type { KoloAction } from '../contract/actions.ts';
import type { View } from '../contract/views.ts';
import type { ExpectedView, RuleCase } from './cases.ts';

const show = (v: unknown) => JSON.stringify(v);
const same = (a: unknown, b: unknown) => show(a) === show(b);
/** Counts as plain sorted entries, so the order of keys and a missing prototype do not matter. */
const entries = (c: Record<string, number>) => Object.entries(c).filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function differences(view: View, want: ExpectedView): string[] {
  const out: string[] = [];
  if (want.counts && !same(entries(view.counts), entries(want.counts))) out.push(`counts ${show(entries(view.counts))}, expected ${show(entries(want.counts))}`);
  if (want.voters !== undefined && view.voters !== want.voters) out.push(`voters ${view.voters}, expected ${want.voters}`);
  if (want.mine && !same([...view.mine].sort(), [...want.mine].sort())) out.push(`mine ${show(view.mine)}, expected ${show(want.mine)}`);
  for (const [q, a] of Object.entries(want.answers ?? {})) {
    const got = view.answers?.[q];
    if (!got || got.correct !== a.correct || !same(got.choices, a.choices)) out.push(`answer ${q} ${show(got)}, expected ${show(a)}`);
  }
  if (want.ideas) {
    const got = (view.ideas ?? []).map(({ title, status, own }) => ({ title, status, own }));
    if (!same(got, want.ideas)) out.push(`ideas ${show(got)}, expected ${show(want.ideas)}`);
  }
  return out;
}

/**
 * Apply the case's actions through `send` (which resolves with the view after an action, or rejects
 * with a KoloError) and compare with what the case expects.
 */
export async function runRuleCase(send: (a: KoloAction) => Promise<View>, c: RuleCase): Promise<string[]> {
  for (const a of c.given) {
    try {
      await send(a);
    } catch (e) {
      return [`a given ${a.type} was refused: ${toKoloError(e).reason || toKoloError(e).message}`];
    }
  }
  let view: View;
  try {
    view = await send(c.when);
  } catch (e) {
    const err = toKoloError(e);
    if ('refused' in c.then) return err.reason === c.then.refused ? [] : [`refused with "${err.reason}" (${err.message}), expected "${c.then.refused}"`];
    return [`refused with "${err.reason}" (${err.message}), expected to be accepted`];
  }
  if ('refused' in c.then) return [`accepted, expected to be refused with "${c.then.refused}"`];
  return differences(view, c.then.view);
}
