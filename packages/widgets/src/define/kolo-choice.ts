import { KoloChoice } from '../components/choice/choice.ts';

KoloChoice.define('kolo-choice');
