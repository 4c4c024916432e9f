import type { Tally } from '@kolo/core';
import { KoloEvent } from './kolo-event.ts';

export interface KoloChangeDetail {
  /** the widget id */
  id: string;
  tally: Tally;
  /** `vote`: this person's vote was accepted; `live`: someone else's vote arrived */
  source: 'vote' | 'live';
}

/** Fired after the widget's results change: a vote was accepted, or a live update arrived. */
export class KoloChangeEvent extends KoloEvent<KoloChangeDetail> {
  static readonly type = 'kolo-change';
  constructor(detail: KoloChangeDetail) {
    super(KoloChangeEvent.type, detail);
  }
}
