// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
import { KoloChoice } from '../components/choice/choice.ts';

KoloChoice.define('kolo-choice');

export type { KoloChoice };
export type * from '../events/index.ts';
