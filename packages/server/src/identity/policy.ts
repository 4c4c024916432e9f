/**
 * Who acts, under a widget's identity policy (registered with its rules): the browser's anonymous
 * voter id, or the signed person a valid token names. `anonymous` ignores tokens (even bad ones);
 * `signed` refuses an action without a valid token; `either` counts the person when a valid token
 * comes, else the browser. A bad token is refused (never quietly taken as anonymous).
 */
import { errorAnswer, type IdentityPolicy } from '@kolo/core';
import { IDENTITY_HEADER } from '@kolo/core/http';
import type { Answered } from '../http/errors.ts';
import { isRefusedIdentity, type Identity } from './verify.ts';

export type Who = { voter: string; signed: boolean } | { refused: Answered };

export function whoActs(policy: IdentityPolicy, anonymous: string, identity: Identity): Who {
  if (policy === 'anonymous') return { voter: anonymous, signed: false };
  if (isRefusedIdentity(identity)) return { refused: errorAnswer('identity-invalid', identity.message, { field: IDENTITY_HEADER, rule: identity.rule }) };
  if (identity) return { voter: identity.voter, signed: true };
  if (policy === 'signed') {
    return { refused: errorAnswer('identity-required', `${IDENTITY_HEADER}: this widget counts signed-in people only; sign in on the site first`, { field: IDENTITY_HEADER, rule: 'required' }) };
  }
  return { voter: anonymous, signed: false };
}
