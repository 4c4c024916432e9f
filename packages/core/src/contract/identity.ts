/**
 * Signed identity from the host site: how a widget treats a person the site vouches for. The policy is
 * part of a widget's registered rules (set by the team, never by a page): `anonymous` ignores identity
 * tokens, `signed` refuses actions without a valid one, `either` (the default) counts a signed person
 * when a valid token comes, else the anonymous browser.
 */
export const IDENTITY_POLICIES = ['anonymous', 'signed', 'either'] as const;
export type IdentityPolicy = (typeof IDENTITY_POLICIES)[number];
// (its schema, `identityPolicySchema`, is with the rules in definitions.ts: no call at this module's top level, which the widgets' runtime imports through the contract's index)

/** A widget's identity policy from its registered rules (`either` when none is set). */
export const identityPolicyOf = (rules: { identity?: unknown } | null | undefined): IdentityPolicy =>
  (IDENTITY_POLICIES as readonly unknown[]).includes(rules?.identity) ? (rules!.identity as IdentityPolicy) : 'either';

/**
 * The voter id of a signed person starts with this (the rest is a salted hash the server makes of the
 * token's issuer and subject; the host's user id is never stored). No anonymous voter id may.
 */
export const SIGNED_VOTER_PREFIX = 'signed:';
export const isSignedVoter = (voter: string): boolean => voter.startsWith(SIGNED_VOTER_PREFIX);
