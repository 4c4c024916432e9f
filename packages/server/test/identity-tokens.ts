/** Identity tokens as a host site signs them (with jose, as the README shows), for the identity tests. */
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { IDENTITY_HEADER } from '@kolo/core/http';
import type { IdentityConfig } from '../src/identity/verify.ts';

export const SECRET = 'identity-test-secret-0123456789abcdef';
export const AUDIENCE = 'kolo.site.example';
export const ISSUER = 'https://site.example';
const ed = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
const otherEd = await generateKeyPair('EdDSA', { crv: 'Ed25519' });

/** The server's side: both algorithms, an audience and an issuer. */
export const identityConfig: IdentityConfig = { secret: SECRET, publicKey: await exportSPKI(ed.publicKey), audience: AUDIENCE, issuer: ISSUER };

export interface Claims {
  sub?: string;
  aud?: string;
  iss?: string;
  /** seconds from now */
  exp?: number;
  iat?: number;
  nbf?: number;
}
const at = (s: number) => Math.floor(Date.now() / 1000) + s;

/** A token for `sub`, valid for 10 minutes unless `c` says otherwise; `key`: which key signs it. */
export async function token(sub: string, c: Claims = {}, key: 'hs' | 'ed' | 'other-hs' | 'other-ed' = 'hs'): Promise<string> {
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: key.endsWith('hs') ? 'HS256' : 'EdDSA' })
    .setAudience(c.aud ?? AUDIENCE)
    .setIssuer(c.iss ?? ISSUER)
    .setIssuedAt(at(c.iat ?? 0))
    .setExpirationTime(at(c.exp ?? 600));
  if (sub) jwt.setSubject(sub);
  if (c.nbf !== undefined) jwt.setNotBefore(at(c.nbf));
  const secret = (s: string) => new TextEncoder().encode(s);
  return jwt.sign(key === 'hs' ? secret(SECRET) : key === 'other-hs' ? secret(`${SECRET}-another`) : key === 'ed' ? ed.privateKey : otherEd.privateKey);
}

/** An unsigned token (`alg: none`) with valid claims. */
export function unsigned(sub: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub, aud: AUDIENCE, iss: ISSUER, iat: at(0), exp: at(600) })}.`;
}

/** The headers of a request as `voter` (a browser) carrying `jwt`. */
export const signedAs = (jwt: string) => ({ [IDENTITY_HEADER]: jwt });
