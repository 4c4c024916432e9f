// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
import { KoloChangelog } from '../components/changelog/changelog.ts';

KoloChangelog.define('kolo-changelog');

export type { KoloChangelog };
export type * from '../events/index.ts';
