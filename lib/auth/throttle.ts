import 'server-only';
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { throttleCounters } from '@/db/schema';
import { env } from '@/lib/env';

/**
 * Throttling of sign-in attempts and of emails sent on request, in the `throttle_counters` table:
 * serverless instances share nothing else. Identifiers (an email or a CSPA number as typed) are stored
 * only as a SHA-256, so the table never holds what someone typed. The policy itself is in the pure
 * functions below; the SQL repeats it so that every counter changes in one atomic statement.
 */

export const SIGN_IN_POLICY = {
  windowSeconds: 15 * 60,
  /** Failures per identifier and window that cost nothing; from this one on, each failure imposes a wait. */
  freeFailures: 5,
  firstWaitSeconds: 30,
  maxWaitSeconds: 60 * 60,
  /** Consecutive failures after which only a successful sign-in or a password reset unblocks the identifier. */
  failuresUntilReset: 100,
  /** Failures per address and window, all identifiers together. */
  failuresPerAddress: 50,
} as const;

export const EMAIL_SLOT_POLICY = {
  windowSeconds: 60 * 60,
  perIdentifier: 3,
  perAddress: 20,
} as const;

export type EmailKind = 'password_reset' | 'username_reminder';
export type SignInDecision = { allowed: true } | { allowed: false; retryAt: Date; reason: 'identifier' | 'address' };

// ── Pure policy ────────────────────────────────────────────────────────────────

/**
 * The wait after a failure: none while the window holds fewer than five failures; then 30 s for the
 * 5th consecutive failure, doubling with each further one (60 s, 120 s …) up to one hour.
 */
export function signInWaitSeconds(consecutiveFailures: number, failuresInWindow = consecutiveFailures): number {
  const { freeFailures, firstWaitSeconds, maxWaitSeconds } = SIGN_IN_POLICY;
  if (failuresInWindow < freeFailures) return 0;
  const doublings = Math.max(0, consecutiveFailures - freeFailures);
  return Math.min(firstWaitSeconds * 2 ** Math.min(doublings, 20), maxWaitSeconds);
}

export function isBlockedUntilReset(consecutiveFailures: number): boolean {
  return consecutiveFailures >= SIGN_IN_POLICY.failuresUntilReset;
}

/** A fixed window is over once its length has passed since it started; the next event starts a new one. */
export function isWindowOver(windowStartedAt: Date, windowSeconds: number, now: Date): boolean {
  return now.getTime() - windowStartedAt.getTime() >= windowSeconds * 1000;
}

export type CounterState = { consecutiveFailures: number; blockedUntil: Date | null };

export function evaluateSignIn(
  counters: { identifier?: CounterState; address?: CounterState },
  now: Date,
): SignInDecision {
  const { identifier, address } = counters;
  if (identifier && isBlockedUntilReset(identifier.consecutiveFailures)) {
    // No end to announce: the form offers the password reset; asking again later gives the same answer.
    return { allowed: false, retryAt: addSeconds(now, SIGN_IN_POLICY.maxWaitSeconds), reason: 'identifier' };
  }
  const byIdentifier = identifier?.blockedUntil && identifier.blockedUntil > now ? identifier.blockedUntil : null;
  const byAddress = address?.blockedUntil && address.blockedUntil > now ? address.blockedUntil : null;
  if (byAddress && (!byIdentifier || byAddress > byIdentifier)) {
    return { allowed: false, retryAt: byAddress, reason: 'address' };
  }
  if (byIdentifier) return { allowed: false, retryAt: byIdentifier, reason: 'identifier' };
  return { allowed: true };
}

export function retryAfterSeconds(retryAt: Date, now: Date = new Date()): number {
  return Math.max(0, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}

/** What two typings of the same identifier have in common: "  Sally@CSPA.ca" and "sally@cspa.ca" count together. */
export function hashIdentifier(identifier: string): string {
  const normalized = identifier.normalize('NFKC').trim().toLowerCase();
  // Keyed with the app secret: a copy of the database alone cannot confirm which emails were tried.
  return createHmac('sha256', env().authSecret).update(normalized, 'utf8').digest('hex');
}

/**
 * The bucket an address counts in. An IPv6 user usually holds a whole /64 and can pick any address in it,
 * so IPv6 addresses count by their /64.
 */
export function addressBucket(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const groups = expandIPv6(ip);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip;
}

function expandIPv6(ip: string): string[] | null {
  let address = ip.toLowerCase().split('%')[0]!;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    address = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  return groups.map((group) => group.padStart(4, '0'));
}

function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

// ── Keys ───────────────────────────────────────────────────────────────────────

const signInIdentifierKey = (identifier: string) => `signin:id:${hashIdentifier(identifier)}`;
const signInAddressKey = (ip: string) => `signin:ip:${addressBucket(ip)}`;
const emailIdentifierKey = (kind: EmailKind, identifier: string) => `email:${kind}:id:${hashIdentifier(identifier)}`;
const emailAddressKey = (kind: EmailKind, ip: string) => `email:${kind}:ip:${addressBucket(ip)}`;

// ── Database ───────────────────────────────────────────────────────────────────

const t = throttleCounters;

function timestamp(date: Date) {
  return sql`${date.toISOString()}::timestamptz`;
}

/** SQL pieces for a fixed window, evaluated against the row being updated. */
function windowSql(windowSeconds: number, now: Date) {
  const over = sql`(${t.windowStartedAt} <= ${timestamp(addSeconds(now, -windowSeconds))})`;
  return {
    startedAt: sql`(CASE WHEN ${over} THEN ${timestamp(now)} ELSE ${t.windowStartedAt} END)`,
    attempts: sql`(CASE WHEN ${over} THEN 1 ELSE ${t.attempts} + 1 END)`,
  };
}

/** Call before any password hashing: a refused attempt must cost the server nothing. */
export async function checkSignIn(
  db: Executor,
  attempt: { identifier: string; ip: string },
  now: Date = new Date(),
): Promise<SignInDecision> {
  const identifierKey = signInIdentifierKey(attempt.identifier);
  const addressKey = signInAddressKey(attempt.ip);
  const rows = await db
    .select({ key: t.key, consecutiveFailures: t.consecutiveFailures, blockedUntil: t.blockedUntil })
    .from(t)
    .where(inArray(t.key, [identifierKey, addressKey]));
  return evaluateSignIn(
    {
      identifier: rows.find((row) => row.key === identifierKey),
      address: rows.find((row) => row.key === addressKey),
    },
    now,
  );
}

/**
 * Counts a failed sign-in against the identifier as typed (whether or not it names a member, so the
 * throttle reveals nothing) and against the address. Each counter is one INSERT … ON CONFLICT DO UPDATE
 * whose arithmetic runs in SQL, so concurrent failures all count.
 */
export async function recordSignInFailure(
  db: Executor,
  attempt: { identifier: string; ip: string },
  now: Date = new Date(),
): Promise<void> {
  const { windowSeconds, freeFailures, firstWaitSeconds, maxWaitSeconds, failuresPerAddress } = SIGN_IN_POLICY;
  const window = windowSql(windowSeconds, now);

  // Mirrors signInWaitSeconds(consecutive, inWindow).
  const consecutive = sql`(${t.consecutiveFailures} + 1)`;
  const doublings = sql`LEAST(GREATEST(${consecutive} - ${freeFailures}::int, 0), 20)`;
  const waitSeconds = sql`LEAST(${firstWaitSeconds}::float8 * power(2::float8, ${doublings}), ${maxWaitSeconds}::float8)`;
  const identifierBlock = sql`(CASE WHEN ${window.attempts} < ${freeFailures}::int THEN NULL
    ELSE ${timestamp(now)} + make_interval(secs => ${waitSeconds}) END)`;
  const firstWait = signInWaitSeconds(1, 1);
  await db
    .insert(t)
    .values({
      key: signInIdentifierKey(attempt.identifier),
      windowStartedAt: now,
      attempts: 1,
      consecutiveFailures: 1,
      blockedUntil: firstWait > 0 ? addSeconds(now, firstWait) : null,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        windowStartedAt: window.startedAt,
        attempts: window.attempts,
        consecutiveFailures: consecutive,
        // GREATEST ignores NULL and never shortens a wait already imposed.
        blockedUntil: sql`GREATEST(${t.blockedUntil}, ${identifierBlock})`,
        updatedAt: now,
      },
    });

  // The address is blocked from its 50th failure until its window ends.
  const addressBlock = sql`(CASE WHEN ${window.attempts} >= ${failuresPerAddress}::int
    THEN ${window.startedAt} + make_interval(secs => ${windowSeconds}::int) ELSE NULL END)`;
  await db
    .insert(t)
    .values({ key: signInAddressKey(attempt.ip), windowStartedAt: now, attempts: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        windowStartedAt: window.startedAt,
        attempts: window.attempts,
        blockedUntil: sql`GREATEST(${t.blockedUntil}, ${addressBlock})`,
        updatedAt: now,
      },
    });
}

/** A successful sign-in clears the identifier's failures; the address keeps its count for the window. */
export async function recordSignInSuccess(
  db: Executor,
  attempt: { identifier: string },
  now: Date = new Date(),
): Promise<void> {
  await resetSignInFailures(db, { identifiers: [attempt.identifier] }, now);
}

/** After a password reset: pass every identifier the member can sign in with (email and CSPA number). */
export async function resetSignInFailures(
  db: Executor,
  input: { identifiers: string[] },
  now: Date = new Date(),
): Promise<void> {
  if (input.identifiers.length === 0) return;
  await db
    .update(t)
    .set({ attempts: 0, consecutiveFailures: 0, blockedUntil: null, updatedAt: now })
    .where(inArray(t.key, input.identifiers.map(signInIdentifierKey)));
}

/**
 * Takes one of the emails allowed per hour: 3 per identifier and 20 per address, per kind.
 * False means over the limit: the caller answers exactly as usual but sends nothing.
 * Both counters move in one statement, so concurrent requests get distinct counts.
 */
export async function takeEmailSlot(
  db: Executor,
  request: { kind: EmailKind; identifier: string; ip: string },
  now: Date = new Date(),
): Promise<boolean> {
  const { windowSeconds, perIdentifier, perAddress } = EMAIL_SLOT_POLICY;
  const identifierKey = emailIdentifierKey(request.kind, request.identifier);
  const addressKey = emailAddressKey(request.kind, request.ip);
  const window = windowSql(windowSeconds, now);
  const rows = await db
    .insert(t)
    .values([
      { key: identifierKey, windowStartedAt: now, attempts: 1, updatedAt: now },
      { key: addressKey, windowStartedAt: now, attempts: 1, updatedAt: now },
    ])
    .onConflictDoUpdate({
      target: t.key,
      set: { windowStartedAt: window.startedAt, attempts: window.attempts, updatedAt: now },
    })
    .returning({ key: t.key, attempts: t.attempts });
  const count = (key: string) => rows.find((row) => row.key === key)?.attempts ?? Number.POSITIVE_INFINITY;
  return count(identifierKey) <= perIdentifier && count(addressKey) <= perAddress;
}

// ── Per-address counters for other look-ups ───────────────────────────────────

export type AddressLimit = { scope: string; limit: number; windowSeconds: number };

const addressScopeKey = (scope: string, ip: string) => `${scope}:ip:${addressBucket(ip)}`;

/** Whether this address is still under its limit for the scope (read-only). */
export async function isAddressUnderLimit(db: Executor, rule: AddressLimit, ip: string, now: Date = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ attempts: t.attempts, windowStartedAt: t.windowStartedAt })
    .from(t)
    .where(inArray(t.key, [addressScopeKey(rule.scope, ip)]));
  if (!row || isWindowOver(row.windowStartedAt, rule.windowSeconds, now)) return true;
  return row.attempts < rule.limit;
}

/** Counts one event (e.g. a look-up of an unknown card) against the address, atomically. */
export async function countAddressEvent(db: Executor, rule: AddressLimit, ip: string, now: Date = new Date()): Promise<void> {
  const window = windowSql(rule.windowSeconds, now);
  await db
    .insert(t)
    .values({ key: addressScopeKey(rule.scope, ip), windowStartedAt: now, attempts: 1, updatedAt: now })
    .onConflictDoUpdate({ target: t.key, set: { windowStartedAt: window.startedAt, attempts: window.attempts, updatedAt: now } });
}
