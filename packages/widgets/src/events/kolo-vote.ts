import { KoloEvent } from './kolo-event.ts';

export interface KoloVoteDetail {
  /** the widget id */
  id: string;
  /** the choices about to be sent (empty to withdraw) */
  choices: string[];
  /** the voter's choices before */
  previous: string[];
}

/** Fired before a vote is sent. Cancelable: `preventDefault()` keeps the vote from being sent. */
export class KoloVoteEvent extends KoloEvent<KoloVoteDetail> {
  static readonly type = 'kolo-vote';
  constructor(detail: KoloVoteDetail) {
    super(KoloVoteEvent.type, detail, true);
  }
}
