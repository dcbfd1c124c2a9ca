import { describe, expect, it } from 'vitest';
import { clientAddress, INVALID_ADDRESS, UNKNOWN_ADDRESS } from '@/lib/auth/client-address';
import {
  addressBucket,
  evaluateSignIn,
  hashIdentifier,
  isBlockedUntilReset,
  isWindowOver,
  retryAfterSeconds,
  SIGN_IN_POLICY,
  signInWaitSeconds,
} from '@/lib/auth/throttle';

const now = new Date('2026-11-23T15:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('wait after consecutive failures', () => {
  it('lets the first four failures cost nothing', () => {
    expect([0, 1, 2, 3, 4].map((n) => signInWaitSeconds(n))).toEqual([0, 0, 0, 0, 0]);
  });

  it('waits 30 s from the 5th failure, doubling with each further one', () => {
    expect([5, 6, 7, 8, 9, 10, 11].map((n) => signInWaitSeconds(n))).toEqual([30, 60, 120, 240, 480, 960, 1920]);
  });

  it('never waits more than an hour', () => {
    expect(signInWaitSeconds(12)).toBe(3600);
    expect(signInWaitSeconds(99)).toBe(3600);
    expect(signInWaitSeconds(10_000)).toBe(3600);
  });

  it('gives the free failures back in a new window, but keeps the doubling', () => {
    expect(signInWaitSeconds(9, 4)).toBe(0);
    expect(signInWaitSeconds(10, 5)).toBe(960);
  });

  it('blocks from the 100th consecutive failure until a reset', () => {
    expect(isBlockedUntilReset(99)).toBe(false);
    expect(isBlockedUntilReset(SIGN_IN_POLICY.failuresUntilReset)).toBe(true);
    expect(isBlockedUntilReset(250)).toBe(true);
  });
});

describe('windows and decisions', () => {
  it('ends a window exactly when its length has passed', () => {
    expect(isWindowOver(now, 900, later(899))).toBe(false);
    expect(isWindowOver(now, 900, later(900))).toBe(true);
  });

  it('allows when nothing is blocked or a block has passed', () => {
    expect(evaluateSignIn({}, now)).toEqual({ allowed: true });
    expect(evaluateSignIn({ identifier: { consecutiveFailures: 6, blockedUntil: later(-1) } }, now)).toEqual({
      allowed: true,
    });
    expect(evaluateSignIn({ identifier: { consecutiveFailures: 6, blockedUntil: now } }, now)).toEqual({ allowed: true });
  });

  it('refuses with the later of the two blocks', () => {
    const identifier = { consecutiveFailures: 6, blockedUntil: later(60) };
    const address = { consecutiveFailures: 0, blockedUntil: later(600) };
    expect(evaluateSignIn({ identifier }, now)).toEqual({ allowed: false, retryAt: later(60), reason: 'identifier' });
    expect(evaluateSignIn({ identifier, address }, now)).toEqual({ allowed: false, retryAt: later(600), reason: 'address' });
  });

  it('refuses a hard-blocked identifier whatever its stored time', () => {
    expect(evaluateSignIn({ identifier: { consecutiveFailures: 100, blockedUntil: null } }, now)).toEqual({
      allowed: false,
      retryAt: later(3600),
      reason: 'identifier',
    });
  });

  it('rounds the retry delay up to whole seconds, never below zero', () => {
    expect(retryAfterSeconds(later(30), now)).toBe(30);
    expect(retryAfterSeconds(new Date(now.getTime() + 1), now)).toBe(1);
    expect(retryAfterSeconds(later(-5), now)).toBe(0);
  });
});

describe('identifier hashing', () => {
  it('ignores case, surrounding spaces and compatibility forms', () => {
    const hash = hashIdentifier('sally@cspa.ca');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashIdentifier('  Sally@CSPA.ca ')).toBe(hash);
    expect(hashIdentifier('ｓａｌｌｙ@cspa.ca')).toBe(hash);
    expect(hashIdentifier('sally@cspa.com')).not.toBe(hash);
  });

  it('is keyed with the app secret, not a plain SHA-256 anyone could recompute', async () => {
    const { createHash } = await import('node:crypto');
    expect(hashIdentifier('sally@cspa.ca')).not.toBe(createHash('sha256').update('sally@cspa.ca').digest('hex'));
  });
});

describe('address buckets', () => {
  it('keeps IPv4 addresses whole', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts IPv6 addresses by their /64', () => {
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(addressBucket('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(addressBucket('::1')).toBe('0000:0000:0000:0000::/64');
    expect(addressBucket('64:ff9b::198.51.100.1')).toBe('0064:ff9b:0000:0000::/64');
  });

  it('leaves the shared placeholders alone', () => {
    expect(addressBucket(UNKNOWN_ADDRESS)).toBe(UNKNOWN_ADDRESS);
    expect(addressBucket(INVALID_ADDRESS)).toBe(INVALID_ADDRESS);
  });
});

describe('client address', () => {
  const headers = (init: Record<string, string>) => new Headers(init);

  it('trusts x-real-ip first', () => {
    expect(clientAddress(headers({ 'x-real-ip': '203.0.113.7', 'x-forwarded-for': '198.51.100.1' }))).toBe('203.0.113.7');
  });

  it('otherwise takes the last x-forwarded-for entry, the one the nearest proxy wrote', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '10.0.0.1, 198.51.100.1 , 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9');
  });

  it('accepts IPv6 and ports, and unwraps IPv4-mapped IPv6', () => {
    expect(clientAddress(headers({ 'x-real-ip': '2001:DB8::1' }))).toBe('2001:db8::1');
    expect(clientAddress(headers({ 'x-forwarded-for': '[2001:db8::2]:443' }))).toBe('2001:db8::2');
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.7:51234' }))).toBe('203.0.113.7');
    expect(clientAddress(headers({ 'x-real-ip': '::ffff:203.0.113.7' }))).toBe('203.0.113.7');
  });

  it('falls back to one shared bucket for unknown and invalid addresses', () => {
    expect(clientAddress(headers({}))).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(headers({ 'x-forwarded-for': ' , ' }))).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(headers({ 'x-real-ip': 'evil.example' }))).toBe(INVALID_ADDRESS);
    expect(clientAddress(headers({ 'x-forwarded-for': '1.2.3.4, <script>' }))).toBe(INVALID_ADDRESS);
    expect(clientAddress(headers({ 'x-real-ip': '999.1.1.1' }))).toBe(INVALID_ADDRESS);
  });
});
