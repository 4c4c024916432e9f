import { KoloEvent } from './kolo-event.ts';

export interface KoloDismissDetail {
  /** the banner id */
  id: string;
  /** ISO date-time until when it stays hidden; null when closed for this visit only */
  until: string | null;
}

/** Fired before a help banner is hidden. Cancelable: `preventDefault()` keeps it shown. */
export class KoloDismissEvent extends KoloEvent<KoloDismissDetail> {
  static readonly type = 'kolo-dismiss';
  constructor(detail: KoloDismissDetail) {
    super(KoloDismissEvent.type, detail, true);
  }
}
