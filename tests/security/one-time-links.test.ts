import { describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emailOutbox, members } from '@/db/schema';
import { isResetLinkValid, requestPasswordReset, resetPassword, RESET_LINK_MINUTES } from '@/lib/auth/password-reset';
import { confirmEmailChange, EMAIL_CHANGE_LINK_HOURS, inspectEmailChange, requestEmailChange } from '@/lib/members/email-change';
import { createMember } from '../support/members';

/**
 * The clock half of the one-time-link attacks (the HTTP half is one-time-links.spec.ts): a link is refused one
 * second after its expiry, by the page and by the action, and a newer link voids the older one.
 */

const PASSWORD = 'onze pommes grises sur la table du chalet';
const NEW_PASSWORD = 'douze poires mauves sous la table du salon';
const issued = new Date('2026-11-23T15:00:00Z');
const at = (seconds: number) => new Date(issued.getTime() + seconds * 1000);

async function linkTo(address: string, page: string): Promise<string> {
  const db = await getDb();
  const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(desc(emailOutbox.createdAt)).limit(1);
  const match = new RegExp(`${page}\\?token=([\\w-]{43})`).exec(email?.text ?? '');
  expect(match, `a ${page} link to ${address}`).not.toBeNull();
  return match![1]!;
}

describe('a password-reset link', () => {
  it('works until its last second and is refused one second later', async () => {
    const member = await createMember({ password: PASSWORD });
    const db = await getDb();
    await requestPasswordReset(db, { identifier: member.email, ip: '198.51.100.201' }, issued);
    const token = await linkTo(member.email, 'reset-password');
    const expiry = RESET_LINK_MINUTES * 60;
    expect(await isResetLinkValid(db, token, at(expiry - 1))).toBe(true);
    expect(await isResetLinkValid(db, token, at(expiry + 1))).toBe(false);
    expect(await resetPassword(db, { token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, at(expiry + 1))).toEqual({ ok: false, error: 'invalidLink' });
    const [row] = await db.select({ passwordHash: members.passwordHash }).from(members).where(eq(members.id, member.id));
    expect(row!.passwordHash).toBe(member.passwordHash);
  });

  it('is void once a newer one is sent', async () => {
    const member = await createMember({ password: PASSWORD });
    const db = await getDb();
    await requestPasswordReset(db, { identifier: member.email, ip: '198.51.100.202' }, issued);
    const first = await linkTo(member.email, 'reset-password');
    await requestPasswordReset(db, { identifier: member.cspaNumber, ip: '198.51.100.202' }, at(1));
    const second = await linkTo(member.email, 'reset-password');
    expect(second).not.toBe(first);
    expect(await resetPassword(db, { token: first, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, at(2))).toEqual({ ok: false, error: 'invalidLink' });
    expect(await resetPassword(db, { token: second, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, at(2))).toEqual({ ok: true });
    expect(await resetPassword(db, { token: second, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, at(3))).toEqual({ ok: false, error: 'invalidLink' });
  });
});

describe('an email-change link', () => {
  it('works until its last second and is refused one second later', async () => {
    const member = await createMember({ password: PASSWORD });
    const db = await getDb();
    const newEmail = `changed.${member.cspaNumber}@example.com`;
    expect(await requestEmailChange(db, { memberId: member.id, newEmail, currentPassword: PASSWORD, ip: '198.51.100.203' }, issued)).toEqual({ ok: true, newEmail });
    const token = await linkTo(newEmail, 'confirm-email');
    const expiry = EMAIL_CHANGE_LINK_HOURS * 3600;
    expect(await inspectEmailChange(db, token, at(expiry - 1))).toMatchObject({ status: 'valid' });
    expect(await inspectEmailChange(db, token, at(expiry + 1))).toMatchObject({ status: 'invalid' });
    expect(await confirmEmailChange(db, token, at(expiry + 1))).toMatchObject({ ok: false });
    const [row] = await db.select({ email: members.email }).from(members).where(eq(members.id, member.id));
    expect(row!.email).toBe(member.email);
  });
});
