import { KoloEvent } from './kolo-event.ts';

export interface KoloAnswerDetail {
  /** the quiz id */
  id: string;
  question: string;
  choices: string[];
  correct: boolean;
}

/** Fired after a quiz answer was graded. */
export class KoloAnswerEvent extends KoloEvent<KoloAnswerDetail> {
  static readonly type = 'kolo-answer';
  constructor(detail: KoloAnswerDetail) {
    super(KoloAnswerEvent.type, detail);
  }
}
