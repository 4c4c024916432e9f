import { KoloEvent } from './kolo-event.ts';

export interface KoloSlideDetail {
  /** the carousel id */
  id: string;
  /** the card now shown (`closing` for the closing card) */
  card: string;
  /** its position, from 0 */
  index: number;
}

/** Fired when another card of a carousel is shown (by a button, a key, a swipe, a deep link or rotation). */
export class KoloSlideEvent extends KoloEvent<KoloSlideDetail> {
  static readonly type = 'kolo-slide';
  constructor(detail: KoloSlideDetail) {
    super(KoloSlideEvent.type, detail);
  }
}
