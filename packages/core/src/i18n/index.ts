export * from './i18n.ts';
export { commonMessages } from './common.ts';
export { voteMessages } from './vote.ts';
export { pollMessages } from './poll.ts';
export { choiceMessages } from './choice.ts';
export { reactionsMessages } from './reactions.ts';
export { quizMessages } from './quiz.ts';
export { ideasMessages, ideaFormMessages, ideaBoardMessages } from './ideas.ts';
