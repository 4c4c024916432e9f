// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
import { KoloDisclosure } from '../components/disclosure/disclosure.ts';

KoloDisclosure.define('kolo-disclosure');

export type { KoloDisclosure };
export type * from '../events/index.ts';
