import { describe, expect, it } from 'vitest';
import { KoloError, createIdeaStore, memoryAdapter, ideaRules, withUpvote, type IdeaBoardConfig, type KoloAction, type KoloAdapter, type View } from '../index.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));
const board: IdeaBoardConfig = { id: 'roadmap', minFillSeconds: 0 };
const long = new Date(Date.now() - 60_000);

describe('idea store', () => {
  const store = (adapter: KoloAdapter, voter = 'v1', cfg: IdeaBoardConfig = board) => {
    const s = createIdeaStore(adapter, cfg, voter);
    const stop = s.$view.listen(() => {});
    return { s, stop };
  };

  it('submits and returns the stored idea with its status', async () => {
    const a = memoryAdapter();
    const { s } = store(a, 'v1', { ...board, moderated: true });
    await settle();
    const idea = await s.submit({ title: '  Night   buses on weekends ', contact: 'me@example.com' }, { honeypot: '', startedAt: long });
    expect(idea).toMatchObject({ title: 'Night buses on weekends', status: 'pending', own: true });
    expect(s.$view.get().pending).toBe(null);
  });

  it('upvotes optimistically and rolls back when refused', async () => {
    let fail = false;
    const inner = memoryAdapter({ rules: [ideaRules] }); // a wrapper does not pass `addRules` on
    const a: KoloAdapter = {
      load: (w, v) => inner.load(w, v),
      send: (x) => (fail ? Promise.reject(new KoloError('network')) : inner.send(x)),
      subscribe: inner.subscribe!.bind(inner),
    };
    const { s } = store(a);
    await settle();
    const idea = await s.submit({ title: 'Public transport map' }, { honeypot: '', startedAt: long });
    const { s: other } = store(a, 'v2');
    await settle();
    const p = other.upvote(idea!.id, true);
    expect(other.$view.get().tally.counts[idea!.id]).toBe(2);
    expect(await p).toBe(true);
    // the author's store saw it live
    expect(s.$view.get().tally.counts[idea!.id]).toBe(2);
    fail = true;
    const q = other.upvote(idea!.id, false);
    expect(other.$view.get().tally.counts[idea!.id]).toBe(1);
    expect(await q).toBe(false);
    expect(other.$view.get().tally.counts[idea!.id]).toBe(2);
    expect(other.$view.get().error?.code).toBe('network');
  });

  it('withUpvote changes nothing when the upvote is already as asked', () => {
    const t = { counts: { a: 1 }, voters: 1, mine: ['a'] };
    expect(withUpvote(t, 'a', true)).toBe(t);
    // taking back one's only upvote leaves one voter fewer, as the adapters count it
    expect(withUpvote(t, 'a', false)).toEqual({ counts: { a: 0 }, voters: 0, mine: [] });
    // the rest of the view (the ideas) stays
    const ideas = [{ id: 'a', title: 'An idea', status: 'review' as const, createdAt: '2026-01-01T00:00:00Z', own: false }];
    expect(withUpvote({ ...t, ideas }, 'a', false).ideas).toBe(ideas);
  });

  it('keeps ideas and questions with the same id apart', async () => {
    const a = memoryAdapter();
    const { s } = store(a);
    const { s: q } = store(a, 'v1', { ...board, kind: 'question' });
    await settle();
    await s.submit({ title: 'Public transport map' }, { honeypot: '', startedAt: long });
    await settle();
    expect(q.$view.get().tally.ideas ?? []).toEqual([]);
    expect(q.widget).toEqual({ kind: 'questions', id: 'roadmap' });
  });

  it('sends the form token of its latest load with an idea, also after live updates', async () => {
    const inner = memoryAdapter({ rules: [ideaRules] });
    const sent: KoloAction[] = [];
    let live: ((v: View) => void) | undefined;
    let loads = 0;
    const a: KoloAdapter = {
      // a server's answer to loading a board carries a token; live updates do not
      load: async (w, v) => ({ ...(await inner.load(w, v)), form: `token-${++loads}` }),
      send: (x) => (sent.push(x), inner.send(x)),
      subscribe: (_w, _v, fn) => ((live = fn), () => {}),
    };
    const { s } = store(a);
    await settle();
    live!({ counts: {}, voters: 0, mine: [] });
    await s.submit({ title: 'Public transport map' }, { honeypot: '', startedAt: long });
    await s.reload();
    await s.submit({ title: 'Night buses on weekends' }, { honeypot: '', startedAt: long });
    expect(sent.map((x) => (x.type === 'idea' ? x.form : null))).toEqual(['token-1', 'token-2']);
  });

  it('sends no token where the adapter gives none (memory and local adapters check startedAt)', async () => {
    const inner = memoryAdapter({ rules: [ideaRules] });
    const sent: KoloAction[] = [];
    const { s } = store({ load: (w, v) => inner.load(w, v), send: (x) => (sent.push(x), inner.send(x)) });
    await settle();
    expect(await s.submit({ title: 'Public transport map' }, { honeypot: '', startedAt: long })).not.toBe(null);
    expect(sent[0]!.type === 'idea' && sent[0]!.form).toBeUndefined();
  });
});
