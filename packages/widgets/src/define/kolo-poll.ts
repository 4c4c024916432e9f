import { KoloPoll } from '../components/poll/poll.ts';

KoloPoll.define('kolo-poll');
