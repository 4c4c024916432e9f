/** The database refusing data (not failing): answered 4xx like any refusal, never 5xx. */
import { KoloError } from '@kolo/core';

/** SQLSTATE 23505 (a unique key is taken) and class 22 (data the database cannot keep) as KoloErrors. */
export function dataRefusal(e: unknown): KoloError | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === '23505') return new KoloError('rejected', 'id-reused', 'this id is already taken');
  if (typeof code === 'string' && code.startsWith('22')) return new KoloError('rejected', 'invalid', 'a value the database cannot keep');
  return undefined;
}
