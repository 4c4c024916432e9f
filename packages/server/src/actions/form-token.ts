/**
 * Form tokens: an idea form's fill time measured on the server's clock, not the sender's. A board's
 * answer to `GET /v1/widgets/:kind/:board` carries a token, HMAC-SHA256 over the board and the time
 * it was issued; an idea carries it back. Only that answer has one: live updates go out alike to every
 * subscriber, and a token holds nothing about a voter. A token is not single-use: it proves the board
 * was loaded at least the board's `minFillMs` ago; the daily quotas bound how much one sends.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { KoloError, refuse, type ServerAction } from '@kolo/core';
import { refusal, type Answered } from '../http/errors.ts';
import type { ActionContext } from './act.ts';

/** A token older than this is refused: the page was open for more than a day; loading the board again gives a new one. */
export const FORM_MAX_AGE_MS = 24 * 3600 * 1000;

const TOKEN = /^([0-9a-z]{1,11})\.([\w-]{43})$/;

export type FormTokens = ReturnType<typeof formTokens>;

/** Tokens signed with a key derived from the IP salt (`KOLO_IP_SALT`: the same on every instance in production). */
export function formTokens(ipSalt: string) {
  const key = createHmac('sha256', ipSalt).update('kolo form tokens').digest();
  const mac = (kind: string, board: string, at: number) => createHmac('sha256', key).update(`${kind}\n${board}\n${at}`).digest();
  return {
    /** A token for the board, issued `at` (ms since 1970, the server's clock). */
    issue: (kind: string, board: string, at = Date.now()) => `${at.toString(36)}.${mac(kind, board, at).toString('base64url')}`,
    /** When this board's token was issued; refuses (`form-expired`) one that is missing, forged, another board's or too old. */
    issuedAt(token: string | undefined, kind: string, board: string, now = Date.now()): number {
      if (!token) refuse('form-expired', 'an idea needs the form token of the board’s view: load the board first');
      const [, time, sig] = TOKEN.exec(token!) ?? [];
      const at = parseInt(time ?? '', 36);
      const given = Buffer.from(sig ?? '', 'base64url');
      if (!time || given.length !== 32 || !timingSafeEqual(given, mac(kind, board, at))) refuse('form-expired', 'the form token is not this board’s: load the board again');
      if (now - at > FORM_MAX_AGE_MS) refuse('form-expired', 'the form token is more than a day old: load the board again');
      return at;
    },
  };
}

/**
 * An idea as the server measures it: `startedAt` becomes the time its form token was issued and `at`
 * the time it arrived, both on the server's clock, so the board's `minFillMs` is checked on them as
 * every adapter checks it (`too-fast`). Other actions pass as they are.
 */
export function serverTimes(forms: FormTokens, a: ServerAction, now = Date.now()): ServerAction {
  if (a.type !== 'idea') return a;
  const issued = forms.issuedAt(a.form, a.widget.kind, a.widget.id, now);
  return { ...a, startedAt: new Date(issued).toISOString(), at: new Date(now).toISOString() };
}

type Act = (a: ServerAction, ctx: ActionContext) => Promise<Answered>;

/** `act` for ideas timed by the server; an idea without a valid token is refused before anything else. */
export const timedByServer =
  (act: Act, forms: FormTokens): Act =>
  async (a, ctx) => {
    let timed: ServerAction;
    try {
      timed = serverTimes(forms, a);
    } catch (e) {
      if (e instanceof KoloError) return refusal(e);
      throw e;
    }
    return act(timed, ctx);
  };
