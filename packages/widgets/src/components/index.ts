// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
/** Every widget class (and the types its module exports); importing this registers nothing. */
export * from './poll/poll.ts';
export * from './choice/choice.ts';
export * from './reactions/reactions.ts';
export * from './quiz/quiz.ts';
export * from './idea-form/idea-form.ts';
export * from './idea-board/idea-board.ts';
export * from './faq-carousel/faq-carousel.ts';
export * from './help-banner/help-banner.ts';
export * from './changelog/changelog.ts';
export * from './disclosure/disclosure.ts';
