// Reading widgets from HTML in Node (linkedom) with the widgets' own readers: every tag, and what is a
// problem rather than a crash. No database: the signed and registered paths are in signed-html and
// register-cli tests.
import { describe, expect, it } from 'vitest';
import { definitionsFromHtml, signWidgets, verifyWidget } from '../src/index.ts';
import { parseHTML } from 'linkedom';

const SECRET = 'test-signing-secret-0123456789abcdef';

const PAGE = `<!doctype html><html lang="en"><head><title>Every widget</title></head><body>
<kolo-poll poll-id="format" multiple max-choices="2" allow-change closes="2030-12-31T18:00:00Z">
  <h3>Which format do you prefer?</h3>
  <ul><li data-value="carousel">Carousel</li><li data-value="video">Short video</li><li data-value="text">Long read</li></ul>
  <a data-next-step href="/guides/formats">Read the guide</a>
</kolo-poll>
<kolo-choice choice-id="digest" name="digest">
  <h3>Which digest would you rather read?</h3>
  <article data-value="weekly"><h4>A: Weekly</h4><p>One long email.</p></article>
  <article data-value="daily"><h4>B: Daily short</h4><p>Three links every morning.</p></article>
</kolo-choice>
<kolo-reactions reactions-id="post-42" label="React to this post" reactions="👍 ❤️" more=""></kolo-reactions>
<kolo-quiz quiz-id="phishing">
  <h3>Can you spot phishing?</h3>
  <section data-question="link" data-correct="no"><p>A link asks for your password. Safe?</p><ul><li data-value="yes">Yes</li><li data-value="no">No</li></ul></section>
  <section data-question="signs" data-correct="urgent typo" data-multiple><p>Signs?</p><ul><li data-value="urgent">Urgency</li><li data-value="typo">Typos</li><li data-value="logo">A logo</li></ul></section>
</kolo-quiz>
<kolo-faq-carousel carousel-id="myths">
  <h3>Myths</h3>
  <article data-card="due"><h4>A win is due.</h4><p data-fact>Every spin is independent.</p></article>
  <article data-card="system"><h4>Is there a system?</h4><p>No.</p></article>
</kolo-faq-carousel>
<kolo-idea-board board-id="roadmap" moderated><h3>Ideas</h3></kolo-idea-board>
<kolo-idea-form board-id="roadmap" moderated min-fill-seconds="5" max-per-day="3">
  <h3>Suggest an idea</h3><ul data-categories><li data-value="app">App</li><li data-value="web">Web</li></ul>
</kolo-idea-form>
<kolo-idea-board board-id="ama" kind="question"></kolo-idea-board>
<kolo-help-banner></kolo-help-banner>
</body></html>`;

const rulesOf = (html: string, kind: string, id: string) => definitionsFromHtml(html).definitions.find((d) => d.kind === kind && d.id === id)?.rules;

describe('definitionsFromHtml', () => {
  it('reads every kind of widget with the rules the widget itself sends', () => {
    const { definitions, problems } = definitionsFromHtml(PAGE);
    expect(problems).toEqual([]);
    expect(definitions.map((d) => `${d.kind}:${d.id}`)).toEqual(['poll:format', 'choice:digest', 'reactions:post-42', 'quiz:phishing', 'faq:myths.due', 'faq:myths.system', 'ideas:roadmap', 'questions:ama']);
    expect(rulesOf(PAGE, 'poll', 'format')).toEqual({ policy: { options: ['carousel', 'video', 'text'], multiple: true, max: 2, change: true, closesAt: '2030-12-31T18:00:00.000Z' } });
    expect(rulesOf(PAGE, 'choice', 'digest')).toEqual({ policy: { options: ['weekly', 'daily'], multiple: false, change: false } });
    expect(rulesOf(PAGE, 'reactions', 'post-42')).toEqual({ policy: { options: ['thumbs-up', 'heart'], multiple: false, change: true } });
    expect(rulesOf(PAGE, 'quiz', 'phishing')).toEqual({
      questions: { link: { options: ['yes', 'no'], multiple: false, key: ['no'] }, signs: { options: ['urgent', 'typo', 'logo'], multiple: true, key: ['urgent', 'typo'] } },
    });
    expect(rulesOf(PAGE, 'faq', 'myths.due')).toEqual({ policy: { options: ['yes', 'no'], multiple: false, change: false } });
  });

  it("takes an idea form's rules over its board's (only the form has min-fill-seconds), in either order", () => {
    const form = { policy: { moderated: true, minFillMs: 5000, maxPerDay: 3, titleMin: 8, titleMax: 140, detailsMax: 2000, categories: ['app', 'web'] } };
    expect(rulesOf(PAGE, 'ideas', 'roadmap')).toEqual(form);
    const formFirst = PAGE.replace('<kolo-idea-board board-id="roadmap" moderated><h3>Ideas</h3></kolo-idea-board>', '').replace('</body>', '<kolo-idea-board board-id="roadmap"></kolo-idea-board></body>');
    expect(rulesOf(formFirst, 'ideas', 'roadmap')).toEqual(form);
    expect(rulesOf(PAGE, 'questions', 'ama')).toEqual({ policy: { moderated: false, minFillMs: 3000, maxPerDay: 5, titleMin: 8, titleMax: 140, detailsMax: 2000, categories: [] } });
  });

  it('reports invalid content, a quiz without its key and a widget defined twice differently as problems, not crashes', () => {
    const html = `
      <kolo-poll poll-id="one-option"><h3>Q?</h3><ul><li data-value="a">A</li></ul></kolo-poll>
      <kolo-poll><h3>No id</h3><ul><li>A</li><li>B</li></ul></kolo-poll>
      <kolo-quiz quiz-id="secret"><section data-question="q1"><p>Q?</p><ul><li data-value="a">A</li><li data-value="b">B</li></ul></section></kolo-quiz>
      <kolo-poll poll-id="twice"><h3>Q?</h3><ul><li data-value="a">A</li><li data-value="b">B</li></ul></kolo-poll>
      <kolo-poll poll-id="twice"><h3>Q?</h3><ul><li data-value="a">A</li><li data-value="c">C</li></ul></kolo-poll>
      <kolo-poll poll-id="same"><h3>Q?</h3><ul><li data-value="a">A</li><li data-value="b">B</li></ul></kolo-poll>
      <kolo-poll poll-id="same"><h2>Same rules, other words</h2><ul><li data-value="a">Yes</li><li data-value="b">No</li></ul></kolo-poll>
      <kolo-choice choice-id="bad-date" closes="March 7"><h3>Q?</h3><article data-value="a"><h4>A</h4></article><article data-value="b"><h4>B</h4></article></kolo-choice>
      <kolo-poll poll-id="local-time" closes="2026-12-31T18:00"><h3>Q?</h3><ul><li data-value="a">A</li><li data-value="b">B</li></ul></kolo-poll>
      <kolo-poll poll-id="utc-time" closes="2026-12-31T18:00Z"><h3>Q?</h3><ul><li data-value="a">A</li><li data-value="b">B</li></ul></kolo-poll>`;
    const { definitions, problems } = definitionsFromHtml(html);
    expect(definitions.map((d) => d.id)).toEqual(['twice', 'same', 'utc-time']);
    expect(problems).toEqual([
      { tag: 'kolo-poll', id: 'one-option', error: 'options: a poll needs at least 2 options' },
      { tag: 'kolo-poll', error: expect.stringMatching(/^id: /) },
      { tag: 'kolo-quiz', id: 'secret', error: 'questions.q1: no data-correct, so a server cannot grade it' },
      { tag: 'kolo-choice', id: 'bad-date', error: expect.stringMatching(/^closesAt: /) },
      // without a zone, each machine reads the time in its own: signatures and registrations would differ
      { tag: 'kolo-poll', id: 'local-time', error: expect.stringMatching(/^closes: "2026-12-31T18:00" needs a time zone/) },
      { tag: 'kolo-poll', id: 'twice', error: 'poll:twice is defined differently by an earlier <kolo-poll>' },
    ]);
  });

  it('signs each widget with the signature of its definition, which its own signature attribute does not change', () => {
    const signed = signWidgets(PAGE, SECRET);
    const { document } = parseHTML(signed);
    const { definitions } = definitionsFromHtml(signed);
    expect(definitions).toEqual(definitionsFromHtml(PAGE).definitions);
    const signatureOf = (selector: string, attribute = 'signature') => document.querySelector(selector)?.getAttribute(attribute) ?? '';
    const check = (kind: string, id: string, signature: string) => verifyWidget(definitions.find((d) => d.kind === kind && d.id === id)!, signature, SECRET);
    expect(check('poll', 'format', signatureOf('kolo-poll'))).toBe(true);
    expect(check('quiz', 'phishing', signatureOf('kolo-quiz'))).toBe(true);
    expect(check('faq', 'myths.system', signatureOf('article[data-card="system"]', 'data-signature'))).toBe(true);
    // a form and its board carry the form's signature
    expect(check('ideas', 'roadmap', signatureOf('kolo-idea-board[board-id="roadmap"]'))).toBe(true);
    expect(signatureOf('kolo-idea-board[board-id="roadmap"]')).toBe(signatureOf('kolo-idea-form'));
    expect(signatureOf('kolo-help-banner')).toBe('');
    // the rest of the page is kept
    expect(signed).toContain('<title>Every widget</title>');
    expect(signWidgets(signed, SECRET)).toBe(signed);
  });

  it("reads a widget's identity policy from its identity attribute, which no signature covers", () => {
    const page = (identity: string) => `<kolo-poll poll-id="members" ${identity}><h3>Members only?</h3><ul><li data-value="a">A</li><li data-value="b">B</li></ul></kolo-poll>`;
    const [signed] = definitionsFromHtml(page('identity="signed"')).definitions;
    const [plain] = definitionsFromHtml(page('')).definitions;
    expect(signed!.rules).toEqual({ ...plain!.rules, identity: 'signed' });
    // the page's action offers the policy without it: the same signature verifies it
    expect(verifyWidget(plain!, signWidgets(page('identity="signed"'), SECRET).match(/signature="([^"]+)"/)![1]!, SECRET)).toBe(true);
    expect(definitionsFromHtml(page('identity="maybe"')).problems).toEqual([{ tag: 'kolo-poll', id: 'members', error: 'identity: "maybe" must be one of anonymous, signed, either' }]);
  });
});
