import { describe, expect, it } from 'vitest';
import { addressRateLimitKey } from '../../../server/accounts/client-address';

describe('addressRateLimitKey', () => {
  it('keeps IPv4 addresses, also when IPv6-mapped', () => {
    expect(addressRateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressRateLimitKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('groups IPv6 addresses by their /64 network', () => {
    const a = addressRateLimitKey('2001:db8:1234:5678:aaaa:bbbb:cccc:dddd');
    const b = addressRateLimitKey('2001:0db8:1234:5678::1');
    expect(a).toBe('2001:db8:1234:5678::/64');
    expect(b).toBe(a);
    expect(addressRateLimitKey('2001:db8:1234:5679::1')).not.toBe(a);
    expect(addressRateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(addressRateLimitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('puts missing or unreadable addresses under one key', () => {
    expect(addressRateLimitKey(undefined)).toBe('unknown');
    expect(addressRateLimitKey('not an address')).toBe('unknown');
  });
});
