// Signed definitions end to end: a CMS page signed by the site's rendering step (`signWidgets`), its
// widgets acting on a production server that nobody registered them on; an editor's change that
// skipped the signing step is refused.
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { definitionsFromHtml, signWidgets } from '../src/index.ts';
import { drivers, key, now, serverFor, vote } from './harness.ts';

const SECRET = 'test-signing-secret-0123456789abcdef';
const PAGE = `<article><h2>Spring timetable</h2>
<kolo-poll poll-id="cms-spring"><h3>Which change matters most?</h3>
  <ul><li data-value="night">Night buses</li><li data-value="weekend">Weekend trains</li></ul></kolo-poll>
<kolo-quiz quiz-id="cms-quiz"><section data-question="q1" data-correct="no"><p>Do tickets change?</p><ul><li data-value="yes">Yes</li><li data-value="no">No</li></ul></section>
  <section data-question="q2" data-correct="yes"><p>More night buses?</p><ul><li data-value="yes">Yes</li><li data-value="no">No</li></ul></section></kolo-quiz>
<kolo-faq-carousel carousel-id="cms-faq"><article data-card="when"><h4>When?</h4><p>In April.</p></article></kolo-faq-carousel>
</article>`;

/** What the widget on this page sends: the definition read from the page, and the signature it carries. */
function widgetOn(html: string, selector: string, attribute = 'signature') {
  const signature = parseHTML(html).document.querySelector(selector)?.getAttribute(attribute) ?? undefined;
  return { signature, definitions: definitionsFromHtml(html).definitions };
}
const policyOf = (definitions: { id: string; rules: unknown }[], id: string) => (definitions.find((d) => d.id === id)!.rules as { policy: unknown }).policy;

describe.each(drivers)('a page signed with signWidgets on a production server on $name', ({ url }) => {
  const ctx = serverFor(url, { production: true, signingSecret: SECRET });
  const signed = signWidgets(PAGE, SECRET);

  it("takes a signed poll's vote, registering it; the same page edited without signing again is refused", async () => {
    const { signature, definitions } = widgetOn(signed, 'kolo-poll');
    const policy = policyOf(definitions, 'cms-spring');
    // as the widget sent it before it carried signatures: an unregistered poll is refused in production
    const unsigned = await ctx.api.post('/v1/actions', vote('cms-spring', 'v0', ['night'], { policy }));
    expect([unsigned.status, unsigned.body.error.reason]).toEqual([404, 'unknown-widget']);
    const edited = signed.replace('<li data-value="weekend">Weekend trains</li>', '<li data-value="weekend">Weekend trains</li><li data-value="trams">Trams</li>');
    const altered = widgetOn(edited, 'kolo-poll');
    expect(altered.signature).toBe(signature);
    const refused = await ctx.api.post('/v1/actions', vote('cms-spring', 'v1', ['trams'], { policy: policyOf(altered.definitions, 'cms-spring'), signature }));
    expect([refused.status, refused.body.error.reason]).toEqual([403, 'bad-signature']);
    const ok = await ctx.api.post('/v1/actions', vote('cms-spring', 'v1', ['night'], { policy, signature }));
    expect([ok.status, ok.body.counts]).toEqual([200, { night: 1 }]);
    const registered = (await ctx.api.admin('GET', '/widgets')).body.widgets.find((w: { id: string }) => w.id === 'cms-spring');
    expect(registered.rules).toEqual({ policy });
  });

  it('takes a signed quiz whole and grades it by the signed key; FAQ cards by their data-signature', async () => {
    const { signature, definitions } = widgetOn(signed, 'kolo-quiz');
    const quiz = definitions.find((d) => d.id === 'cms-quiz')!.rules;
    const answer = (question: string, choices: string[]) => ({
      type: 'answer', id: key('q'), voter: 'student', widget: { kind: 'quiz', id: 'cms-quiz' }, question, choices, policy: { options: ['yes', 'no'], multiple: false }, signature, quiz, at: now(),
    });
    const first = await ctx.api.post('/v1/actions', answer('q1', ['yes']));
    expect([first.status, first.body.answers.q1]).toEqual([200, { choices: ['yes'], key: ['no'], correct: false }]);
    expect((await ctx.api.post('/v1/actions', answer('q2', ['yes']))).body.answers.q2.correct).toBe(true);

    const card = widgetOn(signed, 'article[data-card="when"]', 'data-signature');
    const helpful = { ...vote('x', 'reader', ['yes'], { policy: policyOf(card.definitions, 'cms-faq.when'), signature: card.signature }), widget: { kind: 'faq', id: 'cms-faq.when' } };
    const r = await ctx.api.post('/v1/actions', helpful);
    expect([r.status, r.body.counts]).toEqual([200, { yes: 1 }]);
  });
});
