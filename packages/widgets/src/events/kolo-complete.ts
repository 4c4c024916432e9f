import { KoloEvent } from './kolo-event.ts';

export interface KoloCompleteDetail {
  /** the quiz id */
  id: string;
  score: number;
  total: number;
  percent: number;
}

/** Fired when the last question of a quiz attempt was answered. */
export class KoloCompleteEvent extends KoloEvent<KoloCompleteDetail> {
  static readonly type = 'kolo-complete';
  constructor(detail: KoloCompleteDetail) {
    super(KoloCompleteEvent.type, detail);
  }
}
