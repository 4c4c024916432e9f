import { KoloFaqCarousel } from '../components/faq-carousel/faq-carousel.ts';

KoloFaqCarousel.define('kolo-faq-carousel');
