// Generated from src/registry.ts by scripts/gen-widgets.mjs: edit the registry, then run `node scripts/gen-widgets.mjs`.
import { KoloFaqCarousel } from '../components/faq-carousel/faq-carousel.ts';

KoloFaqCarousel.define('kolo-faq-carousel');

export type { KoloFaqCarousel };
export type * from '../events/index.ts';
