/**
 * The voting widgets (poll, A/B choice, reactions) as authored: their light DOM and attributes, read
 * the same way by `<kolo-poll>` & co. in a browser and by `definitionsOf` anywhere else.
 */
import { authoredNextStep, lightText, type AttributeSpec } from '../content/read.ts';
import { emojiId } from './messages/emoji.ts';
import type { PollConfig } from './poll.ts';
import type { ChoiceConfig } from './choice.ts';
import type { Reaction, ReactionsConfig } from './reactions.ts';

/** What every voting widget takes from its attributes the same way. */
export interface TallyProps {
  results?: string | undefined;
  closes?: string | undefined;
  allowChange?: boolean;
  /** the site's signature of the widget's definition */
  signature?: string | undefined;
}

const tallyAttributes = { results: ['results', String], closes: ['closes', String], allowChange: ['allow-change', Boolean], signature: ['signature', String], headingLevel: ['heading-level', Number], config: ['config', Object] } as const;

/** What every voting widget reads from its attributes the same way (a removed attribute is `null` in Lit: `|| undefined`). */
export const authoredTally = (host: Element, p: TallyProps) => ({
  results: p.results || undefined,
  closesAt: p.closes || undefined,
  allowChange: p.allowChange,
  signature: p.signature || undefined,
  ...authoredNextStep(host),
});

export interface PollProps extends TallyProps {
  pollId?: string | undefined;
  multiple?: boolean;
  maxChoices?: number | undefined;
  config?: Partial<PollConfig> | undefined;
}
// (`Object.assign` marked pure, not a spread: a widget bundle that never reads a spec drops it)
export const pollAttributes: AttributeSpec = /* @__PURE__ */ Object.assign({ pollId: ['poll-id', String], multiple: ['multiple', Boolean], maxChoices: ['max-choices', Number] } as const, tallyAttributes);

/**
 * A poll as authored: `.config`, or the first heading (or `[data-question]`) as the question, the first
 * other paragraph as its description, each `li` of the first list an option (`data-value` its id).
 */
export function readPoll(host: Element, p: PollProps): unknown {
  if (p.config) return { id: p.pollId || undefined, ...p.config };
  const kids = [...host.children];
  const list = kids.find((k) => k.matches('ul, ol'));
  const question = kids.find((k) => k.matches('[data-question]')) ?? kids.find((k) => k.matches('h1, h2, h3, h4, h5, h6, p'));
  const description = kids.find((k) => k !== question && k.matches('p, [data-description]'));
  return {
    id: p.pollId,
    question: question ? lightText(question) : '',
    description: description && lightText(description),
    options: [...(list?.children ?? [])].map((li, i) => ({ id: li.getAttribute('data-value') ?? String(i + 1), label: lightText(li) })),
    multiple: p.multiple,
    maxChoices: p.maxChoices || undefined,
    ...authoredTally(host, p),
  };
}

export interface ChoiceProps extends TallyProps {
  choiceId?: string | undefined;
  config?: Partial<ChoiceConfig> | undefined;
}
export const choiceAttributes: AttributeSpec = /* @__PURE__ */ Object.assign({ choiceId: ['choice-id', String], name: ['name', String], value: ['value', String] } as const, tallyAttributes);

/** An A/B choice as authored: `.config`, or the question and an `article` (or `[data-value]`) per scenario. */
export function readChoice(host: Element, p: ChoiceProps): unknown {
  if (p.config) return { id: p.choiceId || undefined, ...p.config };
  const kids = [...host.children];
  const cards = kids.filter((k) => k.matches('article, [data-value]'));
  const question = kids.find((k) => !cards.includes(k) && k.matches('[data-question], h1, h2, h3, h4, h5, h6, p'));
  return {
    id: p.choiceId,
    question: question ? lightText(question) : '',
    options: cards.map((card, i) => {
      const title = card.querySelector('[data-title], h1, h2, h3, h4, h5, h6');
      const text = card.querySelector('p');
      const img = card.querySelector('img');
      return {
        id: card.getAttribute('data-value') ?? String(i + 1),
        title: title ? lightText(title) : '',
        ...(text ? { text: lightText(text) } : {}),
        ...(img ? { image: { src: img.getAttribute('src') ?? '', alt: img.getAttribute('alt') } } : {}),
      };
    }),
    ...authoredTally(host, p),
  };
}

const DEFAULT_SET = '👍 ❤️ 🎉 😮 😢';
const DEFAULT_MORE = '😂 👏 🔥 🤔 🙏 💡 🚀 👀 💯 😍 🙌 🤝 👎 😡 😴';

/** Reactions from a space-separated list of emoji. */
const fromGlyphs = (glyphs: string): Reaction[] =>
  glyphs
    .split(/\s+/)
    .filter(Boolean)
    .map((emoji) => ({ id: emojiId(emoji), emoji }));

/** Reactions authored as `<li data-emoji="✅" data-value="agree">Agree</li>`. */
const fromList = (list: Element | undefined): Reaction[] | undefined =>
  list &&
  [...list.children].map((li) => {
    const emoji = li.getAttribute('data-emoji') ?? '';
    const label = lightText(li);
    return { id: li.getAttribute('data-value') ?? emojiId(emoji), emoji, ...(label ? { label } : {}) };
  });

export interface ReactionsProps {
  reactionsId?: string | undefined;
  label?: string | undefined;
  reactions?: string | undefined;
  more?: string | undefined;
  signature?: string | undefined;
  config?: Partial<ReactionsConfig> | undefined;
}
export const reactionsAttributes: AttributeSpec = {
  reactionsId: ['reactions-id', String],
  label: ['label', String],
  reactions: ['reactions', String],
  more: ['more', String],
  signature: ['signature', String],
  config: ['config', Object],
};

/** Reactions as authored: `.config`, or the `reactions`/`more` emoji attributes, or the first (and second) list. */
export function readReactions(host: Element, p: ReactionsProps): unknown {
  if (p.config) return { id: p.reactionsId || undefined, ...p.config };
  const lists = [...host.children].filter((k) => k.matches('ul, ol'));
  const row = fromList(lists[0]) ?? fromGlyphs(p.reactions ?? DEFAULT_SET);
  const rowIds = new Set(row.map((r) => r.id));
  // Authored lists bring their own larger set (a second list); the built-in one goes with emoji attributes.
  const more = fromList(lists[1]) ?? fromGlyphs(p.more ?? (lists[0] ? '' : DEFAULT_MORE)).filter((r) => !rowIds.has(r.id));
  return { id: p.reactionsId, ...(p.label ? { label: p.label } : {}), reactions: row, more, signature: p.signature || undefined, ...authoredNextStep(host) };
}
