import { describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { throttleCounters } from '@/db/schema';
import {
  checkSignIn,
  hashIdentifier,
  recordSignInFailure,
  recordSignInSuccess,
  resetSignInFailures,
  retryAfterSeconds,
  signInWaitSeconds,
  takeEmailSlot,
} from '@/lib/auth/throttle';

// Every test uses identifiers and addresses of its own: the database is shared within this file.
const start = new Date('2026-11-23T15:00:00Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

async function fail(identifier: string, ip: string, times: number, when: Date) {
  const db = await getDb();
  for (let i = 0; i < times; i += 1) await recordSignInFailure(db, { identifier, ip }, when);
}

describe('sign-in throttling per identifier', () => {
  it('allows four failures, then waits 30 s after the fifth', async () => {
    const db = await getDb();
    const attempt = { identifier: 'alpha@example.com', ip: '203.0.113.1' };
    await fail(attempt.identifier, attempt.ip, 4, start);
    expect(await checkSignIn(db, attempt, start)).toEqual({ allowed: true });

    await recordSignInFailure(db, attempt, start);
    const decision = await checkSignIn(db, attempt, start);
    expect(decision).toEqual({ allowed: false, retryAt: at(30), reason: 'identifier' });
    expect(retryAfterSeconds(at(30), start)).toBe(30);
    expect(await checkSignIn(db, attempt, at(29))).toMatchObject({ allowed: false });
    expect(await checkSignIn(db, attempt, at(30))).toEqual({ allowed: true });
  });

  it('doubles the wait with each further failure, as the pure policy says, up to an hour', async () => {
    const db = await getDb();
    const attempt = { identifier: 'bravo@example.com', ip: '203.0.113.2' };
    for (let n = 1; n <= 14; n += 1) {
      await recordSignInFailure(db, attempt, start);
      const wait = signInWaitSeconds(n);
      const decision = await checkSignIn(db, attempt, start);
      if (wait === 0) expect(decision).toEqual({ allowed: true });
      else expect(decision).toEqual({ allowed: false, retryAt: at(wait), reason: 'identifier' });
    }
    expect(signInWaitSeconds(14)).toBe(3600);
  });

  it('gives four free failures back after 15 minutes, but keeps doubling from the consecutive count', async () => {
    const db = await getDb();
    const attempt = { identifier: 'bravo2@example.com', ip: '203.0.113.12' };
    await fail(attempt.identifier, attempt.ip, 5, start);
    const nextWindow = at(15 * 60);
    await fail(attempt.identifier, attempt.ip, 4, nextWindow);
    expect(await checkSignIn(db, attempt, nextWindow)).toEqual({ allowed: true });
    await recordSignInFailure(db, attempt, nextWindow);
    expect(await checkSignIn(db, attempt, nextWindow)).toEqual({
      allowed: false,
      retryAt: new Date(nextWindow.getTime() + signInWaitSeconds(10) * 1000),
      reason: 'identifier',
    });
    expect(signInWaitSeconds(10)).toBe(960);
  });

  it('treats the identifier as the same whatever its case and surrounding spaces', async () => {
    const db = await getDb();
    await fail('Charlie@Example.com', '203.0.113.3', 3, start);
    await fail('  charlie@example.COM ', '203.0.113.3', 2, start);
    expect(await checkSignIn(db, { identifier: 'charlie@example.com', ip: '198.51.100.3' }, start)).toMatchObject({
      allowed: false,
      reason: 'identifier',
    });
  });

  it('still throttles an identifier tried from 50 different addresses', async () => {
    const db = await getDb();
    for (let i = 1; i <= 50; i += 1) await recordSignInFailure(db, { identifier: '12345', ip: `198.51.100.${i}` }, start);
    expect(await checkSignIn(db, { identifier: '12345', ip: '198.51.100.200' }, start)).toEqual({
      allowed: false,
      retryAt: at(signInWaitSeconds(50)),
      reason: 'identifier',
    });
  });

  it('blocks after 100 consecutive failures until the failures are reset', async () => {
    const db = await getDb();
    const attempt = { identifier: 'delta@example.com', ip: '203.0.113.4' };
    await fail(attempt.identifier, attempt.ip, 100, start);
    const tomorrow = at(86_400);
    expect(await checkSignIn(db, attempt, tomorrow)).toEqual({
      allowed: false,
      retryAt: new Date(tomorrow.getTime() + 3600 * 1000),
      reason: 'identifier',
    });
    await resetSignInFailures(db, { identifiers: ['DELTA@example.com', '55555'] }, tomorrow);
    expect(await checkSignIn(db, attempt, tomorrow)).toEqual({ allowed: true });
  });

  it('forgets the failures after a successful sign-in', async () => {
    const db = await getDb();
    const attempt = { identifier: 'echo@example.com', ip: '203.0.113.5' };
    await fail(attempt.identifier, attempt.ip, 6, start);
    expect(await checkSignIn(db, attempt, start)).toMatchObject({ allowed: false });
    await recordSignInSuccess(db, { identifier: ' Echo@example.com' }, start);
    expect(await checkSignIn(db, attempt, start)).toEqual({ allowed: true });
    // The count starts again: four more failures are free.
    await fail(attempt.identifier, attempt.ip, 4, start);
    expect(await checkSignIn(db, attempt, start)).toEqual({ allowed: true });
  });

  it('counts every one of ten concurrent failures', async () => {
    const db = await getDb();
    const attempt = { identifier: 'foxtrot@example.com', ip: '203.0.113.6' };
    await Promise.all(Array.from({ length: 10 }, () => recordSignInFailure(db, attempt, start)));
    const keys = [`signin:id:${hashIdentifier(attempt.identifier)}`, `signin:ip:${attempt.ip}`];
    const rows = await db
      .select({ key: throttleCounters.key, attempts: throttleCounters.attempts, consecutive: throttleCounters.consecutiveFailures })
      .from(throttleCounters)
      .where(inArray(throttleCounters.key, keys));
    // The address row counts failures in its window only; it has no consecutive count.
    expect(rows.sort((a, b) => keys.indexOf(a.key) - keys.indexOf(b.key))).toEqual([
      { key: keys[0], attempts: 10, consecutive: 10 },
      { key: keys[1], attempts: 10, consecutive: 0 },
    ]);
    expect(await checkSignIn(db, attempt, start)).toEqual({
      allowed: false,
      retryAt: at(signInWaitSeconds(10)),
      reason: 'identifier',
    });
  });
});

describe('sign-in throttling per address', () => {
  it('blocks an address after 50 failures across identifiers, until its window ends', async () => {
    const db = await getDb();
    const ip = '192.0.2.77';
    for (let i = 0; i < 49; i += 1) await recordSignInFailure(db, { identifier: `user${i}@example.com`, ip }, at(i));
    expect(await checkSignIn(db, { identifier: 'new@example.com', ip }, at(60))).toEqual({ allowed: true });
    await recordSignInFailure(db, { identifier: 'user49@example.com', ip }, at(60));
    expect(await checkSignIn(db, { identifier: 'new@example.com', ip }, at(61))).toEqual({
      allowed: false,
      retryAt: at(900),
      reason: 'address',
    });
    expect(await checkSignIn(db, { identifier: 'new@example.com', ip: '192.0.2.78' }, at(61))).toEqual({ allowed: true });
    expect(await checkSignIn(db, { identifier: 'new@example.com', ip }, at(900))).toEqual({ allowed: true });
  });

  it('counts a whole IPv6 /64 as one address', async () => {
    const db = await getDb();
    for (let i = 0; i < 50; i += 1) {
      await recordSignInFailure(db, { identifier: `v6user${i}@example.com`, ip: `2001:db8:5:6::${i.toString(16)}` }, start);
    }
    expect(await checkSignIn(db, { identifier: 'other@example.com', ip: '2001:db8:5:6:ffff::1' }, start)).toMatchObject({
      allowed: false,
      reason: 'address',
    });
  });
});

describe('email slots', () => {
  it('allows three emails an hour per identifier, then refuses until the hour is over', async () => {
    const db = await getDb();
    const request = { kind: 'password_reset' as const, identifier: 'golf@example.com', ip: '203.0.113.8' };
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await takeEmailSlot(db, request, at(i * 60)));
    expect(results).toEqual([true, true, true, false]);
    expect(await takeEmailSlot(db, { ...request, identifier: 'GOLF@example.com ' }, at(3599))).toBe(false);
    expect(await takeEmailSlot(db, { ...request, kind: 'username_reminder' }, at(300))).toBe(true);
    expect(await takeEmailSlot(db, request, at(3600))).toBe(true);
  });

  it('allows twenty emails an hour per address', async () => {
    const db = await getDb();
    const results = [];
    for (let i = 0; i < 21; i += 1) {
      results.push(await takeEmailSlot(db, { kind: 'username_reminder', identifier: `h${i}@example.com`, ip: '203.0.113.9' }, start));
    }
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(results[20]).toBe(false);
  });

  it('gives exactly three slots to ten concurrent requests', async () => {
    const db = await getDb();
    const request = { kind: 'password_reset' as const, identifier: 'india@example.com', ip: '203.0.113.10' };
    const results = await Promise.all(Array.from({ length: 10 }, () => takeEmailSlot(db, request, start)));
    expect(results.filter(Boolean)).toHaveLength(3);
  });
});

describe('what the table holds', () => {
  it('never stores an identifier in clear', async () => {
    const db = await getDb();
    await recordSignInFailure(db, { identifier: 'Juliet.Secret@Example.com', ip: '203.0.113.11' }, start);
    await recordSignInFailure(db, { identifier: '987654', ip: '203.0.113.11' }, start);
    await takeEmailSlot(db, { kind: 'password_reset', identifier: 'Juliet.Secret@Example.com', ip: '203.0.113.11' }, start);
    const keys = (await db.select({ key: throttleCounters.key }).from(throttleCounters)).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatch(/^(signin|email:[a-z_]+):(id:[0-9a-f]{64}|ip:.+)$/);
      expect(key.toLowerCase()).not.toContain('juliet');
      expect(key.toLowerCase()).not.toContain('example.com');
      expect(key).not.toContain('987654');
    }
  });
});
