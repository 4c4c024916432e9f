/**
 * The client's address: the connection's own, or read from `X-Forwarded-For` behind trusted proxies
 * (a number of hops, or the proxies' address ranges); and the group a budget or a ban counts by
 * (an IPv4 address, an IPv6 /64).
 */
import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** The proxies whose `X-Forwarded-For` entries are read: how many stand in front (0: none), or their address ranges. */
export type Trust = number | readonly Range[];

/** Address ranges (`10.0.0.0/8`, `fd00::/8`, or one address) parsed once; throws on a bad entry. */
export function trustedRanges(list: readonly string[]): Range[] {
  return list.map((entry) => {
    if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
    if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    }
    throw new Error(`"${entry}" is not an IP address or range (CIDR)`);
  });
}

/** An address as ipaddr reads it (IPv4-mapped IPv6 as IPv4), or undefined when it is none. */
const parsed = (address: string) => (ipaddr.isValid(address) ? ipaddr.process(address) : undefined);

const within = (address: string, ranges: readonly Range[]) => {
  const ip = parsed(address);
  return !!ip && ranges.some((range) => range[0].kind() === ip.kind() && ip.match(range));
};

/**
 * Each trusted proxy appends the address it was reached from to `X-Forwarded-For`, so the chain is
 * the client's own entries, then the proxies' ones, then the connection's address. With `hops`, the
 * client is the entry that many places from the right; with ranges, the header is read only when
 * the connection comes from a trusted range, and the client is the first entry from the right
 * outside them. Entries further left are the client's own claims and are never read: a client that
 * sends `X-Forwarded-For: 1.2.3.4` gains nothing.
 */
export function clientAddress(forwardedFor: string | undefined, remote: string | undefined, trust: Trust): string {
  const peer = remote ?? 'unknown';
  const read = typeof trust === 'number' ? trust > 0 : within(peer, trust);
  const chain = [...(read ? (forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean) : []), peer];
  if (typeof trust === 'number') return chain[Math.max(0, chain.length - 1 - trust)]!;
  let i = chain.length - 1;
  while (i > 0 && within(chain[i]!, trust)) i--;
  return chain[i]!;
}

/** An address without the port some proxies add (`203.0.113.9:4711`, `[2001:db8::1]:4711`). */
const withoutPort = (address: string) => /^\[([^\]]+)\](?::\d+)?$/.exec(address)?.[1] ?? /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(address)?.[1] ?? address;

/**
 * What budgets and bans count by: an IPv4 address (also written IPv4-mapped), or an IPv6 address's
 * /64; a port is not part of it (each port would otherwise be a budget of its own).
 */
export function addressGroup(address: string): string {
  const ip = parsed(withoutPort(address));
  if (!ip) return address;
  if (ip.kind() === 'ipv4') return ip.toString();
  return `${(ip as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(':')}::/64`;
}
