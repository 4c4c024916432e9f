// The client address behind proxies given by their address ranges, and the group budgets count by.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/config.ts';
import { addressGroup, clientAddress, trustedRanges } from '../src/http/client-address.ts';

describe('the client address behind proxies given by address ranges', () => {
  const proxies = trustedRanges(['10.0.0.0/8', 'fd00::/8', '192.0.2.1']);

  it('reads X-Forwarded-For only from a trusted connection, from the right, skipping the proxies', () => {
    // the connection is not a trusted proxy: its header is the client's own claim
    expect(clientAddress('203.0.113.9', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(clientAddress('203.0.113.9', '10.0.0.2', proxies)).toBe('203.0.113.9');
    // the client wrote "6.6.6.6, 10.9.9.9"; two trusted proxies appended what they saw
    expect(clientAddress('6.6.6.6, 10.9.9.9, 203.0.113.9, 10.0.0.7', '10.0.0.2', proxies)).toBe('203.0.113.9');
    expect(clientAddress('2001:db8::5, fd12::1', '::ffff:10.0.0.2', proxies)).toBe('2001:db8::5');
    expect(clientAddress('203.0.113.9', '192.0.2.1', proxies)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '192.0.2.2', proxies)).toBe('192.0.2.2');
    // every entry a proxy: the furthest one; no header: the connection
    expect(clientAddress('10.1.1.1, 10.2.2.2', '10.0.0.2', proxies)).toBe('10.1.1.1');
    expect(clientAddress(undefined, '10.0.0.2', proxies)).toBe('10.0.0.2');
  });

  it('refuses a bad range', () => {
    expect(() => trustedRanges(['10.0.0.0/33'])).toThrow('not an IP address or range');
    expect(() => configFromEnv({ KOLO_TRUST_PROXY: '10.0.0.0/8, proxy.local' })).toThrow('KOLO_TRUST_PROXY: "proxy.local" is not an IP address or range');
    expect(configFromEnv({ KOLO_TRUST_PROXY: '10.0.0.0/8, fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', 'fd00::/8']);
    expect(configFromEnv({ KOLO_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });
});

describe('the address group budgets and bans count by', () => {
  it('is an IPv4 address (also IPv4-mapped) or an IPv6 /64', () => {
    expect(addressGroup('192.0.2.7')).toBe('192.0.2.7');
    expect(addressGroup('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressGroup('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8:1:2::ffff')).toBe('2001:db8:1:2::/64');
    // a port some proxies add is not part of the address
    expect(addressGroup('192.0.2.7:4711')).toBe('192.0.2.7');
    expect(addressGroup('[2001:db8:1:2::9]:4711')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:DB8:1:2::1')).toBe(addressGroup('2001:0db8:0001:0002:0:0:0:9'));
    expect(addressGroup('2001:db8:1:3::1')).not.toBe(addressGroup('2001:db8:1:2::1'));
    expect(addressGroup('unknown')).toBe('unknown');
  });
});
