import { describe, expect, it } from 'vitest';
import { parseFaqConfig } from '../index.ts';

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
