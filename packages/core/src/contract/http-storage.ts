/**
 * The HTTP adapter's keys in a browser's storage (the others are in `storage.ts`). A module of their
 * own, not re-exported by the package, so they load with the adapter and not with every page.
 */
export const HTTP_STORAGE = {
  /** the offline outbox: actions waiting to be delivered */
  outbox: 'kolo:v1:outbox',
  /** how many times each kept action failed to reach the server (action id → tries) */
  tries: 'kolo:v1:outbox:tries',
  /** the last known view of a widget for a voter */
  view: (widgetKey: string, voter: string) => `kolo:v1:http:${widgetKey}:${voter}`,
} as const;
