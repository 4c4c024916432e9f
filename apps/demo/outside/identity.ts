/**
 * The demo site's sign-in: a real site knows its user and signs a short-lived token for Kolo with the
 * secret it shares with Kolo's server (KOLO_IDENTITY_SECRET). Here "signing in" is picking a name; the
 * token lives 10 minutes and names the demo's audience.
 */
import { SignJWT } from 'jose';

export const IDENTITY_AUDIENCE = 'kolo-demo';
const USERS = new Set(['olena', 'taras']);

/** A token for `user` (one of the demo's people), or undefined for anyone else. */
export async function signIn(secret: string, user: string): Promise<string | undefined> {
  if (!USERS.has(user)) return undefined;
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user)
    .setAudience(IDENTITY_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}
