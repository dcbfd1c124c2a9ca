import { describe, expect, it, vi } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, emailOutbox, members } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { verifyPassword } from '@/lib/auth/password-hash';
import { isResetLinkValid, requestPasswordReset } from '@/lib/auth/password-reset';
import { findSessionMember } from '@/lib/auth/sessions';
import {
  confirmEmailChange,
  inspectEmailChange,
  requestEmailChange,
  sendResetLinkByOffice,
  setMemberEmailByOffice,
} from '@/lib/members/email-change';
import { createMember } from '../support/members';

// Counts the password checks, to show that a throttled request never reaches the hash.
vi.mock('@/lib/auth/password-hash', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/auth/password-hash')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const PASSWORD = 'trois pommes vertes sur la table du chalet';
const HOUR = 60 * 60 * 1000;

async function emailsTo(address: string) {
  const db = await getDb();
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(desc(emailOutbox.createdAt));
}

function tokenFrom(text: string, page = 'confirm-email'): string {
  const match = text.match(new RegExp(`${page}\\?token=([\\w-]{43})`));
  if (!match) throw new Error(`no ${page} link in: ${text}`);
  return match[1]!;
}

async function memberRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row!;
}

async function emailChangeAudits(memberId: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(and(eq(auditLog.subjectMemberId, memberId), eq(auditLog.action, 'member.email.change')));
}

let addressCount = 0;
const freshAddress = () => `nouvelle.adresse.${Date.now()}.${(addressCount += 1)}@example.org`;

async function requestFor(member: { id: string }, newEmail: string, options: { password?: string; ip?: string; now?: Date } = {}) {
  return requestEmailChange(
    await getDb(),
    { memberId: member.id, newEmail, currentPassword: options.password ?? PASSWORD, ip: options.ip ?? '203.0.113.10' },
    options.now,
  );
}

/** A member with a pending change to a fresh address, and the token from the confirmation email. */
async function pendingChange(overrides: Parameters<typeof createMember>[0] = {}) {
  const member = await createMember({ password: PASSWORD, ...overrides });
  const newEmail = freshAddress();
  expect(await requestFor(member, newEmail)).toEqual({ ok: true, newEmail });
  return { db: await getDb(), member, newEmail, token: tokenFrom((await emailsTo(newEmail))[0]!.text) };
}

describe('asking to change the address', () => {
  it('refuses a wrong current password, and throttles guesses before any hashing', async () => {
    const member = await createMember({ password: PASSWORD });
    const now = new Date();
    const ip = '203.0.113.20';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await requestFor(member, freshAddress(), { password: 'pas le bon mot de passe du tout', ip, now })).toEqual({
        ok: false,
        error: 'currentWrong',
      });
    }
    const checks = vi.mocked(verifyPassword).mock.calls.length;
    const throttled = await requestFor(member, freshAddress(), { ip, now });
    expect(throttled).toMatchObject({ ok: false, error: 'throttled', retryAt: expect.any(Date) });
    expect(vi.mocked(verifyPassword).mock.calls.length).toBe(checks);
    expect((await memberRow(member.id)).email).toBe(member.email);
    expect(await emailsTo(member.email)).toHaveLength(0);
  });

  it('refuses an address another member uses, whatever its case, and the member’s own address', async () => {
    const other = await createMember();
    const member = await createMember({ password: PASSWORD });
    expect(await requestFor(member, other.email.toUpperCase())).toEqual({ ok: false, error: 'emailTaken' });
    expect(await requestFor(member, ` ${member.email.toUpperCase()} `)).toEqual({ ok: false, error: 'sameEmail' });
    expect(await emailsTo(member.email)).toHaveLength(0);
    expect(await emailsTo(other.email.toUpperCase())).toHaveLength(0);
  });

  it('emails a link to the new address and a notice to the old one, and changes nothing yet', async () => {
    const member = await createMember({ password: PASSWORD, preferredLanguage: 'en' });
    const newEmail = freshAddress();
    expect(await requestFor(member, newEmail)).toEqual({ ok: true, newEmail });

    const [confirm] = await emailsTo(newEmail);
    expect(confirm).toMatchObject({ template: 'email-change-confirm', locale: 'en', memberId: member.id, status: 'pending' });
    expect(confirm!.text).toContain('http://localhost:3000/en/confirm-email?token=');
    const [notice] = await emailsTo(member.email);
    expect(notice).toMatchObject({ template: 'email-change-notice', locale: 'en', memberId: member.id });
    expect(notice!.text).toContain(newEmail);
    expect(notice!.text).not.toMatch(/token=/);

    const after = await memberRow(member.id);
    expect(after.email).toBe(member.email);
    expect(after.rowVersion).toBe(member.rowVersion);
  });

  it('voids the older link when a new change is asked for', async () => {
    const { db, member, token: first } = await pendingChange();
    const second = freshAddress();
    await requestFor(member, second);
    const latest = tokenFrom((await emailsTo(second))[0]!.text);
    expect(await inspectEmailChange(db, first)).toEqual({ status: 'invalid' });
    expect(await confirmEmailChange(db, first)).toEqual({ ok: false, error: 'invalidLink' });
    expect(await inspectEmailChange(db, latest)).toEqual({ status: 'valid', newEmail: second });
  });
});

describe('confirming with the link', () => {
  it('opening the link changes nothing', async () => {
    const { db, member, newEmail, token } = await pendingChange();
    expect(await inspectEmailChange(db, token)).toEqual({ status: 'valid', newEmail });
    expect(await inspectEmailChange(db, token)).toEqual({ status: 'valid', newEmail });
    expect((await memberRow(member.id)).email).toBe(member.email);
  });

  it('changes the address, bumps the row version, audits, and works only once', async () => {
    const { db, member, newEmail, token } = await pendingChange();
    expect(await confirmEmailChange(db, token)).toEqual({ ok: true, newEmail, memberId: member.id });

    const after = await memberRow(member.id);
    expect(after.email).toBe(newEmail);
    expect(after.rowVersion).toBe(member.rowVersion + 1);
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(member.updatedAt.getTime());
    const audits = await emailChangeAudits(member.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorMemberId: member.id, changes: { email: { old: member.email, new: newEmail } } });

    expect(await confirmEmailChange(db, token)).toEqual({ ok: false, error: 'invalidLink' });
    expect(await inspectEmailChange(db, token)).toEqual({ status: 'invalid' });
    expect(await emailChangeAudits(member.id)).toHaveLength(1);
  });

  it('expires after 24 hours', async () => {
    const { db, member, token } = await pendingChange();
    const justBefore = new Date(Date.now() + 24 * HOUR - 60_000);
    const justAfter = new Date(Date.now() + 24 * HOUR + 1000);
    expect((await inspectEmailChange(db, token, justBefore)).status).toBe('valid');
    expect(await inspectEmailChange(db, token, justAfter)).toEqual({ status: 'invalid' });
    expect(await confirmEmailChange(db, token, justAfter)).toEqual({ ok: false, error: 'invalidLink' });
    expect((await memberRow(member.id)).email).toBe(member.email);
  });

  it('refuses when another member took the address in the meantime, and changes nothing', async () => {
    const { db, member, newEmail, token } = await pendingChange();
    await createMember({ email: newEmail.toUpperCase() });
    expect(await confirmEmailChange(db, token)).toEqual({ ok: false, error: 'emailTaken' });
    const after = await memberRow(member.id);
    expect(after.email).toBe(member.email);
    expect(after.rowVersion).toBe(member.rowVersion);
    expect(await emailChangeAudits(member.id)).toHaveLength(0);
    // Rolled back with the rest: the link was not used up.
    expect((await inspectEmailChange(db, token)).status).toBe('valid');
  });

  it('of two members confirming the same address at once, one gets it', async () => {
    const newEmail = freshAddress();
    const first = await createMember({ password: PASSWORD });
    const second = await createMember({ password: PASSWORD });
    await requestFor(first, newEmail);
    await requestFor(second, newEmail);
    const [latest, earlier] = await emailsTo(newEmail);
    const db = await getDb();
    const results = await Promise.all([confirmEmailChange(db, tokenFrom(earlier!.text)), confirmEmailChange(db, tokenFrom(latest!.text))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'emailTaken' }]);
    const owners = await db.select({ id: members.id }).from(members).where(eq(members.email, newEmail));
    expect(owners).toHaveLength(1);
  });

  // PGlite runs one transaction at a time, so only a server can hold the address in an uncommitted change.
  it.runIf(process.env.DATABASE_URL)('relies on the unique index when the address is taken after the check', async () => {
    const { db, member, newEmail, token } = await pendingChange();
    const other = await createMember();
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => (commit = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const taking = db.transaction(async (tx) => {
      await tx.update(members).set({ email: newEmail }).where(eq(members.id, other.id));
      holding();
      await committing;
    });
    await held;
    const confirming = confirmEmailChange(db, token);
    // The confirmation sees no owner yet (the other change is uncommitted), then waits on the index entry.
    await expect
      .poll(async () => {
        // postgres.js answers raw SQL with an array of rows.
        const rows = (await db.execute(
          sql`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )) as unknown as { waiting: number }[];
        return rows[0]?.waiting;
      }, { timeout: 10_000 })
      .toBe(1);
    commit();
    await taking;
    expect(await confirming).toEqual({ ok: false, error: 'emailTaken' });
    expect(await memberRow(member.id)).toMatchObject({ email: member.email, rowVersion: member.rowVersion });
    expect((await inspectEmailChange(db, token)).status).toBe('valid');
  });

  it('signs in with the new address afterwards, keeps open sessions, and voids reset links sent to the old one', async () => {
    const member = await createMember({ password: PASSWORD });
    const db = await getDb();
    const session = await authenticate(db, { identifier: member.email, password: PASSWORD, ip: '203.0.113.30' });
    if (!session.ok) throw new Error('sign-in failed');
    await requestPasswordReset(db, { identifier: member.email, ip: '203.0.113.30' });
    const resetToken = tokenFrom((await emailsTo(member.email)).find((email) => email.template === 'password-reset')!.text, 'reset-password');

    const newEmail = freshAddress();
    await requestFor(member, newEmail);
    expect((await confirmEmailChange(db, tokenFrom((await emailsTo(newEmail))[0]!.text))).ok).toBe(true);

    expect((await authenticate(db, { identifier: newEmail.toUpperCase(), password: PASSWORD, ip: '203.0.113.31' })).ok).toBe(true);
    expect(await authenticate(db, { identifier: member.email, password: PASSWORD, ip: '203.0.113.31' })).toEqual({ ok: false, reason: 'invalid' });
    const claims = { sessionId: session.sessionId, memberId: member.id, sessionVersion: session.sessionVersion };
    expect(await findSessionMember(db, claims)).toMatchObject({ id: member.id, email: newEmail });
    expect(await isResetLinkValid(db, resetToken)).toBe(false);
  });
});

describe('the office', () => {
  it('sets an address, audited under its label; refuses bad, taken and unknown', async () => {
    const db = await getDb();
    const { member, token } = await pendingChange();
    const other = await createMember();
    const set = (cspaNumber: string, newEmail: string) => setMemberEmailByOffice(db, { cspaNumber, newEmail, actorLabel: 'cli:set-email' });

    expect(await set(member.cspaNumber, 'pas une adresse')).toEqual({ ok: false, error: 'invalidEmail' });
    expect(await set('99999999999', freshAddress())).toEqual({ ok: false, error: 'unknownMember' });
    expect(await set(member.cspaNumber, other.email.toUpperCase())).toEqual({ ok: false, error: 'emailTaken', takenBy: other.cspaNumber });
    expect((await memberRow(member.id)).rowVersion).toBe(member.rowVersion);

    const newEmail = freshAddress();
    expect(await set(member.cspaNumber, ` ${newEmail} `)).toEqual({ ok: true, changed: true, memberId: member.id, oldEmail: member.email, newEmail });
    expect(await memberRow(member.id)).toMatchObject({ email: newEmail, rowVersion: member.rowVersion + 1 });
    const audits = await emailChangeAudits(member.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorLabel: 'cli:set-email', actorMemberId: null, changes: { email: { old: member.email, new: newEmail } } });
    // The member's pending change must not undo the office's.
    expect(await confirmEmailChange(db, token)).toEqual({ ok: false, error: 'invalidLink' });

    expect(await set(member.cspaNumber, newEmail)).toMatchObject({ ok: true, changed: false });
    expect(await emailChangeAudits(member.id)).toHaveLength(1);
  });

  it('sends reset links on request, without the form’s hourly limit', async () => {
    const db = await getDb();
    const member = await createMember({ preferredLanguage: 'en' });
    expect(await sendResetLinkByOffice(db, { cspaNumber: '99999999999' })).toEqual({ ok: false, error: 'unknownMember' });
    for (let i = 0; i < 4; i += 1) {
      expect(await sendResetLinkByOffice(db, { cspaNumber: member.cspaNumber })).toEqual({
        ok: true,
        memberId: member.id,
        email: member.email,
        locale: 'en',
        expiresInMinutes: 60,
      });
    }
    const sent = await emailsTo(member.email);
    expect(sent).toHaveLength(4);
    expect(sent[0]).toMatchObject({ template: 'password-reset', locale: 'en' });
    expect(await isResetLinkValid(db, tokenFrom(sent[0]!.text, 'reset-password'))).toBe(true);
  });
});
