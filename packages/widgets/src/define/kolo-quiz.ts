// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
import { KoloQuiz } from '../components/quiz/quiz.ts';

KoloQuiz.define('kolo-quiz');

export type { KoloQuiz };
export type * from '../events/index.ts';
