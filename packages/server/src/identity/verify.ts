/**
 * Signed identity from the host site: the site's backend signs a short-lived JWT for its signed-in
 * user (HS256 with a shared secret, or EdDSA with a key pair whose public half the server holds); the
 * page's HTTP adapter sends it in `Kolo-Identity`. Verified with `jose`, only with the configured
 * algorithms; `exp` and `sub` required, at most a day's lifetime, 30 s of clock tolerance. A valid
 * token becomes a voter id the server derives (a salted HMAC of issuer and subject), so the host's
 * user id is never stored.
 */
import { createHmac } from 'node:crypto';
import { decodeProtectedHeader, errors, importJWK, importSPKI, jwtVerify, type JWK } from 'jose';
import { IDENTITY_LIFETIME_MAX, IDENTITY_TOKEN_MAX, SIGNED_VOTER_PREFIX } from '@kolo/core';
import { IDENTITY_HEADER } from '@kolo/core/http';

export interface IdentityConfig {
  /** HS256: the secret the site signs with (at least 32 characters) */
  secret?: string | undefined;
  /** EdDSA (Ed25519): the site's public key, PEM (SPKI) or a JWK as JSON */
  publicKey?: string | undefined;
  /** the `aud` every token must name (this server, as the site calls it) */
  audience: string;
  /** the `iss` every token must name, when set */
  issuer?: string | undefined;
}

/** A token's outcome: no token; a signed voter id; or why it is refused (`rule`: what failed). */
export type Identity = { voter: string } | { rule: string; message: string } | undefined;
export const isRefusedIdentity = (i: Identity): i is { rule: string; message: string } => !!i && 'rule' in i;

const CLOCK_TOLERANCE = 30;
const EDDSA = ['EdDSA', 'Ed25519'];
const refused = (rule: string, what: string) => ({ rule, message: `${IDENTITY_HEADER}: ${what}` });

/** Check an identity configuration (the server refuses to start with a bad one; `checkIdentityKey` imports its public key). */
export function checkIdentityConfig(c: IdentityConfig) {
  if (!c.secret && !c.publicKey) throw new Error('KOLO_IDENTITY_SECRET or KOLO_IDENTITY_PUBLIC_KEY is needed to verify identities');
  if (c.secret !== undefined && c.secret.length < 32) throw new Error('KOLO_IDENTITY_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  if (!c.audience) throw new Error('KOLO_IDENTITY_AUDIENCE is required with KOLO_IDENTITY_SECRET or KOLO_IDENTITY_PUBLIC_KEY (the `aud` the site puts in its tokens)');
}

async function publicKeyOf(text: string) {
  const t = text.trim();
  if (t.startsWith('{')) return importJWK(JSON.parse(t) as JWK, 'EdDSA');
  return importSPKI(t.replace(/\\n/g, '\n'), 'EdDSA');
}

/**
 * Import the configured public key now: a bad one stops the server when it starts, instead of
 * answering every request that carries a token with a 500.
 */
export async function checkIdentityKey(c: IdentityConfig | undefined) {
  if (!c?.publicKey) return;
  try {
    await publicKeyOf(c.publicKey);
  } catch (e) {
    throw new Error(`KOLO_IDENTITY_PUBLIC_KEY is not an Ed25519 public key (PEM "BEGIN PUBLIC KEY" or a JWK as JSON): ${(e as Error).message}`);
  }
}

/**
 * A verifier of identity tokens under `config` (none: every token is refused, saying the server
 * verifies no identities); `salt` keys the voter ids it derives (the server's IP salt: stable across
 * restarts and instances in production).
 */
export function identityVerifier(config: IdentityConfig | undefined, salt: string) {
  if (config) checkIdentityConfig(config);
  let keys: Promise<{ hs?: Uint8Array; ed?: CryptoKey | Uint8Array }> | undefined;
  const keysOf = (c: IdentityConfig) =>
    (keys ??= (async () => ({
      ...(c.secret ? { hs: new TextEncoder().encode(c.secret) } : {}),
      ...(c.publicKey ? { ed: await publicKeyOf(c.publicKey) } : {}),
    }))());
  const voterOf = (iss: string, sub: string) => SIGNED_VOTER_PREFIX + createHmac('sha256', salt).update(`kolo-identity-v1\n${iss}\n${sub}`).digest('base64url');

  return async function verify(token: string | undefined): Promise<Identity> {
    if (token === undefined) return undefined;
    if (!config) return refused('not-configured', 'this server verifies no identities (it has no KOLO_IDENTITY_SECRET or KOLO_IDENTITY_PUBLIC_KEY); send no token');
    if (token.length > IDENTITY_TOKEN_MAX) return refused('too-long', `must be at most ${IDENTITY_TOKEN_MAX} characters`);
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return refused('malformed', 'not a signed JWT (header.payload.signature)');
    }
    const k = await keysOf(config);
    const key = alg === 'HS256' ? k.hs : alg && EDDSA.includes(alg) ? k.ed : undefined;
    if (!key) return refused('algorithm', `algorithm "${alg}" is not accepted (this server takes ${[k.hs && 'HS256', k.ed && 'EdDSA'].filter(Boolean).join(' or ')})`);
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: alg === 'HS256' ? ['HS256'] : EDDSA,
        audience: config.audience,
        ...(config.issuer ? { issuer: config.issuer } : {}),
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE,
      });
      const now = Math.floor(Date.now() / 1000);
      if (payload.exp! - Math.min(payload.iat ?? now, now) > IDENTITY_LIFETIME_MAX + CLOCK_TOLERANCE) {
        return refused('lifetime', `lives longer than ${IDENTITY_LIFETIME_MAX / 3600} hours; sign short-lived tokens`);
      }
      if (typeof payload.sub !== 'string' || !payload.sub) return refused('claims', 'the "sub" claim must be a non-empty string');
      return { voter: voterOf(payload.iss ?? '', payload.sub) };
    } catch (e) {
      return refusalOf(e);
    }
  };
}
export type IdentityVerifier = ReturnType<typeof identityVerifier>;

/** What failed, in words, from jose's error. */
function refusalOf(e: unknown) {
  if (e instanceof errors.JWTExpired) return refused('expired', 'the token has expired');
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'nbf' || (e.claim === 'iat' && e.reason === 'check_failed')) return refused('not-yet-valid', 'the token is not valid yet');
    if (e.claim === 'aud') return refused('audience', 'the token is for another audience');
    if (e.claim === 'iss') return refused('issuer', 'the token is from another issuer');
    return refused('claims', `the "${e.claim}" claim is ${e.reason === 'missing' ? 'missing' : 'not valid'}`);
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) return refused('forged', 'the signature does not verify');
  if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported) return refused('algorithm', 'the algorithm is not accepted');
  if (e instanceof errors.JOSEError) return refused('malformed', 'not a valid signed JWT');
  throw e;
}
