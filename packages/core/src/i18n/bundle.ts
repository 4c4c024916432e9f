/** The shape of message bundles; every family's messages are defined with it. */

/** A message with plural forms, chosen by the `count` parameter through Intl.PluralRules. */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralMessage;

/**
 * A widget's messages in the built-in languages. English and Ukrainian must have the same keys;
 * each widget ships only its own bundles, so the strings of widgets a page does not use are not loaded.
 */
export interface Bundle<K extends string = string> {
  en: Record<K, Message>;
  uk: Record<K, Message>;
}
export const defineBundle = <K extends string>(bundle: { en: Record<K, Message>; uk: Record<K, Message> }): Bundle<K> => bundle;
