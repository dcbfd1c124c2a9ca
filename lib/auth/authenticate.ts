import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Executor } from '@/db/client';
import { hashPassword, verifyPassword } from './password-hash';
import { normalizePassword } from './password-rules';
import { parseIdentifier } from './identifier';
import { findAccount } from './members-lookup';
import { startSession } from './sessions';
import { checkSignIn, recordSignInFailure, recordSignInSuccess } from './throttle';

export type SignInAttempt = { identifier: string; password: string; ip: string };

export type SignInResult =
  | { ok: true; memberId: string; sessionId: string; sessionVersion: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAt: Date };

let dummyHash: Promise<string> | undefined;

/** Unknown accounts and accounts without a password are verified against this, so they cost the same time. */
function hashForUnknownAccounts(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return dummyHash;
}

export async function authenticate(db: Executor, attempt: SignInAttempt, now = new Date()): Promise<SignInResult> {
  // The throttle comes before any hashing: a throttled attempt costs the server nothing.
  const decision = await checkSignIn(db, { identifier: attempt.identifier, ip: attempt.ip }, now);
  if (!decision.allowed) return { ok: false, reason: 'throttled', retryAt: decision.retryAt };

  const identifier = parseIdentifier(attempt.identifier);
  const account = identifier ? await findAccount(db, identifier) : null;
  const storedHash = account?.passwordHash ?? (await hashForUnknownAccounts());
  const matches = await verifyPassword(storedHash, normalizePassword(attempt.password));

  if (!account?.passwordHash || !matches) {
    await recordSignInFailure(db, { identifier: attempt.identifier, ip: attempt.ip }, now);
    return { ok: false, reason: 'invalid' };
  }
  await recordSignInSuccess(db, { identifier: attempt.identifier }, now);
  const sessionId = await startSession(db, account.id);
  return { ok: true, memberId: account.id, sessionId, sessionVersion: account.sessionVersion };
}
