/**
 * A registered widget's embed snippet: the HTML a site pastes, written from its rules (ids stand in for
 * the labels and emoji the site writes). The server judges actions by its registered rules; the page's
 * own copy (options, a quiz's `data-correct`) is what the widget shows and what `kolo-server register`
 * would read back.
 */
import type { IdeaPolicy, QuizQuestionRules, VotePolicy, WidgetRules } from '@kolo/core';

const TAGS: Record<string, [tag: string, idAttribute: string]> = {
  poll: ['kolo-poll', 'poll-id'],
  choice: ['kolo-choice', 'choice-id'],
  reactions: ['kolo-reactions', 'reactions-id'],
  quiz: ['kolo-quiz', 'quiz-id'],
  ideas: ['kolo-idea-form', 'board-id'],
  questions: ['kolo-idea-form', 'board-id'],
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const attrs = (pairs: [string, string | number | boolean | undefined][]) =>
  pairs
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escape(String(v))}"`))
    .join('');
const items = (ids: string[], emoji = false) => ids.map((id) => `    <li data-value="${escape(id)}"${emoji ? ' data-emoji="🙂"' : ''}>${escape(id)}</li>`).join('\n');

function ballot(kind: string, id: string, p: VotePolicy) {
  const [tag, idAttribute] = TAGS[kind]!;
  const own = attrs([[idAttribute, id], ['multiple', kind === 'poll' && p.multiple], ['max-choices', kind === 'poll' ? p.max : undefined], ['allow-change', p.change], ['closes', p.closesAt]]);
  // a choice's options are cards; a poll's and reactions' a list
  const body =
    kind === 'choice'
      ? p.options.map((o) => `  <article data-value="${escape(o)}"><h4>${escape(o)}</h4></article>`).join('\n')
      : `  <ul>\n${items(p.options, kind === 'reactions')}\n  </ul>`;
  return `<${tag}${own}>\n${kind === 'reactions' ? '' : '  <h3>Your question</h3>\n'}${body}\n</${tag}>`;
}

function quiz(id: string, questions: Record<string, QuizQuestionRules>) {
  const sections = Object.entries(questions).map(
    ([q, r]) => `  <section data-question="${escape(q)}" data-correct="${escape(r.key.join(' '))}"${r.multiple ? ' data-multiple' : ''}>\n    <p>Question ${escape(q)}</p>\n    <ul>\n${items(r.options).replace(/^/gm, '  ')}\n    </ul>\n  </section>`,
  );
  return `<kolo-quiz quiz-id="${escape(id)}">\n  <h3>Your quiz</h3>\n${sections.join('\n')}\n</kolo-quiz>`;
}

function board(kind: string, id: string, p: IdeaPolicy) {
  const own = attrs([['board-id', id], ['kind', kind === 'questions' ? 'question' : undefined], ['moderated', p.moderated], ['max-per-day', p.maxPerDay]]);
  const categories = p.categories.length ? `\n  <ul data-categories>\n${items(p.categories)}\n  </ul>` : '';
  // the rules' summary and link are the site's own HTML, shown as they are
  const rules = p.requireRules ? '\n  <p slot="rules">Our community rules in short. <a href="/community-rules">Read the community rules</a></p>' : '';
  return `<kolo-idea-form${own}${p.requireRules ? ' require-rules' : ''} min-fill-seconds="${Math.round(p.minFillMs / 1000)}">\n  <h3>Your idea</h3>${categories}${rules}\n</kolo-idea-form>\n<kolo-idea-board${own}>\n  <h3>Ideas</h3>\n</kolo-idea-board>`;
}

/** The HTML that embeds a widget with these rules, on a page served by `endpoint`'s site. */
export function embedSnippet(kind: string, id: string, rules: WidgetRules, endpoint: string): string {
  const head = `<meta name="kolo-adapter" content="${escape(endpoint)}">\n<script type="module" src="/assets/kolo.js"></script>\n\n`;
  if ('questions' in rules) return head + quiz(id, rules.questions);
  if ('boards' in rules) return `${head}<kolo-changelog changelog-id="${escape(id)}">\n  <h2>You asked, we did</h2>\n</kolo-changelog>`;
  if (kind === 'ideas' || kind === 'questions') return head + board(kind, id, rules.policy as IdeaPolicy);
  if (kind === 'faq') return `${head}<!-- an FAQ card: inside <kolo-faq-carousel carousel-id="…">, <article data-card="…"> -->`;
  return head + ballot(kind, id, rules.policy as VotePolicy);
}
