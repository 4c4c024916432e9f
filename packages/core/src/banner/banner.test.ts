import { describe, expect, it } from 'vitest';
import { hiddenUntil, hideFor, memoryStorage, parseHelpBanner, pickRegion, unhide } from '../index.ts';

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
