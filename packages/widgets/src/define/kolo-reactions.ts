// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
import { KoloReactions } from '../components/reactions/reactions.ts';

KoloReactions.define('kolo-reactions');

export type { KoloReactions };
export type * from '../events/index.ts';
