/**
 * The keys Kolo keeps in a browser's storage. All start with `kolo:`, so a page can find them all.
 * The HTTP adapter's own keys are in `http-storage.ts` (they load with it, not with every page).
 */
export const STORAGE = {
  /** the anonymous voter id (localStorage) */
  voter: 'kolo:voter',
  /** the local adapter's data per widget: `kolo:v1:<widget key>` (data it could not read is kept as `kolo:v1:corrupt:<widget key>`) */
  prefix: 'kolo:v1:',
  /** until when something (a help banner) is hidden in this browser */
  hidden: (id: string) => `kolo:v1:hidden:${id}`,
} as const;

/** The email this person follows ideas with, so it is given once (localStorage; apart from STORAGE, which every page loads). */
export const FOLLOW_EMAIL_KEY = 'kolo:email';
