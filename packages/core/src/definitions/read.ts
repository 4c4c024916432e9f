/**
 * Every widget a page defines, read without a browser or Lit: each `kolo-*` element is read by the
 * same reader, checked by the same schema and turned into rules by the same functions as the widget
 * itself uses, so what `kolo-server register` registers (or a site signs) is what the widget sends.
 * Works on any standard DOM (a browser's, linkedom's in Node).
 */
import type { Parsed } from '../content/common.ts';
import { propsFrom, type AttributeSpec } from '../content/read.ts';
import { canonicalDefinition, identityPolicySchema, type WidgetDefinition } from '../contract/definitions.ts';
import { IDENTITY_POLICIES } from '../contract/identity.ts';
import { choiceAttributes, pollAttributes, reactionsAttributes, readChoice, readPoll, readReactions } from '../voting/read.ts';
import { choicePolicy, parseChoiceConfig, type ChoiceConfig } from '../voting/choice.ts';
import { parsePollConfig, pollPolicy, type PollConfig } from '../voting/poll.ts';
import { parseReactionsConfig, reactionsPolicy, type ReactionsConfig } from '../voting/reactions.ts';
import { quizAttributes, readQuiz } from '../quiz/read.ts';
import { parseQuizConfig, quizGrading, type QuizConfig } from '../quiz/schema.ts';
import { faqAttributes, readFaq } from '../helpful/read.ts';
import { helpfulPolicy, helpfulWidget, parseFaqConfig, type FaqConfig } from '../helpful/schema.ts';
import { ideaBoardAttributes, ideaFormAttributes, readIdeaBoard } from '../ideas/read.ts';
import { ideaPolicy, ideaWidget, parseIdeaBoard, type IdeaBoardConfig } from '../ideas/schema.ts';

/** A widget found on a page: its definition, and the element (and attribute) that carries its signature. */
export interface FoundWidget {
  tag: string;
  definition: WidgetDefinition;
  element: Element;
  attribute: 'signature' | 'data-signature';
}
/** An element whose content is invalid, or that no server could run as written. */
export interface WidgetProblem {
  tag: string;
  id?: string;
  error: string;
}

interface Reader<C> {
  attributes: AttributeSpec;
  read: (host: Element, props: never) => unknown;
  parse: (input: unknown) => Parsed<C>;
  /** the definitions of valid content, or what stops a server from running it (a method: each reader takes its own config) */
  define(config: C, host: Element): Omit<FoundWidget, 'tag'>[] | string;
}
// plain object literals, no calls at the top level: a bundle that does not use `definitionsOf` drops all of this
const own = (host: Element, definition: WidgetDefinition) => [{ definition, element: host, attribute: 'signature' as const }];
/** A closing time without a zone means each browser's own time: no two machines would sign or register it alike. */
const ballot = (host: Element, kind: 'poll' | 'choice', c: PollConfig | ChoiceConfig, policy: WidgetDefinition['rules']) =>
  c.closesAt && c.closesAt.includes('T') && !/(?:Z|[+-]\d\d:\d\d)$/.test(c.closesAt)
    ? `closes: "${c.closesAt}" needs a time zone (Z or an offset such as +02:00), or every visitor's clock reads it differently`
    : own(host, { kind, id: c.id, rules: policy });
const defineBoard = (c: IdeaBoardConfig, host: Element) => own(host, { ...ideaWidget(c), rules: { policy: ideaPolicy(c) } });

const READERS: Record<string, Reader<unknown>> = {
  'kolo-poll': { attributes: pollAttributes, read: readPoll, parse: parsePollConfig, define: (c: PollConfig, host: Element) => ballot(host, 'poll', c, { policy: pollPolicy(c) }) },
  'kolo-choice': { attributes: choiceAttributes, read: readChoice, parse: parseChoiceConfig, define: (c: ChoiceConfig, host: Element) => ballot(host, 'choice', c, { policy: choicePolicy(c) }) },
  'kolo-reactions': {
    attributes: reactionsAttributes,
    read: readReactions,
    parse: parseReactionsConfig,
    define: (c: ReactionsConfig, host: Element) => own(host, { kind: 'reactions', id: c.id, rules: { policy: reactionsPolicy(c) } }),
  },
  'kolo-quiz': {
    attributes: quizAttributes,
    read: readQuiz,
    parse: parseQuizConfig,
    define: (c: QuizConfig, host: Element) => {
      const open = c.questions.find((q) => !q.correct);
      return open ? `questions.${open.id}: no data-correct, so a server cannot grade it` : own(host, { kind: 'quiz', id: c.id, rules: quizGrading(c) });
    },
  },
  // one "was this helpful?" widget per card, signed on its `article[data-card]`; none without feedback
  'kolo-faq-carousel': {
    attributes: faqAttributes,
    read: readFaq,
    parse: parseFaqConfig,
    define: (c: FaqConfig, host: Element) => {
      const cards = [...host.querySelectorAll('[data-card]')];
      if (c.feedback === false) return [];
      return c.cards.map((card, i) => ({ definition: { ...helpfulWidget(c.id, card.id), rules: { policy: helpfulPolicy } }, element: cards[i]!, attribute: 'data-signature' as const }));
    },
  },
  'kolo-idea-form': { attributes: ideaFormAttributes, read: readIdeaBoard, parse: parseIdeaBoard, define: defineBoard },
  'kolo-idea-board': { attributes: ideaBoardAttributes, read: readIdeaBoard, parse: parseIdeaBoard, define: defineBoard },
};

/** Every widget element under `root`, read and checked; invalid ones are problems, never a crash. */
export function widgetsIn(root: ParentNode): { found: FoundWidget[]; problems: WidgetProblem[] } {
  const found: FoundWidget[] = [];
  const problems: WidgetProblem[] = [];
  for (const el of root.querySelectorAll(Object.keys(READERS).join(','))) {
    const tag = el.tagName.toLowerCase();
    const r = READERS[tag]!;
    const raw = r.read(el, propsFrom(el, r.attributes) as never) as { id?: unknown };
    const id = typeof raw.id === 'string' && raw.id ? { id: raw.id } : {};
    const parsed = r.parse(raw);
    const identity = el.getAttribute('identity');
    const defined = !parsed.ok ? parsed.error : identity !== null && !identityPolicySchema.safeParse(identity).success
      ? `identity: "${identity}" must be one of ${IDENTITY_POLICIES.join(', ')}`
      : r.define(parsed.value, el);
    if (typeof defined === 'string') problems.push({ tag, ...id, error: defined });
    // the team's identity policy (`identity="signed"`), registered with the rules (no signature covers it)
    else found.push(...defined.map((d) => ({ tag, ...d, ...(identity && { definition: { ...d.definition, rules: { ...d.definition.rules, identity } as WidgetDefinition['rules'] } }) })));
  }
  return { found, problems };
}

const keyOf = (d: WidgetDefinition) => `${d.kind}:${d.id}`;

/**
 * One definition per widget. An idea form's wins over its board's (only the form has
 * `min-fill-seconds`); two other elements defining one widget differently are a problem (the first wins).
 */
export function uniqueDefinitions(found: FoundWidget[], problems: WidgetProblem[] = []): WidgetDefinition[] {
  const chosen = new Map<string, FoundWidget>();
  for (const f of found) {
    const had = chosen.get(keyOf(f.definition));
    const board = (x: FoundWidget) => x.tag === 'kolo-idea-board';
    if (!had || (board(had) && !board(f))) chosen.set(keyOf(f.definition), f);
    else if (!board(f) && canonicalDefinition(had.definition) !== canonicalDefinition(f.definition))
      problems.push({ tag: f.tag, id: f.definition.id, error: `${keyOf(f.definition)} is defined differently by an earlier <${had.tag}>` });
  }
  return [...chosen.values()].map((f) => f.definition);
}

/** Every widget `root` defines (its kind, id and rules) and the elements that could not be read. */
export function definitionsOf(root: ParentNode): { definitions: WidgetDefinition[]; problems: WidgetProblem[] } {
  const { found, problems } = widgetsIn(root);
  return { definitions: uniqueDefinitions(found, problems), problems };
}
