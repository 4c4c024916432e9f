// The readers in @kolo/core serve the widgets here and `definitionsOf` in Node: each tag's attribute
// spec must match its element's declared properties, and what `definitionsOf` reads from a page must
// be exactly what the widget sends (with the site's signature).
import { expect, waitUntil } from '@open-wc/testing';
import {
  choiceAttributes,
  definitionsOf,
  faqAttributes,
  ideaBoardAttributes,
  ideaFormAttributes,
  memoryAdapter,
  pollAttributes,
  quizAttributes,
  quizRules,
  reactionsAttributes,
  ideaRules,
  type AttributeSpec,
  type KoloAction,
  type KoloAdapter,
} from '@kolo/core';
import { widgets } from './registry.ts';
import { KoloElement } from './base/kolo-element.ts';
import { $, hasState, mount, setValue } from './test-utils/helpers.ts';

const SPECS: Record<string, AttributeSpec> = {
  'kolo-poll': pollAttributes,
  'kolo-choice': choiceAttributes,
  'kolo-reactions': reactionsAttributes,
  'kolo-quiz': quizAttributes,
  'kolo-faq-carousel': faqAttributes,
  'kolo-idea-form': ideaFormAttributes,
  'kolo-idea-board': ideaBoardAttributes,
};

type PropertyOptions = { attribute?: boolean | string; type?: unknown; state?: boolean };

describe('attribute specs (reading a page without a browser)', () => {
  for (const [tag, spec] of Object.entries(SPECS)) {
    it(`<${tag}>: the spec lists every attribute the element declares, with its name and type`, async () => {
      await import(`./define/kolo-${widgets.find((w) => w.tag === tag)!.entry}.ts`);
      const cls = customElements.get(tag) as unknown as { elementProperties: Map<string, PropertyOptions> };
      const base = new Set(Object.keys(KoloElement.properties));
      const declared = Object.fromEntries(
        [...cls.elementProperties]
          .filter(([name, o]) => o.attribute !== false && !o.state && !base.has(name))
          .map(([name, o]) => [name, [typeof o.attribute === 'string' ? o.attribute : name.toLowerCase(), o.type ?? String]]),
      );
      expect(declared).to.deep.equal({ ...spec });
    });
  }
});

/** A memory adapter that records every action it is sent. */
function recording(base: KoloAdapter = memoryAdapter({ rules: [quizRules, ideaRules] })) {
  const sent: KoloAction[] = [];
  const adapter: KoloAdapter = { ...base, send: (a) => (sent.push(a), base.send(a)) };
  return { adapter, sent };
}
const click = async (el: HTMLElement & { updateComplete: Promise<unknown> }, selector: string) => {
  $<HTMLElement>(el, selector)!.click();
  await el.updateComplete;
};
const sentTo = (sent: KoloAction[], n: number) => waitUntil(() => sent.length >= n, `${n} action(s) sent`, { timeout: 3000 });

describe('signed widgets send their signature with what definitionsOf reads', () => {
  it('a poll with a `signature` sends it with its vote, and its policy is the definition', async () => {
    const { adapter, sent } = recording();
    const el = await mount(
      'kolo-poll',
      `<kolo-poll poll-id="format" multiple max-choices="2" allow-change closes="2099-01-01T00:00:00Z" signature="sig-poll">
        <h3>Which format?</h3><ul><li data-value="carousel">Carousel</li><li data-value="video">Video</li><li data-value="text">Text</li></ul>
      </kolo-poll>`,
      adapter,
    );
    await click(el, 'input[value="video"]');
    await click(el, '[part~="vote-button"]');
    await sentTo(sent, 1);
    const { definitions, problems } = definitionsOf(el.parentElement!);
    expect(problems).to.deep.equal([]);
    expect(definitions).to.deep.equal([
      { kind: 'poll', id: 'format', rules: { policy: { options: ['carousel', 'video', 'text'], multiple: true, max: 2, change: true, closesAt: '2099-01-01T00:00:00.000Z' } } },
    ]);
    expect(sent[0]).to.include({ type: 'vote', signature: 'sig-poll' });
    expect({ policy: (sent[0] as { policy: unknown }).policy }).to.deep.equal(definitions[0]!.rules);
  });

  it('a poll given as JSON in its config attribute is read alike by the widget and by definitionsOf', async () => {
    const { adapter, sent } = recording();
    const config = { id: 'json', question: 'JSON?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], allowChange: true };
    const el = await mount('kolo-poll', `<kolo-poll config='${JSON.stringify(config)}'></kolo-poll>`, adapter);
    expect($(el, 'legend')!.textContent).to.equal('JSON?');
    await click(el, 'input[value="b"]');
    await click(el, '[part~="vote-button"]');
    await sentTo(sent, 1);
    const { definitions, problems } = definitionsOf(el.parentElement!);
    expect(problems).to.deep.equal([]);
    expect(definitions).to.deep.equal([{ kind: 'poll', id: 'json', rules: { policy: { options: ['a', 'b'], multiple: false, change: true } } }]);
    expect({ policy: (sent[0] as { policy: unknown }).policy }).to.deep.equal(definitions[0]!.rules);
  });

  it('a poll without a signature sends none (nothing on the wire)', async () => {
    const { adapter, sent } = recording();
    const el = await mount('kolo-poll', `<kolo-poll poll-id="plain"><h3>Q?</h3><ul><li data-value="a">A</li><li data-value="b">B</li></ul></kolo-poll>`, adapter);
    await click(el, 'input[value="a"]');
    await click(el, '[part~="vote-button"]');
    await sentTo(sent, 1);
    expect(JSON.parse(JSON.stringify(sent[0]))).not.to.have.property('signature');
  });

  it('a signed quiz sends its signature and its whole rules (every question with its key) with each answer', async () => {
    const { adapter, sent } = recording();
    const el = await mount(
      'kolo-quiz',
      `<kolo-quiz quiz-id="phishing" signature="sig-quiz">
        <section data-question="link" data-correct="no"><p>A link asks for your password. Safe?</p><ul><li data-value="yes">Yes</li><li data-value="no">No</li></ul></section>
        <section data-question="signs" data-correct="urgent typo" data-multiple><p>Signs of phishing?</p>
          <ul><li data-value="urgent">Urgency</li><li data-value="typo">Typos</li><li data-value="logo">A logo</li></ul></section>
      </kolo-quiz>`,
      adapter,
    );
    await click(el, 'input[value="no"]');
    await click(el, '[part~="check-button"]');
    await sentTo(sent, 1);
    const { definitions } = definitionsOf(el.parentElement!);
    expect(definitions).to.deep.equal([
      {
        kind: 'quiz',
        id: 'phishing',
        rules: {
          questions: {
            link: { options: ['yes', 'no'], multiple: false, key: ['no'] },
            signs: { options: ['urgent', 'typo', 'logo'], multiple: true, key: ['urgent', 'typo'] },
          },
        },
      },
    ]);
    expect(sent[0]).to.include({ type: 'answer', question: 'link', signature: 'sig-quiz' });
    expect((sent[0] as { quiz: unknown }).quiz).to.deep.equal(definitions[0]!.rules);
  });

  it("an FAQ card sends its own `data-signature` with its \"was this helpful?\" answer", async () => {
    const { adapter, sent } = recording();
    const el = await mount(
      'kolo-faq-carousel',
      `<kolo-faq-carousel carousel-id="myths"><article data-card="due" data-signature="sig-card"><h4>A win is due.</h4><p data-fact>Spins are independent.</p></article></kolo-faq-carousel>`,
      adapter,
    );
    await click(el, '[part~="yes-button"]');
    await sentTo(sent, 1);
    const { definitions } = definitionsOf(el.parentElement!);
    expect(definitions).to.deep.equal([{ kind: 'faq', id: 'myths.due', rules: { policy: { options: ['yes', 'no'], multiple: false, change: false } } }]);
    expect(sent[0]).to.include({ type: 'vote', signature: 'sig-card' });
    expect(sent[0]!.widget).to.deep.equal({ kind: 'faq', id: 'myths.due' });
  });

  it('a signed idea form sends its signature with the idea, and its policy is the definition', async () => {
    const { adapter, sent } = recording();
    const el = await mount(
      'kolo-idea-form',
      `<kolo-idea-form board-id="roadmap" kind="question" moderated min-fill-seconds="0" signature="sig-board"><h3>Ask us</h3></kolo-idea-form>`,
      adapter,
    );
    await setValue(el, 'title', 'When does the new timetable start?');
    await click(el, '[part~="submit-button"]');
    await sentTo(sent, 1);
    await waitUntil(() => hasState(el, 'sent'), 'sent', { timeout: 3000 });
    const { definitions } = definitionsOf(el.parentElement!);
    expect(definitions).to.have.length(1);
    expect(definitions[0]).to.include({ kind: 'questions', id: 'roadmap' });
    expect(sent[0]).to.include({ type: 'idea', signature: 'sig-board' });
    expect({ policy: (sent[0] as { policy: unknown }).policy }).to.deep.equal(definitions[0]!.rules);
  });
});
