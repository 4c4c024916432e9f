import { describe, expect, test } from 'vitest';
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { parseHTML } from 'linkedom';
import { widgets } from '../registry.ts';
import { fixtures } from '../test-utils/ssr-fixtures.ts';
import { memoryAdapter, type KoloAdapter } from '@kolo/core';
import { renderWidgets, renderWidgetsWithResults } from './render.ts';

/** The shadow root of the first `tag` in rendered HTML, as text (markup removed, spaces collapsed). */
function shadowOf(out: string, tag: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${out}</body></html>`);
  const template = document.querySelector(`${tag} > template[shadowrootmode="open"]`);
  expect(template, `${tag} has a declarative shadow root`).toBeTruthy();
  const markup = template!.innerHTML;
  return { markup, text: markup.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

/** The text of the element's light DOM (its shadow root's template left out). */
function lightText(out: string, tag: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${out}</body></html>`);
  const el = document.querySelector(tag)!;
  el.querySelector(':scope > template')?.remove();
  return `${el.children.length}: ${el.textContent}`;
}

const INVALID = /can.t be shown|part="base error"/;

describe('renderWidgets: every widget of the registry renders its authored content on the server', () => {
  test('a fixture per widget of the registry', () => {
    expect(fixtures.map((f) => f.tag).sort()).toEqual(widgets.map((w) => w.tag).sort());
  });

  for (const f of fixtures) {
    test(f.tag, () => {
      const out = renderWidgets(f.html);
      const { markup } = shadowOf(out, f.tag);
      for (const s of f.shows) expect(markup).toContain(s);
      // the widget itself, not its authored content through its default slot, nor an error (a named
      // slot for a part the site writes, like the idea form's community rules, is the widget's own)
      expect(markup).not.toMatch(INVALID);
      expect(markup).not.toMatch(/<slot(?![^>]*\bname=)/);
      expect(markup).toMatch(/^<style>/);
      // no hydration markers, no `checked="false"` (which would check every radio button)
      expect(markup).not.toMatch(/lit-part|lit-node|checked="/);
      // the authored light DOM stays, after the shadow root, for the browser to read again
      expect(lightText(out, f.tag)).toBe(lightText(f.html, f.tag));
    });
  }
});

describe('renderWidgets', () => {
  test('a whole page keeps its head and text; the page language reaches the widgets', () => {
    const page = `<!doctype html><html lang="uk"><head><title>Опитування</title></head><body><main><p>До опитування</p>${fixtures[0]!.html}</main></body></html>`;
    const out = renderWidgets(page);
    expect(out).toContain('<title>Опитування</title>');
    expect(out).toContain('<p>До опитування</p>');
    expect(shadowOf(out, 'kolo-poll').text).toContain('Проголосувати');
  });

  test('invalid content still says what is wrong', () => {
    const { markup } = shadowOf(renderWidgets('<kolo-poll poll-id="p"><h3>No options</h3><ul></ul></kolo-poll>'), 'kolo-poll');
    expect(markup).toMatch(INVALID);
  });

  test('a poll with results always shown renders them (no votes yet), a closed one its closing date', () => {
    const always = shadowOf(renderWidgets('<kolo-poll poll-id="a" results="always"><h3>Q</h3><ul><li>A</li><li>B</li></ul></kolo-poll>'), 'kolo-poll');
    expect(always.markup).toContain('part="bar-fill"');
    expect(always.text).toContain('No votes yet');
    const closed = shadowOf(renderWidgets('<kolo-poll poll-id="c" closes="2025-01-01T00:00:00Z"><h3>Q</h3><ul><li>A</li><li>B</li></ul></kolo-poll>'), 'kolo-poll');
    expect(closed.markup).not.toContain('part="vote-button"');
    expect(closed.text).toMatch(/Closed/);
  });

  test('an element that already has a shadow root and the text around widgets are left alone', () => {
    const twice = renderWidgets(renderWidgets(fixtures[0]!.html));
    expect(twice.match(/<template shadowroot/g)).toHaveLength(1);
    expect(renderWidgets('<p>a &amp; b</p>')).toBe('<p>a &amp; b</p>');
  });
});

describe('renderWidgetsWithResults: the results an adapter answers', () => {
  const night = { id: 'night', title: 'Night buses on weekdays', status: 'review', createdAt: '2026-10-02T09:00:00Z' } as const;
  const adapter = () =>
    memoryAdapter({ seed: { 'poll:r1': { counts: { a: 3, b: 1 } }, 'reactions:r2': { counts: { heart: 7 } }, 'ideas:b1': { counts: { night: 5 }, ideas: [night] } } });

  test('a poll with results shown renders its counts and bars, reactions their counts', async () => {
    const out = await renderWidgetsWithResults(
      '<kolo-poll poll-id="r1" results="always"><h3>Q</h3><ul><li data-value="a">Alpha</li><li data-value="b">Beta</li></ul></kolo-poll>' +
        '<kolo-reactions reactions-id="r2" reactions="👍 ❤️"></kolo-reactions>',
      { adapter: adapter() },
    );
    const poll = shadowOf(out, 'kolo-poll');
    expect(poll.text).toContain('75%');
    expect(poll.text).toContain('4 votes');
    expect(poll.markup).toContain('inline-size:75%');
    expect(shadowOf(out, 'kolo-reactions').markup).toContain('aria-label="heart, 7"');
  });

  test('after-vote results stay hidden to a visitor who has not voted; a board shows its ideas', async () => {
    const out = await renderWidgetsWithResults(
      '<kolo-poll poll-id="r1"><h3>Q</h3><ul><li data-value="a">Alpha</li><li data-value="b">Beta</li></ul></kolo-poll><kolo-idea-board board-id="b1"><h3>Ideas</h3></kolo-idea-board>',
      { adapter: adapter() },
    );
    expect(shadowOf(out, 'kolo-poll').text).not.toContain('75%');
    expect(shadowOf(out, 'kolo-idea-board').text).toContain('Night buses on weekdays');
  });

  test('a widget whose adapter never answers renders without results after `timeout`; the others with theirs', async () => {
    const base = adapter();
    const hanging: KoloAdapter = { ...base, load: (w, voter, query) => (w.id === 'slow' ? new Promise(() => {}) : base.load(w, voter, query)) };
    const out = await renderWidgetsWithResults(
      '<div id="slow"><kolo-poll poll-id="slow" results="always"><h3>Slow</h3><ul><li data-value="a">Alpha</li><li data-value="b">Beta</li></ul></kolo-poll></div>' +
        '<div id="fast"><kolo-poll poll-id="r1" results="always"><h3>Fast</h3><ul><li data-value="a">Alpha</li><li data-value="b">Beta</li></ul></kolo-poll></div>',
      { adapter: hanging, timeout: 50 },
    );
    const { document } = parseHTML(`<!doctype html><html><body>${out}</body></html>`);
    const [slow, fast] = ['slow', 'fast'].map((id) => document.querySelector(`#${id} > kolo-poll > template`)!.innerHTML);
    expect(slow).toContain('Alpha');
    expect(slow).toContain('No votes yet.'); // as before any result loads
    expect(slow).not.toMatch(INVALID);
    expect(fast).toContain('75%');
  });
});

describe('widgets inside a @lit-labs/ssr template (no light DOM on the server)', () => {
  const ssr = (value: unknown) => collectResultSync(render(value));

  test('with `.config` the widget renders in full', () => {
    const config = { question: 'Tea or coffee?', options: [{ id: 't', label: 'Tea' }, { id: 'c', label: 'Coffee' }] };
    const { markup, text } = shadowOf(ssr(html`<kolo-poll poll-id="drinks" .config=${config}></kolo-poll>`), 'kolo-poll');
    expect(text).toContain('Tea or coffee?');
    expect(text).toContain('Coffee');
    expect(markup).not.toMatch(INVALID);
  });

  test('authored in HTML, it shows its light DOM through a slot, not an error', () => {
    for (const f of fixtures) {
      const tag = f.tag;
      const { markup } = shadowOf(ssr(html(Object.assign([f.html], { raw: [f.html] }) as unknown as TemplateStringsArray)), tag);
      expect(markup, tag).toContain('<slot></slot>');
      expect(markup, tag).not.toMatch(INVALID);
    }
  });
});
