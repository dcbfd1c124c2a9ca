import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { authTokens, members } from '@/db/schema';

/**
 * One-time links (password reset, email change). The token is 32 random bytes (256 bits) in base64url;
 * only its SHA-256 is stored, so a copy of the database opens nothing. A token is single use, expires,
 * and issuing a new one voids the older ones for the same member and purpose.
 */

export type TokenPurpose = 'password_reset' | 'email_change';
export type TokenPayload = Record<string, string>;

const TOKEN_BYTES = 32;
/** 32 bytes in base64url without padding. */
export const TOKEN_LENGTH = 43;

export function generateToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Exactly what generateToken can produce: 43 base64url characters that decode to 32 bytes and encode back
 * to the same text (the last character carries 2 unused bits, so only 16 of the 64 letters can end it).
 */
export function isWellFormedToken(token: string): boolean {
  if (token.length !== TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return false;
  return Buffer.from(token, 'base64url').toString('base64url') === token;
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/**
 * Voids the member's live tokens for this purpose, then stores a new one. The member's row is locked for
 * the duration (in a savepoint when called inside a transaction), so two requests at once still leave
 * exactly one live token.
 */
export async function issueToken(
  tx: Executor,
  input: { memberId: string; purpose: TokenPurpose; ttlMinutes: number; payload?: TokenPayload },
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  if (!Number.isFinite(input.ttlMinutes) || input.ttlMinutes <= 0) {
    throw new RangeError(`ttlMinutes must be a positive number, not ${input.ttlMinutes}`);
  }
  const token = generateToken();
  const expiresAt = addMinutes(now, input.ttlMinutes);
  await tx.transaction(async (inner) => {
    await inner.execute(sql`SELECT 1 FROM ${members} WHERE ${members.id} = ${input.memberId} FOR NO KEY UPDATE`);
    await voidTokens(inner, { memberId: input.memberId, purpose: input.purpose }, now);
    await inner.insert(authTokens).values({
      memberId: input.memberId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      payload: input.payload ?? null,
      expiresAt,
      createdAt: now,
    });
  });
  return { token, expiresAt };
}

function liveTokenWhere(token: string, purpose: TokenPurpose, now: Date) {
  return and(
    eq(authTokens.tokenHash, hashToken(token)),
    eq(authTokens.purpose, purpose),
    isNull(authTokens.usedAt),
    isNull(authTokens.voidedAt),
    gt(authTokens.expiresAt, now),
  );
}

export type TokenInspection =
  | { status: 'valid'; memberId: string; payload: TokenPayload | null; expiresAt: Date }
  | { status: 'invalid' };

/**
 * Whether a link still works, changing nothing: opening a link (or a mail scanner fetching it) must not
 * use it up. Unknown, malformed, wrong purpose, used, voided and expired are all just "invalid".
 */
export async function inspectToken(
  db: Executor,
  input: { token: string; purpose: TokenPurpose },
  now: Date = new Date(),
): Promise<TokenInspection> {
  if (!isWellFormedToken(input.token)) return { status: 'invalid' };
  const [row] = await db
    .select({ memberId: authTokens.memberId, payload: authTokens.payload, expiresAt: authTokens.expiresAt })
    .from(authTokens)
    .where(liveTokenWhere(input.token, input.purpose, now))
    .limit(1);
  return row ? { status: 'valid', ...row } : { status: 'invalid' };
}

/**
 * Uses the token up, in one conditional UPDATE: of two concurrent uses, the second finds used_at set
 * and gets null. Call it in the transaction that does what the token allows.
 */
export async function consumeToken(
  tx: Executor,
  input: { token: string; purpose: TokenPurpose },
  now: Date = new Date(),
): Promise<{ memberId: string; payload: TokenPayload | null } | null> {
  if (!isWellFormedToken(input.token)) return null;
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(liveTokenWhere(input.token, input.purpose, now))
    .returning({ memberId: authTokens.memberId, payload: authTokens.payload });
  return row ?? null;
}

/** Voids every unused token of the member for this purpose (e.g. after the password changed another way). */
export async function voidTokens(
  tx: Executor,
  input: { memberId: string; purpose: TokenPurpose },
  now: Date = new Date(),
): Promise<void> {
  await tx
    .update(authTokens)
    .set({ voidedAt: now })
    .where(
      and(
        eq(authTokens.memberId, input.memberId),
        eq(authTokens.purpose, input.purpose),
        isNull(authTokens.usedAt),
        isNull(authTokens.voidedAt),
      ),
    );
}
