import 'server-only';
import type { Executor } from '@/db/client';
import { enqueueEmail } from '@/lib/email/outbox';
import { absoluteUrl } from '@/lib/i18n/urls';
import { parseIdentifier } from './identifier';
import { findAccount, findAccountById, type AccountRecord } from './members-lookup';
import { hashPassword } from './password-hash';
import { checkNewPassword, type PasswordProblem } from './password-rules';
import { storeNewPassword } from './store-new-password';
import { resetSignInFailures, takeEmailSlot } from './throttle';
import { consumeToken, inspectToken, issueToken } from './tokens';

export const RESET_LINK_MINUTES = 60;

/**
 * Emails a one-time link when the identifier belongs to a member. Says nothing either way:
 * the caller answers the same whatever happens here, and runs it after the response so timing reveals nothing too.
 */
export async function requestPasswordReset(db: Executor, request: { identifier: string; ip: string }, now = new Date()): Promise<void> {
  if (!(await takeEmailSlot(db, { kind: 'password_reset', identifier: request.identifier, ip: request.ip }, now))) return;
  const identifier = parseIdentifier(request.identifier);
  const account = identifier ? await findAccount(db, identifier) : null;
  if (!account) return;
  await db.transaction((tx) => emailResetLink(tx, account, now));
}

/**
 * Issues a new link (voiding the older ones) and writes the email to the address on file, in the member's
 * language. Pass the transaction: the email exists only if the link does. Checks nothing and throttles nothing:
 * callers decide who may ask (a throttled form, or the office on purpose).
 */
export async function emailResetLink(
  tx: Executor,
  account: Pick<AccountRecord, 'id' | 'email' | 'firstName' | 'preferredLanguage'>,
  now = new Date(),
): Promise<void> {
  const { token } = await issueToken(tx, { memberId: account.id, purpose: 'password_reset', ttlMinutes: RESET_LINK_MINUTES }, now);
  await enqueueEmail(tx, {
    to: account.email,
    memberId: account.id,
    locale: account.preferredLanguage,
    template: {
      name: 'password-reset',
      props: {
        firstName: account.firstName,
        resetUrl: absoluteUrl(account.preferredLanguage, '/reset-password', { token }),
        expiresInMinutes: RESET_LINK_MINUTES,
      },
    },
  });
}

/** Opening the link only looks: mail scanners open links too. */
export async function isResetLinkValid(db: Executor, token: string, now = new Date()): Promise<boolean> {
  return (await inspectToken(db, { token, purpose: 'password_reset' }, now)).status === 'valid';
}

export type ResetPasswordResult =
  | { ok: true }
  | { ok: false; error: 'invalidLink' }
  | { ok: false; error: 'mismatch' }
  | { ok: false; error: 'password'; problem: PasswordProblem };

export async function resetPassword(
  db: Executor,
  input: { token: string; password: string; confirmation: string },
  now = new Date(),
): Promise<ResetPasswordResult> {
  const link = await inspectToken(db, { token: input.token, purpose: 'password_reset' }, now);
  if (link.status !== 'valid') return { ok: false, error: 'invalidLink' };
  const account = await findAccountById(db, link.memberId);
  if (!account) return { ok: false, error: 'invalidLink' };

  const verdict = checkNewPassword(input.password, account);
  if (!verdict.ok) return { ok: false, error: 'password', problem: verdict.problem };
  if (input.password.normalize('NFKC') !== input.confirmation.normalize('NFKC')) return { ok: false, error: 'mismatch' };
  const passwordHash = await hashPassword(verdict.password);

  return db.transaction(async (tx): Promise<ResetPasswordResult> => {
    // The atomic use of the token decides: a link used twice at once succeeds once.
    const used = await consumeToken(tx, { token: input.token, purpose: 'password_reset' }, now);
    if (!used) return { ok: false, error: 'invalidLink' };
    if (used.memberId !== account.id) return { ok: false, error: 'invalidLink' };
    await storeNewPassword(tx, account, { passwordHash, action: 'member.password.reset', now });
    await resetSignInFailures(tx, { identifiers: [account.email, account.cspaNumber] });
    return { ok: true };
  });
}
