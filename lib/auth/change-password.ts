import 'server-only';
import type { Executor } from '@/db/client';
import { findAccountById } from './members-lookup';
import { hashPassword, verifyPassword } from './password-hash';
import { checkNewPassword, normalizePassword, type PasswordProblem } from './password-rules';
import { storeNewPassword } from './store-new-password';
import { checkSignIn, recordSignInFailure, recordSignInSuccess } from './throttle';

export type ChangePasswordResult =
  | { ok: true; email: string }
  | { ok: false; error: 'currentWrong' }
  | { ok: false; error: 'throttled'; retryAt: Date }
  | { ok: false; error: 'mismatch' }
  | { ok: false; error: 'password'; problem: PasswordProblem };

/**
 * A signed-in member changes their password. The current password is required and guessing it is
 * throttled like a sign-in; every session ends afterwards (the caller signs this device in again).
 */
export async function changePassword(
  db: Executor,
  input: { memberId: string; currentPassword: string; newPassword: string; confirmation: string; ip: string },
  now = new Date(),
): Promise<ChangePasswordResult> {
  const account = await findAccountById(db, input.memberId);
  if (!account) return { ok: false, error: 'currentWrong' };
  const decision = await checkSignIn(db, { identifier: account.email, ip: input.ip }, now);
  if (!decision.allowed) return { ok: false, error: 'throttled', retryAt: decision.retryAt };
  const currentMatches = account.passwordHash !== null && (await verifyPassword(account.passwordHash, normalizePassword(input.currentPassword)));
  if (!currentMatches) {
    await recordSignInFailure(db, { identifier: account.email, ip: input.ip }, now);
    return { ok: false, error: 'currentWrong' };
  }
  await recordSignInSuccess(db, { identifier: account.email }, now);

  const verdict = checkNewPassword(input.newPassword, account);
  if (!verdict.ok) return { ok: false, error: 'password', problem: verdict.problem };
  if (normalizePassword(input.newPassword) !== normalizePassword(input.confirmation)) return { ok: false, error: 'mismatch' };
  const passwordHash = await hashPassword(verdict.password);

  await db.transaction((tx) => storeNewPassword(tx, account, { passwordHash, action: 'member.password.change', now }));
  return { ok: true, email: account.email };
}
