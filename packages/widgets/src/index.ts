/** Classes and types only: importing this registers nothing (use `@kolo/widgets/define/*`). */
export { KoloElement } from './base/kolo-element.ts';
export { provideAdapter, registerAdapter, namedAdapter, findAdapter, deferredAdapter, type AdapterFactory } from './base/adapters.ts';
export { KoloPoll } from './components/poll/poll.ts';
export { KoloChoice } from './components/choice/choice.ts';
export { KoloReactions } from './components/reactions/reactions.ts';
export { KoloQuiz } from './components/quiz/quiz.ts';
export { KoloIdeaForm } from './components/idea-form/idea-form.ts';
export { KoloIdeaBoard } from './components/idea-board/idea-board.ts';
export { KoloFaqCarousel } from './components/faq-carousel/faq-carousel.ts';
export { KoloHelpBanner } from './components/help-banner/help-banner.ts';
export { KoloDisclosure, type DisclosureType } from './components/disclosure/disclosure.ts';
export * from './events/index.ts';
export { tokens } from './styles/tokens.ts';
export type { KoloAdapter, PollConfig, ChoiceConfig, ReactionsConfig, QuizConfig, IdeaBoardConfig, Idea, IdeaDraft, FaqConfig, HelpBannerConfig, Tally } from '@kolo/core';
