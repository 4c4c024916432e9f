/**
 * What adapters answer: a widget's view for one voter. `Tally` is what every widget has (counts,
 * voters, this voter's choices); a quiz adds this voter's graded answers, a board its ideas.
 */
import * as z from 'zod/mini';
import { dateTimeSchema } from './ids.ts';
import { keySchema } from './keys.ts';
import { IDEA_STATUSES } from './statuses.ts';

const strings = z.array(z.string());

export const ideaStatusSchema = z.enum(IDEA_STATUSES);

/** How many people chose what, and what this voter chose. */
export const tallySchema = z.object({
  /** choice id → number of voters whose current ballot includes it (quizzes: `q:answered`, `q:correct`) */
  counts: z.record(z.string(), z.number()),
  /** number of distinct voters */
  voters: z.number(),
  /** this voter's current choices (empty when they have not voted; on a board, the ideas they upvoted) */
  mine: strings,
});
export type Tally = z.infer<typeof tallySchema>;

/** A graded quiz answer. */
export const answerSchema = z.object({
  choices: strings,
  correct: z.boolean(),
  /** the correct choices, so feedback can show them even when the page does not hold them */
  key: strings,
});
export type Answer = z.infer<typeof answerSchema>;

/** An idea as a board shows it. */
export const ideaSchema = z.object({
  id: keySchema,
  title: z.string(),
  details: z.optional(z.string()),
  category: z.optional(z.string()),
  status: ideaStatusSchema,
  /** ISO date-time of submission */
  createdAt: dateTimeSchema,
  /** this voter submitted it */
  own: z.boolean(),
  /** the team's public answer ("you asked, we did") */
  answer: z.optional(z.string()),
  /** link to the announcement */
  link: z.optional(z.string()),
  /** why it was declined or rejected */
  reason: z.optional(z.string()),
});
export type Idea = z.infer<typeof ideaSchema>;

/** An entry of a changelog ("you asked, we did"): an idea done or a question answered, on one of its boards. */
export const changelogEntrySchema = z.object({
  /** the board it was asked on (`ideas:roadmap`, `questions:ama`) */
  board: z.string(),
  /** its id on that board */
  id: keySchema,
  title: z.string(),
  /** the team's public answer */
  answer: z.optional(z.string()),
  /** link to the announcement */
  link: z.optional(z.string()),
  /** ISO date-time it was done or answered */
  at: dateTimeSchema,
  /** how many asked for it (its upvotes) */
  asked: z.number(),
});
export type ChangelogEntry = z.infer<typeof changelogEntrySchema>;

/**
 * What `load` and `send` answer, for any widget: the tally, plus a quiz's `answers` (this voter's
 * latest graded answer per question) or a board's `ideas` (what this voter may see, in submission
 * order), plus `queued` (this voter's actions kept on the device, waiting to be delivered) and a
 * board's `form` token (in a server's answer to loading it).
 * The server checks every answer against it.
 */
export const viewSchema = z.object({
  ...tallySchema.shape,
  answers: z.optional(z.record(z.string(), answerSchema)),
  ideas: z.optional(z.array(ideaSchema)),
  queued: z.optional(z.number()),
  /** a changelog's page: its entries, newest first (with the pages before it, once more are loaded) */
  entries: z.optional(z.array(changelogEntrySchema)),
  /** a board loaded from a server: the signed form token an idea carries back (never in live updates) */
  form: z.optional(z.string()),
  /** a board loaded from a server: the median working hours to the team's first reply ("We usually reply within N hours"; absent: too few answers) */
  replyHours: z.optional(z.number()),
  /** a board loaded from a server that sends email: people may follow its ideas (`KoloAdapter.follow`) */
  notify: z.optional(z.boolean()),
  /** a board's page: the cursor of the following page (absent: no more) */
  next: z.optional(z.string()),
  /**
   * A part of a view, merged into the last whole one (`mergeView`, ./merge.ts): `public`, a live update, the same
   * for everyone (it says nothing of this voter's choices); `voter`, a board's answer to this voter's
   * idea or upvote (`mine` holds their upvotes among the ideas it carries). A board's carries only the
   * ideas that changed, their counts, and the ids no longer shown (`removed`).
   */
  partial: z.optional(z.enum(['public', 'voter'])),
  removed: z.optional(strings),
});
export type View = z.infer<typeof viewSchema>;

// merging views (`mergeView`, `appendPage`) is in merge.ts, apart from the schemas: see there
