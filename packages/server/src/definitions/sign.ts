/**
 * Signed widget definitions: a site's own backend signs a widget's canonical definition with a secret
 * it shares with the server (HMAC-SHA256), the element carries the signature, and the server registers
 * the widget on first use after checking it. For CMS pages where editors add polls without the console.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalDefinition, type WidgetDefinition } from '@kolo/core';

/**
 * The signature of a widget definition (base64url), for its element's `signature` attribute. It covers
 * the kind's rules, not the identity policy: a page's action never offers one (the team registers it).
 */
export function signWidget(definition: WidgetDefinition, secret: string): string {
  if (secret.length < 32) throw new Error('the signing secret must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  const { identity: _, ...rules } = definition.rules as WidgetDefinition['rules'] & { identity?: unknown };
  return createHmac('sha256', secret).update(canonicalDefinition({ ...definition, rules })).digest('base64url');
}

/** Whether `signature` signs `definition` with `secret` (compared in constant time). */
export function verifyWidget(definition: WidgetDefinition, signature: string, secret: string): boolean {
  const expected = Buffer.from(signWidget(definition, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
