/**
 * What a widget asks an adapter to do: every action carries a client-made idempotency key (`id`: the
 * same id is applied once), the anonymous voter, the widget and when the person acted.
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { dateTimeSchema, idSchema } from './ids.ts';
import { keySchema, voterSchema, intBetween, wireText } from './keys.ts';
import { ideaStatusSchema } from './views.ts';
import { WIDGET_KINDS } from './widgets.ts';

const choiceSchema = idSchema;
const upTo = (max: number) => wireText(max);

export const widgetRefSchema = z.object({ kind: z.enum(WIDGET_KINDS), id: idSchema });

const base = {
  id: keySchema,
  voter: voterSchema,
  widget: widgetRefSchema,
  at: dateTimeSchema,
  /** the site's signature of the widget's definition (`signature` on the element): a server registers a signed widget on first use */
  signature: z.optional(wireText(LIMITS.signature, 1)),
};
const ids = (min: number, max: number) => z.array(choiceSchema).check(z.minLength(min), z.maxLength(max));

/**
 * The rules a ballot must obey. The memory and local adapters take them from the action;
 * a server uses its own registered copy.
 */
export const votePolicySchema = z.object({
  /** allowed choice ids */
  options: z.array(choiceSchema).check(z.minLength(1), z.maxLength(LIMITS.options)),
  /** more than one choice per ballot */
  multiple: z.boolean(),
  /** the most choices per ballot when `multiple` */
  max: z.optional(intBetween(1, LIMITS.options)),
  /** a voter may replace or withdraw their ballot */
  change: z.boolean(),
  /** ISO date-time after which no ballot is accepted */
  closesAt: z.optional(dateTimeSchema),
});
export type VotePolicy = z.infer<typeof votePolicySchema>;

/** Cast, replace or (with no choices) withdraw this voter's ballot. */
export const voteActionSchema = z.object({
  ...base,
  type: z.literal('vote'),
  choices: z.array(choiceSchema).check(z.maxLength(LIMITS.choices)),
  policy: votePolicySchema,
});
export type VoteAction = z.infer<typeof voteActionSchema>;

/** One quiz question as a server grades it. */
export const quizQuestionRulesSchema = z.object({
  options: ids(2, LIMITS.quizOptions),
  multiple: z.boolean(),
  /** the correct choices */
  key: ids(1, LIMITS.quizOptions),
});
export type QuizQuestionRules = z.infer<typeof quizQuestionRulesSchema>;

/** A quiz's rules: every question by its id. */
export const quizRulesSchema = z.object({
  questions: z
    .record(idSchema, quizQuestionRulesSchema)
    .check(z.refine((q) => Object.keys(q).length <= LIMITS.quizQuestions, `at most ${LIMITS.quizQuestions} questions`)),
});

/**
 * Answer one quiz question. Memory and local adapters grade with `key` (the correct choices from the
 * page's content); a server may keep the key off the page and grade with its own copy.
 */
export const answerActionSchema = z.object({
  ...base,
  type: z.literal('answer'),
  question: idSchema,
  choices: z.array(choiceSchema).check(z.minLength(1), z.maxLength(LIMITS.quizOptions)),
  /** the question's choice ids and whether several may be chosen */
  policy: z.object({ options: z.array(choiceSchema).check(z.minLength(2), z.maxLength(LIMITS.quizOptions)), multiple: z.boolean() }),
  key: z.optional(z.array(choiceSchema).check(z.maxLength(LIMITS.quizOptions))),
  /** with `signature`: the whole quiz's rules, which the signature covers */
  quiz: z.optional(quizRulesSchema),
});
export type AnswerAction = z.infer<typeof answerActionSchema>;

/** What a person writes in the idea form. `contact` goes to the team only, never back to a page. */
export const ideaDraftSchema = z.object({
  title: upTo(LIMITS.ideaTitle),
  details: z.optional(upTo(LIMITS.ideaDetails)),
  category: z.optional(upTo(LIMITS.id)),
  contact: z.optional(upTo(LIMITS.ideaContact)),
});
export type IdeaDraft = z.infer<typeof ideaDraftSchema>;

/** The submission rules an adapter enforces for an idea board. */
export const ideaPolicySchema = z.object({
  /** new ideas wait for a moderator (`pending`) instead of going public (`review`) */
  moderated: z.boolean(),
  /** submissions faster than this after the form was first touched are refused as automated */
  minFillMs: intBetween(0, LIMITS.boardMinFillMs),
  /** the most ideas one voter may submit in 24 hours */
  maxPerDay: intBetween(1, LIMITS.boardMaxPerDay),
  titleMin: intBetween(1, LIMITS.boardTitleMax),
  titleMax: intBetween(1, LIMITS.boardTitleMax),
  detailsMax: intBetween(0, LIMITS.boardDetailsMax),
  /** allowed category ids; empty means the board has no categories */
  categories: z.array(idSchema).check(z.maxLength(LIMITS.boardCategories)),
  /** an idea is refused unless the person accepted the board's community rules (`rulesAccepted`); absent: not required */
  requireRules: z.optional(z.boolean()),
});
export type IdeaPolicy = z.infer<typeof ideaPolicySchema>;

/** Submit an idea (or an AMA question), with the anti-spam signals a server checks too. */
export const ideaActionSchema = z.object({
  ...base,
  type: z.literal('idea'),
  idea: ideaDraftSchema,
  /** the hidden field people never see; anything in it marks a bot */
  honeypot: upTo(LIMITS.honeypot),
  /** ISO date-time when the person started filling in the form */
  startedAt: dateTimeSchema,
  /** the form token from the board's view (`View.form`): a server measures the fill time from it on its own clock */
  form: z.optional(upTo(LIMITS.formToken)),
  /** the person ticked "I have read the community rules" (a board whose policy has `requireRules` refuses an idea without it) */
  rulesAccepted: z.optional(z.boolean()),
  policy: ideaPolicySchema,
});
export type IdeaAction = z.infer<typeof ideaActionSchema>;

/** Upvote an idea (`on`) or take the upvote back. */
export const upvoteActionSchema = z.object({ ...base, type: z.literal('upvote'), idea: keySchema, on: z.boolean() });
export type UpvoteAction = z.infer<typeof upvoteActionSchema>;

/** A moderator's decision about an idea: its new status, the public answer, the announcement link, the reason. */
export const decisionSchema = z.object({
  status: ideaStatusSchema,
  answer: z.optional(upTo(LIMITS.answer)),
  link: z.optional(upTo(LIMITS.link)),
  reason: z.optional(upTo(LIMITS.reason)),
});
export type Decision = z.infer<typeof decisionSchema>;

/**
 * A moderator's decision as an action. Memory and local adapters accept it from the page (they hold
 * one device's data); a server accepts decisions only through its authenticated admin API.
 */
export const moderateActionSchema = z.object({ ...base, type: z.literal('moderate'), idea: keySchema, ...decisionSchema.shape });
export type ModerateAction = z.infer<typeof moderateActionSchema>;

/** Every action a page may send to a server (moderation goes through the admin API instead). */
export const actionSchema = z.discriminatedUnion('type', [voteActionSchema, answerActionSchema, ideaActionSchema, upvoteActionSchema]);
export type ServerAction = z.infer<typeof actionSchema>;

export type KoloAction = VoteAction | AnswerAction | IdeaAction | UpvoteAction | ModerateAction;
