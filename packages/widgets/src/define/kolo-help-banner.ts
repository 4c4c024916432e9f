// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
import { KoloHelpBanner } from '../components/help-banner/help-banner.ts';

KoloHelpBanner.define('kolo-help-banner');

export type { KoloHelpBanner };
export type * from '../events/index.ts';
