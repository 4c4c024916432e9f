import { KoloEvent } from './kolo-event.ts';

export interface KoloNextStepDetail {
  /** the widget id */
  id: string;
  /** the UTM-tagged link */
  href: string;
}

/** Fired when the next-step link is followed. Cancelable: `preventDefault()` stops the navigation (e.g. for client-side routing). */
export class KoloNextStepEvent extends KoloEvent<KoloNextStepDetail> {
  static readonly type = 'kolo-next-step';
  constructor(detail: KoloNextStepDetail) {
    super(KoloNextStepEvent.type, detail, true);
  }
}
