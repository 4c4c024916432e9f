/**
 * One widget of each kind of the registry, authored in HTML, and a text its server-rendered shadow
 * root must show: the server-side rendering tests (Node) and the hydration test (Chromium) share them.
 */
export interface SsrFixture {
  tag: `kolo-${string}`;
  html: string;
  /** what the rendered shadow root shows (the authored question, heading or label) */
  shows: string[];
}

export const fixtures: readonly SsrFixture[] = [
  {
    tag: 'kolo-poll',
    html: `<kolo-poll poll-id="ssr-poll"><h3>Which format do you prefer?</h3><p>We plan posts around it.</p>
      <ul><li data-value="carousel">Carousel</li><li data-value="video">Short video</li></ul></kolo-poll>`,
    shows: ['Which format do you prefer?', 'We plan posts around it.', 'Carousel', 'Short video'],
  },
  {
    tag: 'kolo-choice',
    html: `<kolo-choice choice-id="ssr-choice" name="digest"><h3>Which digest would you rather read?</h3>
      <article data-value="weekly"><h4>A: Weekly digest</h4><p>One longer email every Sunday.</p></article>
      <article data-value="daily"><h4>B: Daily short</h4><p>Three links every morning.</p></article></kolo-choice>`,
    shows: ['Which digest would you rather read?', 'A: Weekly digest', 'Three links every morning.'],
  },
  {
    tag: 'kolo-reactions',
    html: `<kolo-reactions reactions-id="ssr-reactions" label="React to this article" reactions="👍 ❤️ 🎉"></kolo-reactions>`,
    shows: ['React to this article', '👍', '🎉'],
  },
  {
    tag: 'kolo-quiz',
    html: `<kolo-quiz quiz-id="ssr-quiz"><h3>Can you spot phishing?</h3>
      <section data-question="link" data-correct="no"><p>An email asks for your password. Is it safe?</p>
        <ul><li data-value="yes">Yes</li><li data-value="no">No</li></ul></section></kolo-quiz>`,
    shows: ['Can you spot phishing?', 'An email asks for your password. Is it safe?'],
  },
  {
    tag: 'kolo-idea-form',
    html: `<kolo-idea-form board-id="ssr-ideas"><h3>How can we improve the planner?</h3><p>We pick the most upvoted ideas.</p></kolo-idea-form>`,
    shows: ['How can we improve the planner?', 'We pick the most upvoted ideas.'],
  },
  {
    tag: 'kolo-idea-board',
    html: `<kolo-idea-board board-id="ssr-board" heading-level="3"><h3>Ideas for the planner</h3></kolo-idea-board>`,
    shows: ['Ideas for the planner'],
  },
  {
    tag: 'kolo-faq-carousel',
    html: `<kolo-faq-carousel carousel-id="ssr-faq"><h3>Questions about odds</h3>
      <article data-card="decimal"><h4>What do decimal odds mean?</h4><p>A bet of 10 at 2.50 returns 25.</p></article>
      <article data-card="implied"><h4>What is the implied probability?</h4><p>One divided by the odds.</p></article></kolo-faq-carousel>`,
    shows: ['Questions about odds', 'What do decimal odds mean?', 'A bet of 10 at 2.50 returns 25.'],
  },
  {
    tag: 'kolo-help-banner',
    html: `<kolo-help-banner banner-id="ssr-banner" region="gb"><h3>Play safe</h3><p data-disclaimer>Only bet what you can afford to lose.</p>
      <ul data-region="gb" data-label="the United Kingdom" data-default><li><a href="tel:08088020133">National Gambling Helpline</a></li></ul></kolo-help-banner>`,
    shows: ['Play safe', 'Only bet what you can afford to lose.', 'National Gambling Helpline'],
  },
  {
    tag: 'kolo-changelog',
    html: `<kolo-changelog changelog-id="ssr-changelog" boards="ideas:roadmap"><h2>You asked, we did</h2><p>What shipped this year.</p></kolo-changelog>`,
    shows: ['You asked, we did', 'What shipped this year.'],
  },
  {
    tag: 'kolo-disclosure',
    html: `<kolo-disclosure type="partner">Made with Safer Play, a charity we paid. <a href="https://example.org/policy">Our policy</a></kolo-disclosure>`,
    shows: ['Made with Safer Play, a charity we paid.', 'Our policy'],
  },
];
