import { KoloEvent } from './kolo-event.ts';

export interface KoloUpvoteDetail {
  /** the board id */
  id: string;
  /** the idea's id */
  idea: string;
  /** true to upvote, false to take the upvote back */
  on: boolean;
}

/** Fired before an upvote (or its removal) is sent. Cancelable. */
export class KoloUpvoteEvent extends KoloEvent<KoloUpvoteDetail> {
  static readonly type = 'kolo-upvote';
  constructor(detail: KoloUpvoteDetail) {
    super(KoloUpvoteEvent.type, detail, true);
  }
}
