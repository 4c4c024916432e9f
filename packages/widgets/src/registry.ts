/**
 * The one list of Kolo widgets. Everything else that names the widgets is generated from it or
 * reads it: the define entries and `define/all.ts` and `components/index.ts` (written by
 * `node scripts/gen-widgets.mjs`; `--check` fails when they are out of date), the size budgets
 * (`scripts/size.mjs`), the pack test, the manifest globs and the `exports` map (wildcards).
 * Scripts read this file with esbuild, so it imports nothing.
 */

/** What a widget belongs with: the family folder it shares code with (`voting/`, `ideas/`), if any. */
export type WidgetFamily = 'voting' | 'quiz' | 'ideas' | 'help' | 'changelog';


export interface WidgetEntry {
  /** the custom element's tag; its class is the tag in PascalCase (`kolo-idea-board` → `KoloIdeaBoard`) */
  readonly tag: `kolo-${string}`;
  /** the entry name: `@kolo/widgets/<entry>` and `@kolo/widgets/define/<entry>` */
  readonly entry: string;
  /** the component module, relative to `src/` */
  readonly module: string;
  /** what the widget may add to the shared runtime, in brotli bytes (`pnpm size`) */
  readonly budget: number;
  readonly family: WidgetFamily;
}

const KB = 1024;

export const widgets: readonly WidgetEntry[] = [
  // +64 B (poll, choice, quiz; issue 16): the title as a heading of the authored level (`role="heading"`,
  // `aria-level` from base/heading.ts, the `heading-level` property), costing 75–89 B each (poll 5,209 → 5,298 B, choice 5,200 → 5,275 B, quiz 5,561 → 5,636 B)
  // +64 B more (issue 17): with every signal carrying the widget's campaign (next-step conversion per
  // campaign) the runtime reached its budget and the poll's chunk measured 5,324 B without a change of its own
  { tag: 'kolo-poll', entry: 'poll', module: 'components/poll/poll.ts', budget: 5 * KB + 256, family: 'voting' },
  // +128 B: the parts of each scenario (`option-selected`, `value-<id>`, `group`, `legend`) for page CSS
  { tag: 'kolo-choice', entry: 'choice', module: 'components/choice/choice.ts', budget: 5 * KB + 192, family: 'voting' },
  { tag: 'kolo-reactions', entry: 'reactions', module: 'components/reactions/reactions.ts', budget: 5 * KB, family: 'voting' },
  // 5.5 KB: the quiz carries its own grading rules for the memory and local adapters (they left the
  // shared runtime, which every page loads, for the one widget that needs them)
  { tag: 'kolo-quiz', entry: 'quiz', module: 'components/quiz/quiz.ts', budget: 5.5 * KB + 64, family: 'quiz' },
  // +64 B (issue 17, the community rules): the `slot="rules"`, the required "I have read the community
  // rules" checkbox with its message (en + uk), the form showing it when an adapter refuses an idea
  // without it, and core's `requireRules` policy and rule; 9,706 → 10,048 B, of which moving the board's
  // `upvoteLabel` out of the shared bundle gave back 90 B.
  // +64 B more (issue 17, the rules measured 256 B over): 10,048 → 9,827 B by finding bytes, not
  // features: moderation left the rules every idea widget carries for the memory and local adapters
  // (`ideaModerationRules`, taught by `moderateIdea` only), status words are found by their key's name
  // (`statusDone`, `qStatusDone`) instead of a table, a dead style went, and the template minifier
  // (scripts/esbuild-shared.mjs) reaches the text between nested templates. The last 35 B are the rules'.
  // +64 B more (issue 17): the rules' checkbox styled as a checkbox (the form's input styles made it a
  // full-width text box), and the follow offer's shared chunking; measured 9,865 B.
  { tag: 'kolo-idea-form', entry: 'idea-form', module: 'components/idea-form/idea-form.ts', budget: 9.5 * KB + 192, family: 'ideas' },
  { tag: 'kolo-idea-board', entry: 'idea-board', module: 'components/idea-board/idea-board.ts', budget: 9.5 * KB, family: 'ideas' },
  { tag: 'kolo-faq-carousel', entry: 'faq-carousel', module: 'components/faq-carousel/faq-carousel.ts', budget: 6 * KB, family: 'help' },
  { tag: 'kolo-help-banner', entry: 'help-banner', module: 'components/help-banner/help-banner.ts', budget: 6 * KB, family: 'help' },
  // measured 7,006 B (issue 17): months, entries, "show more", its store over a server or the boards a
  // memory/local adapter holds (with the idea rules for those)
  { tag: 'kolo-changelog', entry: 'changelog', module: 'components/changelog/changelog.ts', budget: 7 * KB + 64, family: 'changelog' },
  { tag: 'kolo-disclosure', entry: 'disclosure', module: 'components/disclosure/disclosure.ts', budget: 3 * KB, family: 'help' },
];

/** The class name of a tag: `kolo-idea-board` → `KoloIdeaBoard`. */
export const className = (tag: string): string => tag.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());

