import { KoloQuiz } from '../components/quiz/quiz.ts';

KoloQuiz.define('kolo-quiz');
