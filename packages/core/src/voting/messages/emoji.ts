/**
 * Built-in reactions: glyph → id and names in the built-in languages, so every reaction has an
 * accessible name ("thumbs up, 12"), not just the glyph.
 */
export const EMOJI: Record<string, [id: string, en: string, uk: string]> = {
  '👍': ['thumbs-up', 'thumbs up', 'палець угору'],
  '👎': ['thumbs-down', 'thumbs down', 'палець униз'],
  '❤️': ['heart', 'heart', 'серце'],
  '😂': ['laugh', 'tears of joy', 'сльози радості'],
  '😮': ['wow', 'surprised', 'здивування'],
  '😢': ['sad', 'sad', 'сум'],
  '😡': ['angry', 'angry', 'злість'],
  '🎉': ['party', 'celebration', 'святкування'],
  '👏': ['clap', 'applause', 'оплески'],
  '🔥': ['fire', 'fire', 'вогонь'],
  '🤔': ['thinking', 'thinking', 'роздуми'],
  '🙏': ['thanks', 'thank you', 'дякую'],
  '💡': ['idea', 'idea', 'ідея'],
  '🚀': ['rocket', 'rocket', 'ракета'],
  '👀': ['eyes', 'eyes', 'очі'],
  '💯': ['hundred', 'hundred points', 'сто балів'],
  '😍': ['love', 'loving it', 'захоплення'],
  '🙌': ['hooray', 'hooray', 'ура'],
  '🤝': ['agree', 'agreement', 'згода'],
  '😴': ['bored', 'sleepy', 'нудно'],
};

/** The id of a glyph: the built-in one, else its code points (`1f984`). */
export const emojiId = (glyph: string): string =>
  EMOJI[glyph]?.[0] ?? [...glyph].map((c) => c.codePointAt(0)!.toString(16)).join('-');

/** The accessible name of a glyph in `lang` (built-in languages), else the glyph itself. */
export function emojiName(glyph: string, lang: string): string {
  const known = EMOJI[glyph];
  return known ? (lang.toLowerCase().startsWith('uk') ? known[2] : known[1]) : glyph;
}
