import { KoloHelpBanner } from '../components/help-banner/help-banner.ts';

KoloHelpBanner.define('kolo-help-banner');
