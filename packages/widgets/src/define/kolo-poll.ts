// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
import { KoloPoll } from '../components/poll/poll.ts';

KoloPoll.define('kolo-poll');

export type { KoloPoll };
export type * from '../events/index.ts';
