/** The client's address behind `hops` trusted proxies (0: the connection's own address). */

/**
 * Each trusted proxy appends the address it was reached from to `X-Forwarded-For`, so the client is
 * the entry `hops` places from the right of the chain (its entries, then the connection's address).
 * Entries further left are the client's own claims and are never read: a client that sends
 * `X-Forwarded-For: 1.2.3.4` gains nothing.
 */
export function clientAddress(forwardedFor: string | undefined, remote: string | undefined, hops: number): string {
  const chain = [...(hops > 0 ? (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean) : []), remote ?? 'unknown'];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}
