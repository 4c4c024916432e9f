/** Every key Kolo keeps in a browser's storage. All start with `kolo:`, so a page can find them all. */
export const STORAGE = {
  /** the anonymous voter id (localStorage) */
  voter: 'kolo:voter',
  /** the local adapter's data per widget: `kolo:v1:<widget key>` (data it could not read is kept as `kolo:v1:corrupt:<widget key>`) */
  prefix: 'kolo:v1:',
  /** the HTTP adapter's offline outbox */
  outbox: 'kolo:v1:outbox',
  /** the HTTP adapter's last known view of a widget for a voter */
  httpView: (widgetKey: string, voter: string) => `kolo:v1:http:${widgetKey}:${voter}`,
  /** until when something (a help banner) is hidden in this browser */
  hidden: (id: string) => `kolo:v1:hidden:${id}`,
} as const;
