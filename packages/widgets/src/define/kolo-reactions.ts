import { KoloReactions } from '../components/reactions/reactions.ts';

KoloReactions.define('kolo-reactions');
