import { expect } from '@open-wc/testing';
import { memoryAdapter } from '@kolo/core';
import '../define/kolo-poll.ts';
import type { KoloPoll } from '../components/poll/poll.ts';
import { hasState } from '../test-utils/helpers.ts';
import { waiting } from './scheme.ts';

const POLL = '<h3>Q?</h3><ul><li data-value="a">A</li><li data-value="b">B</li></ul>';
/** Lets the MutationObserver of <html> and <body> answer. */
const settle = () => new Promise((r) => setTimeout(r));

describe('page color-scheme checks while no frame runs (a hidden tab)', () => {
  const realFrame = window.requestAnimationFrame;
  let frames: FrameRequestCallback[] = [];
  beforeEach(async () => {
    await new Promise(requestAnimationFrame); // what an earlier test asked for is done
    frames = [];
    window.requestAnimationFrame = (cb) => frames.push(cb);
  });
  afterEach(() => {
    window.requestAnimationFrame = realFrame;
    document.documentElement.style.colorScheme = '';
    document.documentElement.removeAttribute('data-theme');
  });

  it('waits for each element once however often the page changes, drops removed ones, then checks them', async () => {
    // (open-wc's fixture waits for a frame)
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<kolo-poll poll-id="s1">${POLL}</kolo-poll><kolo-poll poll-id="s2">${POLL}</kolo-poll>`;
    document.body.append(wrapper);
    const [a, b] = [...wrapper.querySelectorAll('kolo-poll')] as KoloPoll[];
    for (const p of [a!, b!]) p.adapter = memoryAdapter();
    for (let i = 0; i < 20; i++) {
      document.documentElement.dataset.theme = `t${i}`;
      await settle();
    }
    expect(waiting.size).to.equal(2);
    b!.remove();
    document.documentElement.dataset.theme = 'after-remove';
    await settle();
    expect([...waiting.keys()]).to.deep.equal([a]);

    document.documentElement.style.colorScheme = 'dark';
    expect(frames.length).to.equal(1);
    frames[0]!(performance.now());
    expect(waiting.size).to.equal(0);
    expect(hasState(a!, 'page-scheme')).to.equal(true);
    wrapper.remove();
  });
});
