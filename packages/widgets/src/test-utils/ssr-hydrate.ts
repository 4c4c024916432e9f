import { expect } from '@open-wc/testing';
import { fixtures } from './ssr-fixtures.ts';

/**
 * Server output (`renderWidgets`, served by wtr-ssr-plugin.mjs) in a page before any Kolo code has
 * loaded, then the widgets defined: they take over their server-rendered shadow roots without an
 * error, without moving or resizing (no layout shift), and show one copy of their content.
 */

const frames = (n = 2) => new Promise<void>((go) => (function next(left: number) { left ? requestAnimationFrame(() => next(left - 1)) : go(); })(n));
const box = (el: Element) => {
  const r = el.getBoundingClientRect();
  return { top: Math.round(r.top), left: Math.round(r.left), width: Math.round(r.width), height: Math.round(r.height) };
};

/** Every widget of the registry, server-rendered, then defined (see above). */
export async function hydrateServerOutput(): Promise<void> {
  expect(customElements.get('kolo-poll'), 'no Kolo element is defined yet').to.equal(undefined);
  const page = document.createElement('main');
  // the memory adapter: nothing from an earlier test run, loads in the same task
  page.setAttribute('kolo-adapter', 'memory');
  page.style.cssText = 'inline-size: 40rem; font: 16px/1.5 system-ui';
  for (const f of fixtures) {
    const res = await fetch(`/__kolo/ssr?tag=${f.tag}`);
    expect(res.status, f.tag).to.equal(200);
    const section = document.createElement('section');
    section.setHTMLUnsafe(await res.text());
    page.append(section);
  }
  document.body.append(page);
  const hosts = fixtures.map((f) => page.querySelector(f.tag)!);
  // the declarative shadow roots are there before any script: the server's content is what shows
  for (const [i, host] of hosts.entries()) {
    expect(host.shadowRoot, fixtures[i]!.tag).to.not.equal(null);
    for (const s of fixtures[i]!.shows) expect(host.shadowRoot!.innerHTML, fixtures[i]!.tag).to.contain(s);
  }
  await frames();
  const before = hosts.map(box);

  const shifts: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => shifts.push((e as PerformanceEntry & { value: number }).value)));
  observer.observe({ type: 'layout-shift' });
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);
  addEventListener('error', onError);
  const consoleError = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    await import('../define/all.ts');
    await Promise.all(hosts.map((h) => (h as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
    await frames(4);
  } finally {
    console.error = consoleError;
    removeEventListener('error', onError);
  }
  observer.takeRecords().forEach((e) => shifts.push((e as PerformanceEntry & { value: number }).value));
  observer.disconnect();

  expect(errors).to.deep.equal([]);
  for (const [i, host] of hosts.entries()) {
    const { tag, shows } = fixtures[i]!;
    const root = host.shadowRoot!;
    // (the found element's tag, not the element: chai's message for a failing element in a shadow root takes Chromium's renderer down)
    const found = (selector: string) => root.querySelector(selector)?.outerHTML.slice(0, 80) ?? null;
    expect(found('template, style'), `${tag}: the server's markup is gone`).to.equal(null);
    expect(root.adoptedStyleSheets.length, `${tag} styles`).to.be.greaterThan(0);
    // the fallback shows the authored content through an unnamed slot; a named one (the form's community rules) is content
    expect(found('[part~="error"][role="alert"], slot:not([name])'), `${tag}: no error, no fallback`).to.equal(null);
    // one copy: the first authored text appears once in the rendered shadow root
    expect(root.innerHTML.split(shows[0]!).length - 1, `${tag} renders its content once`).to.equal(1);
    expect(box(host), `${tag} keeps its place and size`).to.deep.equal(before[i]);
  }
  expect(shifts, 'layout shifts').to.deep.equal([]);
}
