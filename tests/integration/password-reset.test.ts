import { describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, emailOutbox } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { changePassword } from '@/lib/auth/change-password';
import { isResetLinkValid, requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { findSessionMember } from '@/lib/auth/sessions';
import { requestUsernameReminder } from '@/lib/auth/username-reminder';
import { createMember } from '../support/members';

const NEW_PASSWORD = 'un grand ciel bleu au-dessus de la beauce';

async function emailsTo(address: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(desc(emailOutbox.createdAt));
}

function tokenFrom(text: string): string {
  const match = text.match(/reset-password\?token=([\w-]{43})/);
  if (!match) throw new Error(`no reset link in: ${text}`);
  return match[1]!;
}

describe('asking for a reset link', () => {
  it('emails a one-time link built from SITE_URL, in the member’s language', async () => {
    const member = await createMember({ preferredLanguage: 'en' });
    await requestPasswordReset(await getDb(), { identifier: ` ${member.email.toUpperCase()} `, ip: '198.51.100.1' });
    const [email] = await emailsTo(member.email);
    expect(email).toMatchObject({ locale: 'en', template: 'password-reset', status: 'pending', memberId: member.id });
    expect(email!.text).toContain('http://localhost:3000/en/reset-password?token=');
    expect(email!.html).toContain('http://localhost:3000/en/reset-password?token=');
  });

  it('accepts the CSPA number, and sends nothing for an unknown address', async () => {
    const member = await createMember();
    const db = await getDb();
    await requestPasswordReset(db, { identifier: member.cspaNumber, ip: '198.51.100.2' });
    expect(await emailsTo(member.email)).toHaveLength(1);
    const before = (await db.select().from(emailOutbox)).length;
    await requestPasswordReset(db, { identifier: 'unknown-person@example.com', ip: '198.51.100.2' });
    expect((await db.select().from(emailOutbox)).length).toBe(before);
  });

  it('sends at most three emails an hour to one address', async () => {
    const member = await createMember();
    const db = await getDb();
    const now = new Date('2026-11-23T12:00:00Z');
    for (let i = 0; i < 5; i += 1) await requestPasswordReset(db, { identifier: member.email, ip: `198.51.100.${10 + i}` }, now);
    expect(await emailsTo(member.email)).toHaveLength(3);
  });

  it('voids the older link when a new one is requested', async () => {
    const member = await createMember();
    const db = await getDb();
    await requestPasswordReset(db, { identifier: member.email, ip: '198.51.100.3' });
    const first = tokenFrom((await emailsTo(member.email))[0]!.text);
    await requestPasswordReset(db, { identifier: member.email, ip: '198.51.100.3' });
    const second = tokenFrom((await emailsTo(member.email))[0]!.text);
    expect(second).not.toBe(first);
    expect(await isResetLinkValid(db, first)).toBe(false);
    expect(await isResetLinkValid(db, second)).toBe(true);
  });
});

describe('choosing the new password', () => {
  async function memberWithLink() {
    const member = await createMember({ firstName: 'Léa', lastName: 'Tremblay' });
    const db = await getDb();
    await requestPasswordReset(db, { identifier: member.email, ip: '198.51.100.4' });
    return { db, member, token: tokenFrom((await emailsTo(member.email))[0]!.text) };
  }

  it('opening the link changes nothing', async () => {
    const { db, token } = await memberWithLink();
    expect(await isResetLinkValid(db, token)).toBe(true);
    expect(await isResetLinkValid(db, token)).toBe(true);
  });

  it('explains a refused password and keeps the link usable', async () => {
    const { db, token } = await memberWithLink();
    expect(await resetPassword(db, { token, password: 'trop court', confirmation: 'trop court' })).toMatchObject({
      ok: false,
      error: 'password',
      problem: { code: 'tooShort', min: 15 },
    });
    expect(await resetPassword(db, { token, password: 'tremblay et ses amis du dimanche', confirmation: 'tremblay et ses amis du dimanche' })).toMatchObject({
      ok: false,
      problem: { code: 'containsPersonalInfo' },
    });
    expect(await resetPassword(db, { token, password: NEW_PASSWORD, confirmation: `${NEW_PASSWORD}!` })).toEqual({ ok: false, error: 'mismatch' });
    expect(await isResetLinkValid(db, token)).toBe(true);
  });

  it('sets the password, ends every session, notifies by email, audits, and works only once', async () => {
    const { db, member, token } = await memberWithLink();
    expect(await resetPassword(db, { token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).toEqual({ ok: true });
    const signIn = await authenticate(db, { identifier: member.email, password: NEW_PASSWORD, ip: '198.51.100.5' });
    expect(signIn.ok).toBe(true);

    const [notice] = await emailsTo(member.email);
    expect(notice!.template).toBe('password-changed');
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectMemberId, member.id), eq(auditLog.action, 'member.password.reset')));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.changes)).not.toMatch(/argon2/);

    expect(await resetPassword(db, { token, password: 'encore un autre mot de passe long', confirmation: 'encore un autre mot de passe long' })).toEqual({
      ok: false,
      error: 'invalidLink',
    });
  });

  it('signs out sessions opened before the reset', async () => {
    const member = await createMember({ password: 'ancien mot de passe assez long' });
    const db = await getDb();
    const before = await authenticate(db, { identifier: member.email, password: 'ancien mot de passe assez long', ip: '198.51.100.6' });
    if (!before.ok) throw new Error('sign-in failed');
    await requestPasswordReset(db, { identifier: member.email, ip: '198.51.100.6' });
    const token = tokenFrom((await emailsTo(member.email))[0]!.text);
    await resetPassword(db, { token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(await findSessionMember(db, { sessionId: before.sessionId, memberId: member.id, sessionVersion: before.sessionVersion })).toBeNull();
  });

  it('refuses a tampered or made-up token', async () => {
    const { db, token } = await memberWithLink();
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(await resetPassword(db, { token: tampered, password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).toEqual({ ok: false, error: 'invalidLink' });
    expect(await resetPassword(db, { token: 'x', password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).toEqual({ ok: false, error: 'invalidLink' });
  });

  it('refuses a link expired by one second', async () => {
    const { db, token } = await memberWithLink();
    const later = new Date(Date.now() + 60 * 60 * 1000 + 1000);
    expect(await resetPassword(db, { token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, later)).toEqual({ ok: false, error: 'invalidLink' });
  });
});

describe('forgotten username', () => {
  it('sends the username when the number and last name match, accents and case aside', async () => {
    const member = await createMember({ lastName: 'Côté-Bélanger' });
    await requestUsernameReminder(await getDb(), { cspaNumber: member.cspaNumber, lastName: 'cote belanger', ip: '198.51.100.7' });
    const [email] = await emailsTo(member.email);
    expect(email!.template).toBe('username-reminder');
    expect(email!.text).toContain(member.email);
  });

  it('sends nothing when the name does not match', async () => {
    const member = await createMember({ lastName: 'Gagnon' });
    await requestUsernameReminder(await getDb(), { cspaNumber: member.cspaNumber, lastName: 'Roy', ip: '198.51.100.8' });
    expect(await emailsTo(member.email)).toHaveLength(0);
  });
});

describe('changing the password while signed in', () => {
  it('requires the current password', async () => {
    const member = await createMember({ password: 'mon ancien mot de passe de longue date' });
    const result = await changePassword(await getDb(), {
      memberId: member.id,
      currentPassword: 'pas le bon du tout, vraiment pas',
      newPassword: NEW_PASSWORD,
      confirmation: NEW_PASSWORD,
      ip: '198.51.100.9',
    });
    expect(result).toEqual({ ok: false, error: 'currentWrong' });
  });

  it('changes it and ends the existing sessions', async () => {
    const member = await createMember({ password: 'mon ancien mot de passe de longue date' });
    const db = await getDb();
    const session = await authenticate(db, { identifier: member.email, password: 'mon ancien mot de passe de longue date', ip: '198.51.100.9' });
    if (!session.ok) throw new Error('sign-in failed');
    const result = await changePassword(db, {
      memberId: member.id,
      currentPassword: 'mon ancien mot de passe de longue date',
      newPassword: NEW_PASSWORD,
      confirmation: NEW_PASSWORD,
      ip: '198.51.100.9',
    });
    expect(result).toEqual({ ok: true, email: member.email });
    expect(await findSessionMember(db, { sessionId: session.sessionId, memberId: member.id, sessionVersion: session.sessionVersion })).toBeNull();
    expect((await authenticate(db, { identifier: member.email, password: NEW_PASSWORD, ip: '198.51.100.9' })).ok).toBe(true);
  });
});
