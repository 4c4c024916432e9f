/**
 * Locales whose whole numbers below 1000 are their plain digits 0–9 (CLDR's default numbering system
 * is `latn` for each of these languages in every region; the test checks each against Intl): one
 * of these common languages with at most a region (`de`, `pt-BR`, `es-419`; no script, no `-u-nu-` digits).
 * Such a count needs no Intl.NumberFormat, whose first use on a page costs tens of milliseconds
 * (the locale's data is loaded), more than a widget's whole first render.
 */
export const latinDigits = /^(?:en|uk|de|fr|es|it|pt|nl|pl|cs|ru|sv|tr|ja|ko|zh)(?:-(?:[a-z]{2}|\d{3}))?$/i;
