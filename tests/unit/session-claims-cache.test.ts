import { describe, expect, it } from 'vitest';
import { claimsFromPayload, createClaimsCache, sessionTokenFromCookies } from '@/lib/auth/claims-cache';

const claims = { memberId: 'm-1', sessionId: 's-1', sessionVersion: 3 };

describe('session claims from a decrypted cookie', () => {
  it('keeps the member, the session and its version, and the expiry', () => {
    expect(claimsFromPayload({ sub: 'm-1', sid: 's-1', sv: 3, exp: 1_800_000_000, iat: 1, jti: 'x' })).toEqual({ claims, expiresAtMs: 1_800_000_000_000 });
  });

  it('refuses a payload without a member, a session, a version or an expiry, as auth() did', () => {
    expect(claimsFromPayload(null)).toBeNull();
    expect(claimsFromPayload({ sid: 's-1', sv: 3, exp: 1 })).toBeNull();
    expect(claimsFromPayload({ sub: 'm-1', sv: 3, exp: 1 })).toBeNull();
    expect(claimsFromPayload({ sub: 'm-1', sid: '', sv: 3, exp: 1 })).toBeNull();
    expect(claimsFromPayload({ sub: 'm-1', sid: 's-1', exp: 1 })).toBeNull();
    expect(claimsFromPayload({ sub: 'm-1', sid: 's-1', sv: '3', exp: 1 })).toBeNull();
    expect(claimsFromPayload({ sub: 'm-1', sid: 's-1', sv: 3 })).toBeNull();
  });
});

describe('cache of decrypted session cookies', () => {
  it('answers for the exact cookie only', () => {
    const cache = createClaimsCache();
    cache.set('cookie-a', { claims, expiresAtMs: 2_000 });
    expect(cache.get('cookie-a', 1_000)).toEqual(claims);
    expect(cache.get('cookie-a ', 1_000)).toBeUndefined();
    expect(cache.get('cookie-b', 1_000)).toBeUndefined();
  });

  it('forgets a cookie once it has expired', () => {
    const cache = createClaimsCache();
    cache.set('cookie-a', { claims, expiresAtMs: 2_000 });
    expect(cache.get('cookie-a', 2_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('stays bounded, dropping the oldest cookie first', () => {
    const cache = createClaimsCache(2);
    cache.set('a', { claims, expiresAtMs: 10 });
    cache.set('b', { claims, expiresAtMs: 10 });
    cache.set('c', { claims, expiresAtMs: 10 });
    expect(cache.size).toBe(2);
    expect(cache.get('a', 0)).toBeUndefined();
    expect(cache.get('c', 0)).toEqual(claims);
  });
});

describe('session token from the cookies', () => {
  const name = 'authjs.session-token';

  it('takes the session cookie and ignores the others', () => {
    expect(sessionTokenFromCookies([{ name: 'NEXT_LOCALE', value: 'fr' }, { name, value: 'abc' }, { name: 'authjs.csrf-token', value: 'x' }], name)).toBe('abc');
  });

  it('joins a chunked cookie in the order of its chunks', () => {
    const chunks = [
      { name: `${name}.2`, value: 'C' },
      { name: `${name}.0`, value: 'A' },
      { name: `${name}.10`, value: 'D' },
      { name: `${name}.1`, value: 'B' },
    ];
    expect(sessionTokenFromCookies(chunks, name)).toBe('ABCD');
  });

  it('finds nothing without the cookie, or with only look-alikes', () => {
    expect(sessionTokenFromCookies([], name)).toBeUndefined();
    expect(sessionTokenFromCookies([{ name, value: '' }], name)).toBeUndefined();
    expect(sessionTokenFromCookies([{ name: `${name}-evil`, value: 'x' }, { name: `${name}.x`, value: 'y' }], name)).toBeUndefined();
    expect(sessionTokenFromCookies([{ name: 'authjs.session-token', value: 'plain' }], '__Secure-authjs.session-token')).toBeUndefined();
  });
});
