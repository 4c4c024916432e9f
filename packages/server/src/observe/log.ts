/**
 * The server's log: one JSON line per event (pino), on standard output. A request's line holds its
 * id (`x-request-id`), method, route pattern (`/v1/widgets/:kind/:id`, never the URL with its query),
 * status and duration; never an address, a voter id, a header or a token. Unexpected errors are
 * written to the same stream by ../error-log.ts, in the same shape (ISO `time`, `level` by name).
 */
import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A logger of JSON lines to `destination` (default: standard output, written synchronously so nothing is lost at exit). */
export function createLogger(level: LogLevel = 'info', destination: DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  return pino(
    {
      level,
      base: null,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** A request id the client (or a proxy) sent that is safe to log and echo, or a new one. */
export function requestId(given: string | undefined): string {
  return given && /^[\w.:@/+=-]{1,128}$/.test(given) ? given : randomUUID();
}
