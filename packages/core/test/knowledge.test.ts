import { describe, expect, it } from 'vitest';
import {
  KoloError,
  createHelpfulStore,
  hiddenUntil,
  hideFor,
  memoryAdapter,
  memoryStorage,
  parseFaqConfig,
  parseHelpBanner,
  pickRegion,
  unhide,
  type FaqConfig,
  type KoloAdapter,
} from '../src/index.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('FAQ config', () => {
  const card = { id: 'a', title: 'Q?', body: 'A.' };
  it('accepts FAQ and myth cards and names what is wrong', () => {
    expect(parseFaqConfig({ id: 'faq', cards: [card, { id: 'm', kind: 'myth', title: 'Myth', body: 'Fact', advice: 'Do this' }] }).ok).toBe(true);
    expect(parseFaqConfig({ id: 'faq', cards: [] })).toEqual({ ok: false, error: 'cards: needs at least 1 card' });
    expect(parseFaqConfig({ id: 'faq', cards: [card, card] })).toEqual({ ok: false, error: 'cards: card ids must be unique' });
    expect(parseFaqConfig({ id: 'faq', cards: [{ ...card, kind: 'tip' }] })).toEqual({ ok: false, error: 'cards.0.kind: must be faq or myth' });
    expect(parseFaqConfig({ id: 'faq', cards: [card], autoplay: 1 })).toEqual({ ok: false, error: 'autoplay: must be a whole number from 3 to 120' });
    const bad = parseFaqConfig({ id: 'faq', cards: [{ ...card, link: { label: 'x', href: 'javascript:alert(1)' } }] });
    expect(bad.ok).toBe(false);
  });
});

describe('helpful store', () => {
  const config: FaqConfig = { id: 'faq', cards: [{ id: 'a', title: 'Q?', body: 'A.' }, { id: 'b', title: 'Q2?', body: 'B.' }] };

  it('keeps one answer per person per card, counted per card', async () => {
    const adapter = memoryAdapter();
    const s = createHelpfulStore(adapter, config, 'v1');
    s.$view.listen(() => {});
    await settle();
    expect(s.$view.get().status).toBe('ready');
    expect(await s.answer('a', true)).toBe(true);
    expect(s.$view.get().tally.mine).toEqual(['a:yes']);
    expect(await s.answer('a', false)).toBe(false);
    expect(s.$view.get().error?.reason).toBe('already-voted');
    await s.answer('b', false);
    const other = createHelpfulStore(adapter, config, 'v2');
    other.$view.listen(() => {});
    await settle();
    await other.answer('a', true);
    expect(other.$view.get().tally.counts).toEqual({ 'a:yes': 2, 'b:no': 1 });
    expect(s.$view.get().tally.counts).toEqual({ 'a:yes': 2, 'b:no': 1 });
    expect(await s.answer('nope', true)).toBe(false);
  });

  it('is in error while any card fails to load, and recovers on reload', async () => {
    let broken = true;
    const base = memoryAdapter();
    const adapter: KoloAdapter = { ...base, load: (w, v) => (broken ? Promise.reject(new KoloError('network')) : base.load(w, v)) };
    const s = createHelpfulStore(adapter, config, 'v1');
    s.$view.listen(() => {});
    await settle();
    expect(s.$view.get().status).toBe('error');
    broken = false;
    await s.reload();
    expect(s.$view.get().status).toBe('ready');
  });
});

describe('help banner', () => {
  const region = (id: string, extra = {}) => ({ id, contacts: [{ label: `Help ${id}`, href: 'tel:1' }], ...extra });
  const cfg = { regions: [region('ua', { langs: ['uk'] }), region('gb', { langs: ['en-GB'], default: true }), region('us', { langs: ['en-US'] }), region('de')] };

  it('picks a region: explicit, then languages in order (tag, region subtag, base), then the default', () => {
    const pick = (r: string | undefined, langs: string[]) => pickRegion(cfg, r, langs).id;
    expect(pick('US', ['uk'])).toBe('us');
    expect(pick('xx', ['uk'])).toBe('ua');
    expect(pick(undefined, ['uk-UA'])).toBe('ua');
    expect(pick(undefined, ['en-US'])).toBe('us');
    expect(pick(undefined, ['de-DE'])).toBe('de');
    expect(pick(undefined, ['fr', 'en-GB'])).toBe('gb');
    expect(pick(undefined, ['fr'])).toBe('gb');
    expect(pickRegion({ regions: [region('a'), region('b')] }, undefined, []).id).toBe('a');
  });

  it('validates the banner', () => {
    expect(parseHelpBanner({ id: 'b', disclaimer: 'Be careful.', regions: [] })).toEqual({ ok: false, error: 'regions: needs at least 1 region with contacts' });
    expect(parseHelpBanner({ id: 'b', disclaimer: '', regions: [region('a')] })).toEqual({ ok: false, error: 'disclaimer: must not be empty' });
    expect(parseHelpBanner({ id: 'b', disclaimer: 'Careful.', regions: [region('a')], snoozeDays: 0 }).ok).toBe(false);
    expect(parseHelpBanner({ id: 'b', disclaimer: 'Careful.', regions: [{ id: 'a', contacts: [] }] })).toEqual({ ok: false, error: 'regions.0.contacts: a region needs at least 1 contact' });
  });

  it('hides for N days and shows again after them', () => {
    const storage = memoryStorage();
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(hiddenUntil('b', now, storage)).toBe(null);
    const until = hideFor('b', 30, now, storage);
    expect(until).toBe('2026-12-24T12:00:00.000Z');
    expect(hiddenUntil('b', now + 29 * 864e5, storage)).toBe(until);
    expect(hiddenUntil('b', now + 30 * 864e5, storage)).toBe(null);
    unhide('b', storage);
    expect(hiddenUntil('b', now, storage)).toBe(null);
  });
});
