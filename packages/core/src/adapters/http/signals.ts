/**
 * Signals in batches: every few seconds, when 20 are waiting, and with `sendBeacon` when the page is
 * hidden. None at all for people whose browser asks not to be tracked, where the site asks for that.
 */
import { SIGNALS_MAX } from '../../contract/limits.ts';
import type { Signal } from '../../contract/signals.ts';
import type { Transport } from './transport.ts';

/** The person's browser asks not to be tracked (Do Not Track or Global Privacy Control). */
const privacyRequested = () =>
  typeof navigator !== 'undefined' && (navigator.doNotTrack === '1' || (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true);

/** `<meta name="kolo-signals" content="respect-privacy">` on the page. */
const pageRespectsPrivacy = () =>
  typeof document !== 'undefined' && document.querySelector('meta[name="kolo-signals"]')?.getAttribute('content') === 'respect-privacy';

export function signalBatches(t: Transport, o: { every?: number | undefined; respectPrivacy?: boolean | undefined }) {
  const respectPrivacy = o.respectPrivacy ?? pageRespectsPrivacy();
  let waiting: Signal[] = [];

  function send(beacon = false) {
    if (!waiting.length) return;
    const body = JSON.stringify({ signals: waiting.slice(0, SIGNALS_MAX) });
    waiting = waiting.slice(SIGNALS_MAX);
    const url = `${t.base}/v1/signals`;
    // text/plain keeps the beacon a "simple" cross-origin request; the server reads JSON from any type
    if (beacon && typeof navigator !== 'undefined' && navigator.sendBeacon?.(url, new Blob([body], { type: 'text/plain' }))) return;
    void t.fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/plain' }, keepalive: true }).catch(() => {});
  }
  const ticker = setInterval(() => send(), o.every ?? 5000);
  (ticker as { unref?: () => void }).unref?.();

  return {
    track(signal: Signal) {
      if (respectPrivacy && privacyRequested()) return;
      waiting.push(signal);
      if (waiting.length >= 20) send();
    },
    send,
    close: () => clearInterval(ticker),
  };
}
