import { describe, expect, it } from 'vitest';
import { KoloError, createHelpfulStore, memoryAdapter, type FaqConfig, type KoloAdapter } from '../index.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

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
