import { defineBundle } from '../../i18n/bundle.ts';

/**
 * What a widget says about an action kept in the offline outbox. Registered for every widget by the
 * HTTP adapter (the only adapter with an outbox), so pages without a server do not carry it.
 */
export const offlineMessages = defineBundle({
  en: { queued: 'Saved offline, not sent yet.' },
  uk: { queued: 'Збережено офлайн, ще не надіслано.' },
});
