/** Classes and types only: importing this registers nothing (use `@kolo/widgets/define/*`). */
export { KoloElement } from './base/kolo-element.ts';
export { provideAdapter, registerAdapter, namedAdapter, findAdapter, deferredAdapter, type AdapterFactory } from './base/adapters.ts';
export * from './components/index.ts';
export * from './events/index.ts';
export { tokens } from './styles/tokens.ts';
export type { KoloAdapter, PollConfig, ChoiceConfig, ReactionsConfig, QuizConfig, IdeaBoardConfig, Idea, IdeaDraft, FaqConfig, HelpBannerConfig, Tally } from '@kolo/core';
