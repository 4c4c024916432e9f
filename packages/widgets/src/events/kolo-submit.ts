import type { Idea, IdeaDraft } from '@kolo/core';
import { KoloEvent } from './kolo-event.ts';

export interface KoloSubmitDetail {
  /** the board id */
  id: string;
  /** what the person wrote (the contact included: it is theirs) */
  idea: IdeaDraft;
}

/** Fired before an idea or question is sent. Cancelable: `preventDefault()` keeps it from being sent. */
export class KoloSubmitEvent extends KoloEvent<KoloSubmitDetail> {
  static readonly type = 'kolo-submit';
  constructor(detail: KoloSubmitDetail) {
    super(KoloSubmitEvent.type, detail, true);
  }
}

export interface KoloSubmittedDetail {
  id: string;
  /** the idea as stored; `status` is `pending` when it waits for moderation */
  idea: Idea;
}

/** Fired after the adapter accepted an idea or question. */
export class KoloSubmittedEvent extends KoloEvent<KoloSubmittedDetail> {
  static readonly type = 'kolo-submitted';
  constructor(detail: KoloSubmittedDetail) {
    super(KoloSubmittedEvent.type, detail);
  }
}
