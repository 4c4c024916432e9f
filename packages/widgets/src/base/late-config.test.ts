import { expect, fixture, waitUntil } from '@open-wc/testing';
import { memoryAdapter, type PollConfig } from '@kolo/core';
import { KoloPoll } from '../components/poll/poll.ts';
import { $, hasState, textOf } from '../test-utils/helpers.ts';

const config: PollConfig = { id: 'late', question: 'Defined late?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] };
let n = 0;

/** An element of a tag not defined yet, given `setup`, put on the page, then defined. */
async function defineLate(setup: (el: HTMLElement) => void) {
  const tag = `kolo-poll-late-${++n}`;
  const el = document.createElement(tag);
  setup(el);
  await fixture(el);
  KoloPoll.define(tag);
  const poll = el as KoloPoll;
  poll.adapter = memoryAdapter();
  await waitUntil(() => hasState(poll, 'ready') || hasState(poll, 'invalid'), 'settled', { timeout: 3000 });
  return poll;
}

describe('config given before the element is defined', () => {
  it('keeps a .config property set before the upgrade', async () => {
    const el = await defineLate((e) => ((e as unknown as { config: PollConfig }).config = config));
    expect(hasState(el, 'ready')).to.equal(true);
    expect($(el, 'legend')!.textContent).to.equal('Defined late?');
  });

  it('reads JSON from the config attribute', async () => {
    const el = await defineLate((e) => e.setAttribute('config', JSON.stringify(config)));
    expect(hasState(el, 'ready')).to.equal(true);
    expect($(el, 'legend')!.textContent).to.equal('Defined late?');
    expect(el.config).to.deep.equal(config);
  });

  it('shows the content invalid, without throwing, when the attribute is not JSON (an object a framework stringified)', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const el = await defineLate((e) => e.setAttribute('config', '[object Object]'));
      expect(hasState(el, 'invalid')).to.equal(true);
      expect(textOf(el)).to.contain('question');
    } finally {
      console.error = original;
    }
  });
});
