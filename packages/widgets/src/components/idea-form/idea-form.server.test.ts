import { expect, waitUntil } from '@open-wc/testing';
import { KoloError, ideaRules, memoryAdapter, type KoloAction, type KoloAdapter } from '@kolo/core';
import '../../define/kolo-idea-form.ts';
import type { KoloIdeaForm } from './idea-form.ts';
import { $, mount, setValue, textOf, waitForState } from '../../test-utils/helpers.ts';

/**
 * An adapter that behaves as Kolo's server does with a board: loading it gives a signed form token
 * (live updates do not), and an idea without a token it handed out is refused (`form-expired`).
 */
function serverLike() {
  const inner = memoryAdapter({ rules: [ideaRules] }); // a wrapper does not pass `addRules` on
  const issued = new Set<string>();
  const sent: KoloAction[] = [];
  const adapter: KoloAdapter = {
    load: async (w, v) => {
      const form = `token-${issued.size + 1}`;
      issued.add(form);
      return { ...(await inner.load(w, v)), form };
    },
    send: (a) => {
      sent.push(a);
      if (a.type === 'idea' && !issued.has(a.form ?? '')) return Promise.reject(new KoloError('rejected', 'form-expired'));
      return inner.send(a);
    },
    subscribe: (w, v, fn) => inner.subscribe!(w, v, fn),
  };
  return { adapter, sent };
}

describe('<kolo-idea-form> against a server', () => {
  it('sends the form token of the board it loaded, and the idea is accepted', async () => {
    const { adapter, sent } = serverLike();
    const el = await mount('kolo-idea-form', `<kolo-idea-form board-id="tokens" min-fill-seconds="0"></kolo-idea-form>`, adapter);
    await setValue(el as KoloIdeaForm, 'title', 'Bike racks at every station');
    $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
    await waitForState(el, 'sent');
    expect(sent.map((a) => a.type === 'idea' && a.form)).to.deep.equal(['token-1']);
    expect(textOf(el, '[part~="thanks"]')).to.not.equal('');
    await waitUntil(() => !$(el, '[role="alert"]'), 'no error shown');
  });
});
