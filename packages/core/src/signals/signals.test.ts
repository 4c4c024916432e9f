import { describe, expect, it } from 'vitest';
import { createSignal, randomId, safeUrl, voterId, memoryStorage, withUtm } from '../index.ts';

describe('withUtm', () => {
  it('adds UTM parameters with the widget id as content', () => {
    const url = new URL(withUtm('https://example.org/guide#top', { source: 'blog', campaign: 'spring', content: 'format' })!);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      utm_source: 'blog',
      utm_medium: 'kolo',
      utm_campaign: 'spring',
      utm_content: 'format',
    });
    expect(url.hash).toBe('#top');
  });

  it('keeps parameters the author already set', () => {
    const url = new URL(withUtm('https://example.org/?utm_medium=email&x=1', { content: 'w' })!);
    expect(url.searchParams.get('utm_medium')).toBe('email');
    expect(url.searchParams.get('x')).toBe('1');
  });

  it('resolves relative links against the page and leaves mailto alone', () => {
    expect(withUtm('/faq', { content: 'w', source: 's' }, 'https://site.test/blog/post')).toBe(
      'https://site.test/faq?utm_source=s&utm_medium=kolo&utm_content=w',
    );
    expect(withUtm('mailto:team@example.org', { content: 'w' })).toBe('mailto:team@example.org');
  });

  it('refuses script and data links', () => {
    expect(withUtm('javascript:alert(1)', { content: 'w' })).toBeNull();
    expect(safeUrl(' JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,hi')).toBeNull();
    // a picture a choice accepts for its <img> is never a link
    expect(withUtm('data:image/svg+xml;base64,PHN2Zz4=', { content: 'w' })).toBeNull();
  });
});

describe('ids and signals', () => {
  it('makes distinct random ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId()));
    expect(ids.size).toBe(1000);
  });

  it('keeps one stable voter id per storage and replaces a tampered one', () => {
    const s = memoryStorage();
    const id = voterId(s);
    expect(id).toMatch(/^v_[a-z0-9]+$/);
    expect(voterId(s)).toBe(id);
    s.setItem('kolo:voter', '<script>');
    expect(voterId(s)).not.toBe('<script>');
  });

  it('creates a signal with an ISO time', () => {
    const s = createSignal('view', { kind: 'poll', id: 'p' }, 'v1', { ratio: 0.5 }, new Date('2026-01-01T00:00:00Z'));
    expect(s).toEqual({ type: 'view', widget: { kind: 'poll', id: 'p' }, voter: 'v1', at: '2026-01-01T00:00:00.000Z', data: { ratio: 0.5 } });
  });
});
