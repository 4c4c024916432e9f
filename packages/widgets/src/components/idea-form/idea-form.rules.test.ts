import { expect } from '@open-wc/testing';
import { ideaRules, memoryAdapter, type KoloAction, type KoloAdapter } from '@kolo/core';
import '../../define/kolo-idea-form.ts';
import type { KoloIdeaForm } from './idea-form.ts';
import { $, $$, deepActive, mount, setValue, textOf, waitForState } from '../../test-utils/helpers.ts';

const RULES = `<h2>Ask the team</h2>
  <p>The best questions are answered on Friday.</p>
  <p slot="rules">Be kind, stay on topic, no ads. <a href="/community-rules">Read the community rules</a></p>`;

/**
 * A memory adapter that records what is sent; `require` makes it enforce the community rules whatever
 * the page's policy says, as a server whose team switched them on does (core's own rule decides).
 */
function recording(require = false) {
  const inner = memoryAdapter({ rules: [ideaRules] }); // a wrapper does not pass `addRules` on
  const sent: KoloAction[] = [];
  const adapter: KoloAdapter = {
    load: (w, v) => inner.load(w, v),
    send: (a) => {
      sent.push(a);
      return inner.send(a.type === 'idea' && require ? { ...a, policy: { ...a.policy, requireRules: true } } : a);
    },
  };
  return { adapter, sent };
}

const formOf = (attrs: string, content: string, adapter: KoloAdapter) =>
  mount('kolo-idea-form', `<kolo-idea-form board-id="ama" kind="question" min-fill-seconds="0" ${attrs}>${content}</kolo-idea-form>`, adapter) as Promise<KoloIdeaForm>;

const checkbox = (el: KoloIdeaForm) => $<HTMLInputElement>(el, '#rules');
const send = async (el: KoloIdeaForm) => {
  $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
  await el.updateComplete;
};

describe('<kolo-idea-form> community rules', () => {
  it('shows the site’s summary of the rules with its named link, above the send button', async () => {
    const el = await formOf('', RULES, recording().adapter);
    const slot = $<HTMLSlotElement>(el, 'slot[name="rules"]')!;
    const [summary] = slot.assignedElements();
    expect(summary!.textContent).to.contain('Be kind, stay on topic');
    const link = summary!.querySelector('a')!;
    expect(link.textContent).to.equal('Read the community rules');
    expect(link.getBoundingClientRect().height).to.be.greaterThan(0);
    // shown before the send button, and no checkbox unless the board requires them
    expect(slot.compareDocumentPosition($(el, '[part~="submit-button"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(checkbox(el)).to.equal(null);
    // the summary is not taken for the form's description
    expect(textOf(el, '[part~="description"]')).to.equal('The best questions are answered on Friday.');
    await expect(el).to.be.accessible();
  });

  it('adds nothing that takes room when the site authored no rules', async () => {
    const el = await formOf('', '<h2>Ask the team</h2>', recording().adapter);
    const slot = $<HTMLSlotElement>(el, 'slot[name="rules"]')!;
    expect(slot.assignedElements()).to.have.length(0);
    expect(getComputedStyle(slot).display).to.equal('contents');
    expect($$(el, '[part~="rules"]')).to.have.length(0);
  });

  it('a required checkbox blocks sending, with an announced message, and focus goes to it', async () => {
    const { adapter, sent } = recording();
    const el = await formOf('require-rules', RULES, adapter);
    const box = checkbox(el)!;
    expect(box.labels![0]!.textContent!.trim()).to.equal('I have read the community rules');
    expect(box.required).to.equal(true);
    await expect(el).to.be.accessible();
    await setValue(el, 'title', 'When does the night bus start?');
    await send(el);
    await el.updateComplete;
    expect(sent).to.have.length(0);
    expect(textOf(el, '[role="alert"]')).to.equal('Please correct the marked fields.');
    expect(textOf(el, '#rules-error')).to.equal('Please confirm you have read the rules.');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(box.getAttribute('aria-describedby')).to.equal('rules-error');
    expect(deepActive()).to.equal(box);
    await expect(el).to.be.accessible();
  });

  it('sends once the rules are accepted, and the action says so', async () => {
    const { adapter, sent } = recording();
    const el = await formOf('require-rules', RULES, adapter);
    await setValue(el, 'title', 'When does the night bus start?');
    checkbox(el)!.click();
    await el.updateComplete;
    await send(el);
    await waitForState(el, 'sent');
    const idea = sent[0] as Extract<KoloAction, { type: 'idea' }>;
    expect(idea.rulesAccepted).to.equal(true);
    expect(idea.policy.requireRules).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('asks for the rules when the adapter requires them though the page did not say so', async () => {
    const { adapter, sent } = recording(true);
    const el = await formOf('', RULES, adapter);
    expect(checkbox(el)).to.equal(null);
    await setValue(el, 'title', 'When does the night bus start?');
    await send(el);
    await waitForState(el, 'ready');
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(sent).to.have.length(1);
    const box = checkbox(el)!;
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(el, '#rules-error')).to.equal('Please confirm you have read the rules.');
    expect(deepActive()).to.equal(box);
    await expect(el).to.be.accessible();
    box.click();
    await el.updateComplete;
    await send(el);
    await waitForState(el, 'sent');
    expect((sent[1] as Extract<KoloAction, { type: 'idea' }>).rulesAccepted).to.equal(true);
  });

  it('speaks Ukrainian and keeps the checkbox on the reading side in a right-to-left page', async () => {
    const el = await formOf('require-rules lang="uk"', RULES, recording().adapter);
    expect(checkbox(el)!.labels![0]!.textContent!.trim()).to.equal('Я прочитав(-ла) правила спільноти');
    el.setAttribute('dir', 'rtl');
    el.lang = 'en';
    await el.updateComplete;
    const label = $(el, '[part~="rules"]')!.getBoundingClientRect();
    expect(checkbox(el)!.getBoundingClientRect().right).to.be.closeTo(label.right, 1);
    await expect(el).to.be.accessible();
  });
});
