/**
 * The message keys of every built-in widget, from their bundles (types only: the bundles import
 * nothing from here, and a widget still ships only its own strings).
 */
import type { choiceMessages } from '../voting/messages/choice.ts';
import type { commonMessages } from './common.ts';
import type { pollMessages } from '../voting/messages/poll.ts';
import type { quizMessages } from '../quiz/messages.ts';
import type { reactionsMessages } from '../voting/messages/reactions.ts';
import type { voteMessages } from '../voting/messages/vote.ts';
import type { ideasMessages } from '../ideas/messages/shared.ts';
import type { ideaFormMessages } from '../ideas/messages/form.ts';
import type { ideaBoardMessages } from '../ideas/messages/board.ts';
import type { ideaFollowMessages } from '../ideas/messages/follow.ts';
import type { faqMessages } from '../helpful/messages.ts';
import type { bannerMessages } from '../banner/messages.ts';
import type { disclosureMessages } from '../disclosure/messages.ts';
import type { offlineMessages } from '../adapters/http/messages.ts';
import type { changelogMessages } from '../changelog/messages.ts';
import type { Bundle, Message } from './bundle.ts';

type KeysOf<B> = B extends Bundle<infer K> ? K : never;
/** Every message key of every built-in widget. */
export type MessageKey = KeysOf<
  typeof commonMessages | typeof voteMessages | typeof pollMessages | typeof choiceMessages | typeof reactionsMessages | typeof quizMessages
  | typeof ideasMessages | typeof ideaFormMessages | typeof ideaBoardMessages | typeof ideaFollowMessages
  | typeof faqMessages | typeof bannerMessages | typeof disclosureMessages | typeof offlineMessages | typeof changelogMessages
>;
export type MessageOverrides = Partial<Record<MessageKey, Message>>;
