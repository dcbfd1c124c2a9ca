import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { members } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { findAccount, findAccountById } from '@/lib/auth/members-lookup';
import { verifyPassword } from '@/lib/auth/password-hash';
import { emailResetLink, RESET_LINK_MINUTES } from '@/lib/auth/password-reset';
import { normalizePassword } from '@/lib/auth/password-rules';
import { checkSignIn, recordSignInFailure, recordSignInSuccess } from '@/lib/auth/throttle';
import { consumeToken, inspectToken, issueToken, voidTokens } from '@/lib/auth/tokens';
import { contactAddresses } from '@/lib/contact';
import { enqueueEmail } from '@/lib/email/outbox';
import { absoluteUrl } from '@/lib/i18n/urls';

/**
 * Changing the email, which is also the username. The member asks with their current password; the new
 * address proves itself by clicking a one-time link; the old address is told at once, so someone who took
 * over a session cannot move the account away unnoticed. Nothing changes until the link is used.
 */

export const EMAIL_CHANGE_LINK_HOURS = 24;

const sameAddress = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Another member whose email is this one, compared like the unique index: lower(email). */
async function emailOwner(db: Executor, email: string, exceptMemberId?: string): Promise<string | null> {
  const lowered = sql`lower(${members.email}) = ${email.toLowerCase()}`;
  const [row] = await db
    .select({ cspaNumber: members.cspaNumber })
    .from(members)
    .where(exceptMemberId ? and(lowered, ne(members.id, exceptMemberId)) : lowered)
    .limit(1);
  return row?.cspaNumber ?? null;
}

export type RequestEmailChangeResult =
  | { ok: true; newEmail: string }
  | { ok: false; error: 'currentWrong' | 'emailTaken' | 'sameEmail' }
  | { ok: false; error: 'throttled'; retryAt: Date };

export async function requestEmailChange(
  db: Executor,
  input: { memberId: string; newEmail: string; currentPassword: string; ip: string },
  now = new Date(),
): Promise<RequestEmailChangeResult> {
  const newEmail = input.newEmail.trim();
  const account = await findAccountById(db, input.memberId);
  if (!account) return { ok: false, error: 'currentWrong' };
  if (sameAddress(newEmail, account.email)) return { ok: false, error: 'sameEmail' };

  // Guessing the password from a stolen session counts like guessing it at sign-in, checked before hashing.
  const decision = await checkSignIn(db, { identifier: account.email, ip: input.ip }, now);
  if (!decision.allowed) return { ok: false, error: 'throttled', retryAt: decision.retryAt };
  const matches = account.passwordHash !== null && (await verifyPassword(account.passwordHash, normalizePassword(input.currentPassword)));
  if (!matches) {
    await recordSignInFailure(db, { identifier: account.email, ip: input.ip }, now);
    return { ok: false, error: 'currentWrong' };
  }
  await recordSignInSuccess(db, { identifier: account.email }, now);
  // Only after the password: whether an address belongs to a member is not for anyone with a session to probe.
  if (await emailOwner(db, newEmail, account.id)) return { ok: false, error: 'emailTaken' };

  const locale = account.preferredLanguage;
  await db.transaction(async (tx) => {
    const { token } = await issueToken(
      tx,
      { memberId: account.id, purpose: 'email_change', ttlMinutes: EMAIL_CHANGE_LINK_HOURS * 60, payload: { newEmail } },
      now,
    );
    await enqueueEmail(tx, {
      to: newEmail,
      memberId: account.id,
      locale,
      template: {
        name: 'email-change-confirm',
        props: {
          firstName: account.firstName,
          newEmail,
          confirmUrl: absoluteUrl(locale, '/confirm-email', { token }),
          expiresInHours: EMAIL_CHANGE_LINK_HOURS,
        },
      },
    });
    await enqueueEmail(tx, {
      to: account.email,
      memberId: account.id,
      locale,
      template: {
        name: 'email-change-notice',
        props: { firstName: account.firstName, newEmail, contactEmail: contactAddresses().accountEmail },
      },
    });
  });
  return { ok: true, newEmail };
}

export type EmailChangeInspection = { status: 'valid'; newEmail: string } | { status: 'invalid' };

/** Opening the link only looks: mail scanners open links too. */
export async function inspectEmailChange(db: Executor, token: string, now = new Date()): Promise<EmailChangeInspection> {
  const link = await inspectToken(db, { token, purpose: 'email_change' }, now);
  const newEmail = link.status === 'valid' ? link.payload?.newEmail : undefined;
  return newEmail ? { status: 'valid', newEmail } : { status: 'invalid' };
}

export type ConfirmEmailChangeResult =
  | { ok: true; newEmail: string; memberId: string }
  | { ok: false; error: 'invalidLink' | 'emailTaken' };

/** Thrown inside the transaction so that the token's use rolls back with everything else. */
class EmailTakenError extends Error {}

/** Drizzle wraps the driver's error (postgres.js or PGlite) in `cause`; both carry the SQLSTATE in `code`. */
function isUniqueViolation(error: unknown, depth = 0): boolean {
  if (!(error instanceof Object) || depth > 3) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  return code === '23505' || isUniqueViolation(cause, depth + 1);
}

/**
 * Sessions are kept: they name the member by id, not by email, and the password did not change. The change
 * took the current password and the new inbox, and the old address was told; signing everyone out would
 * only sign out the member who just confirmed. Password-reset links already mailed to the old address are
 * voided, though: that address may no longer be the member's.
 */
export async function confirmEmailChange(db: Executor, token: string, now = new Date()): Promise<ConfirmEmailChangeResult> {
  try {
    return await db.transaction(async (tx): Promise<ConfirmEmailChangeResult> => {
      // The atomic use of the token decides: a link used twice at once succeeds once.
      const used = await consumeToken(tx, { token, purpose: 'email_change' }, now);
      const newEmail = used?.payload?.newEmail;
      if (!used || !newEmail) return { ok: false, error: 'invalidLink' };
      const [current] = await tx.select({ email: members.email }).from(members).where(eq(members.id, used.memberId)).for('update');
      if (!current) return { ok: false, error: 'invalidLink' };
      // The office may have set this very address meanwhile: nothing left to change.
      if (current.email === newEmail) return { ok: true, newEmail, memberId: used.memberId };
      if (await emailOwner(tx, newEmail, used.memberId)) throw new EmailTakenError();
      try {
        // A concurrent change to the same address waits on the unique index on lower(email), then fails here.
        await tx
          .update(members)
          .set({ email: newEmail, rowVersion: sql`${members.rowVersion} + 1`, updatedAt: now })
          .where(eq(members.id, used.memberId));
      } catch (error) {
        throw isUniqueViolation(error) ? new EmailTakenError() : error;
      }
      await voidTokens(tx, { memberId: used.memberId, purpose: 'password_reset' }, now);
      await recordAudit(tx, {
        actorMemberId: used.memberId,
        actorLabel: 'member',
        subjectMemberId: used.memberId,
        action: 'member.email.change',
        changes: { email: { old: current.email, new: newEmail } },
      });
      return { ok: true, newEmail, memberId: used.memberId };
    });
  } catch (error) {
    if (error instanceof EmailTakenError) return { ok: false, error: 'emailTaken' };
    throw error;
  }
}

// ── For the office (scripts/member.ts) ─────────────────────────────────────────

const officeEmailSchema = z.string().trim().max(254).pipe(z.email());

export type SetEmailByOfficeResult =
  | { ok: true; changed: boolean; memberId: string; oldEmail: string; newEmail: string }
  | { ok: false; error: 'invalidEmail' | 'unknownMember' }
  | { ok: false; error: 'emailTaken'; takenBy?: string };

/** No confirmation link: the office sets the address deliberately (typically when the old one is dead). */
export async function setMemberEmailByOffice(
  db: Executor,
  input: { cspaNumber: string; newEmail: string; actorLabel: string },
  now = new Date(),
): Promise<SetEmailByOfficeResult> {
  const parsed = officeEmailSchema.safeParse(input.newEmail);
  if (!parsed.success) return { ok: false, error: 'invalidEmail' };
  const newEmail = parsed.data;
  try {
    return await db.transaction(async (tx): Promise<SetEmailByOfficeResult> => {
      const [member] = await tx
        .select({ id: members.id, email: members.email })
        .from(members)
        .where(eq(members.cspaNumber, input.cspaNumber.trim()))
        .for('update');
      if (!member) return { ok: false, error: 'unknownMember' };
      if (member.email === newEmail) return { ok: true, changed: false, memberId: member.id, oldEmail: member.email, newEmail };
      const takenBy = await emailOwner(tx, newEmail, member.id);
      if (takenBy) return { ok: false, error: 'emailTaken', takenBy };
      await tx
        .update(members)
        .set({ email: newEmail, rowVersion: sql`${members.rowVersion} + 1`, updatedAt: now })
        .where(eq(members.id, member.id));
      // Links sent to the old address no longer apply, and a pending change must not undo the office's.
      await voidTokens(tx, { memberId: member.id, purpose: 'password_reset' }, now);
      await voidTokens(tx, { memberId: member.id, purpose: 'email_change' }, now);
      await recordAudit(tx, {
        actorLabel: input.actorLabel,
        subjectMemberId: member.id,
        action: 'member.email.change',
        changes: { email: { old: member.email, new: newEmail } },
      });
      return { ok: true, changed: true, memberId: member.id, oldEmail: member.email, newEmail };
    });
  } catch (error) {
    // Taken by a change that committed between the check and the update.
    if (isUniqueViolation(error)) return { ok: false, error: 'emailTaken' };
    throw error;
  }
}

export type SendResetLinkByOfficeResult =
  | { ok: true; memberId: string; email: string; locale: 'fr' | 'en'; expiresInMinutes: number }
  | { ok: false; error: 'unknownMember' };

/** Like the forgotten-password form, without its per-address limit: the office asks on purpose. */
export async function sendResetLinkByOffice(
  db: Executor,
  input: { cspaNumber: string; actorLabel?: string },
  now = new Date(),
): Promise<SendResetLinkByOfficeResult> {
  const account = await findAccount(db, { kind: 'cspaNumber', cspaNumber: input.cspaNumber.trim() });
  if (!account) return { ok: false, error: 'unknownMember' };
  await db.transaction(async (tx) => {
    await emailResetLink(tx, account, now);
    await recordAudit(tx, {
      actorLabel: input.actorLabel ?? 'cli:reset-link',
      subjectMemberId: account.id,
      action: 'member.password.reset-link',
      changes: { resetLink: { old: null, new: account.email } },
    });
  });
  return { ok: true, memberId: account.id, email: account.email, locale: account.preferredLanguage, expiresInMinutes: RESET_LINK_MINUTES };
}
