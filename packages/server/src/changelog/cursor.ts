/**
 * A changelog page's cursor: base64url of the last entry's sort key (when it was done, to the
 * microsecond, its board and id), opaque to clients and checked strictly when it comes back.
 */
import { LIMITS, isBoardKey, storable } from '@kolo/core';

export interface ChangelogCursor {
  at: string;
  board: string;
  id: string;
}

const AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

export const encodeChangelogCursor = (c: ChangelogCursor): string => Buffer.from(JSON.stringify(['c', c.at, c.board, c.id])).toString('base64url');

/** The cursor `s` holds, or undefined when it is not one this server gave for a changelog. */
export function decodeChangelogCursor(s: string): ChangelogCursor | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(raw) || raw.length !== 4 || raw[0] !== 'c') return undefined;
  const [, at, board, id] = raw as unknown[];
  if (typeof at !== 'string' || !AT.test(at) || at < '1970' || Number.isNaN(Date.parse(at))) return undefined;
  if (typeof board !== 'string' || !isBoardKey(board)) return undefined;
  if (typeof id !== 'string' || !id.length || id.length > LIMITS.key || !storable(id)) return undefined;
  return { at, board, id };
}
