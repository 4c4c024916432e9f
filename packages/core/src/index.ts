// the wire contract: kinds, actions, views, errors, signals, limits, storage keys, the adapter interface
export * from './contract/index.ts';
// adapters that keep data themselves (the HTTP adapter is `@kolo/core/http`)
export { emptyBox, reviveBox, viewOf, applyAction, type BallotBox, type StoredAnswer, type Seed, type BoxRules, type RuleAdapter } from './adapters/box.ts';
export { memoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from './adapters/memory.ts';
export { localAdapter, type LocalAdapterOptions } from './adapters/local.ts';
// authored content, shared by every family
export * from './content/common.ts';
export * from './content/checks.ts';
export * from './content/read.ts';
// voting: poll, A/B choice, reactions
export * from './voting/rules.ts';
export * from './voting/fields.ts';
export * from './voting/poll.ts';
export * from './voting/choice.ts';
export * from './voting/reactions.ts';
export * from './voting/store.ts';
export * from './voting/poll-store.ts';
export * from './voting/results.ts';
export * from './voting/read.ts';
export { voteMessages } from './voting/messages/vote.ts';
export { pollMessages } from './voting/messages/poll.ts';
export { choiceMessages } from './voting/messages/choice.ts';
export { reactionsMessages } from './voting/messages/reactions.ts';
export * from './voting/messages/emoji.ts';
// quiz
export * from './quiz/rules.ts';
export * from './quiz/schema.ts';
export * from './quiz/store.ts';
export * from './quiz/read.ts';
export { quizMessages } from './quiz/messages.ts';
// idea boards and AMA questions
export { ideaRules } from './ideas/rules.ts';
export { ideaModerationRules } from './ideas/moderation.ts';
export type { StoredIdea } from './ideas/stored.ts';
export * from './ideas/check.ts';
export * from './ideas/board.ts';
export { stems, sameStem } from './ideas/tokens.ts';
export * from './ideas/schema.ts';
export * from './ideas/store.ts';
export * from './ideas/pages.ts';
export * from './ideas/similar.ts';
export * from './ideas/read.ts';
export { ideasMessages } from './ideas/messages/shared.ts';
export { ideaFormMessages } from './ideas/messages/form.ts';
export { ideaBoardMessages } from './ideas/messages/board.ts';
// FAQ cards and "was this helpful?"
export * from './helpful/schema.ts';
export * from './helpful/store.ts';
export * from './helpful/read.ts';
export { faqMessages } from './helpful/messages.ts';
// every widget a page defines, read without a browser (`kolo-server register`, signed definitions)
export * from './definitions/read.ts';
// help banner and disclosure label
export * from './banner/schema.ts';
export { hiddenUntil, hideFor, unhide } from './banner/dismissal.ts';
export { bannerMessages } from './banner/messages.ts';
export { disclosureMessages } from './disclosure/messages.ts';
// shared machinery
export * from './i18n/index.ts';
export * from './signals/signals.ts';
export * from './signals/utm.ts';
export { randomId, voterId } from './device/voter.ts';
export { safeStorage, memoryStorage } from './device/storage.ts';
export * from './metrics/metrics.ts';
export * from './metrics/dialogue.ts';
export type { SignedShare } from './metrics/identity.ts';
// "you asked, we did": the changelog
export * from './changelog/schema.ts';
export * from './changelog/entries.ts';
export * from './changelog/months.ts';
export * from './changelog/store.ts';
export { changelogMessages } from './changelog/messages.ts';
