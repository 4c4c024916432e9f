import type { KoloChangeEvent } from './kolo-change.ts';
import type { KoloNextStepEvent } from './kolo-next-step.ts';
import type { KoloVoteEvent } from './kolo-vote.ts';

export * from './kolo-event.ts';
export * from './kolo-vote.ts';
export * from './kolo-change.ts';
export * from './kolo-next-step.ts';

declare global {
  interface GlobalEventHandlersEventMap {
    'kolo-vote': KoloVoteEvent;
    'kolo-change': KoloChangeEvent;
    'kolo-next-step': KoloNextStepEvent;
  }
}
