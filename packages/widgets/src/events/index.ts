import type { KoloChangeEvent } from './kolo-change.ts';
import type { KoloNextStepEvent } from './kolo-next-step.ts';
import type { KoloVoteEvent } from './kolo-vote.ts';
import type { KoloAnswerEvent } from './kolo-answer.ts';
import type { KoloCompleteEvent } from './kolo-complete.ts';
import type { KoloSubmitEvent, KoloSubmittedEvent } from './kolo-submit.ts';
import type { KoloUpvoteEvent } from './kolo-upvote.ts';
import type { KoloSlideEvent } from './kolo-slide.ts';
import type { KoloDismissEvent } from './kolo-dismiss.ts';

export * from './kolo-event.ts';
export * from './kolo-vote.ts';
export * from './kolo-change.ts';
export * from './kolo-next-step.ts';
export * from './kolo-answer.ts';
export * from './kolo-complete.ts';
export * from './kolo-submit.ts';
export * from './kolo-upvote.ts';
export * from './kolo-slide.ts';
export * from './kolo-dismiss.ts';

declare global {
  interface GlobalEventHandlersEventMap {
    'kolo-vote': KoloVoteEvent;
    'kolo-change': KoloChangeEvent;
    'kolo-next-step': KoloNextStepEvent;
    'kolo-answer': KoloAnswerEvent;
    'kolo-complete': KoloCompleteEvent;
    'kolo-submit': KoloSubmitEvent;
    'kolo-submitted': KoloSubmittedEvent;
    'kolo-upvote': KoloUpvoteEvent;
    'kolo-slide': KoloSlideEvent;
    'kolo-dismiss': KoloDismissEvent;
  }
}
