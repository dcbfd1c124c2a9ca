import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authSessions, members, type Member } from '@/db/schema';
import type { CurrentMember } from '@/lib/auth/current-member';
import { requestEmailChangeAction } from '@/lib/members/actions/email-actions';
import { updateAddressAction, updatePhonesAction, updatePreferencesAction } from '@/lib/members/actions/profile-actions';
import { createMember, sessionMemberFor } from '../support/members';

/**
 * The database-level half of the IDOR and mass-assignment attack (the HTTP half is idor-mass-assignment.spec.ts):
 * member A submits every profile action with member B's real id, number, email and row version, and with
 * columns no form has (role, expiry, category, session version, password hash). Only A's editable fields change;
 * B's row is byte for byte the same.
 */

const session = vi.hoisted(() => ({ member: null as CurrentMember | null }));

vi.mock('@/lib/auth/current-member', () => ({
  requireMember: vi.fn(async () => {
    if (!session.member) throw new Error('NEXT_REDIRECT');
    return session.member;
  }),
  getCurrentMember: vi.fn(async () => session.member),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-real-ip': '203.0.113.99' }) }));
vi.mock('next/server', () => ({ after: vi.fn() }));

const PASSWORD = 'dix pommes bleues sur la table du chalet';

beforeEach(() => {
  session.member = null;
});

function signInAs(member: Member) {
  session.member = sessionMemberFor(member);
}

async function row(id: string): Promise<Member> {
  const db = await getDb();
  const [found] = await db.select().from(members).where(eq(members.id, id));
  return found!;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

function forgedFields(b: Member): Record<string, string> {
  return {
    id: b.id,
    memberId: b.id,
    member_id: b.id,
    cspaNumber: b.cspaNumber,
    email: b.email,
    role: 'staff',
    membershipExpiresOn: '2099-12-31',
    categoryCode: 'HONORARY',
    sessionVersion: String(b.sessionVersion + 7),
    passwordHash: 'forged',
    firstName: 'Mallory',
    lastName: 'Mallory',
  };
}

describe('member A with member B’s ids and privileged fields', () => {
  it('changes only A’s address, phones and preferences, and nothing of B’s', async () => {
    const a = await createMember({ password: PASSWORD, membershipExpiresOn: '2027-01-31' });
    const b = await createMember({ password: PASSWORD });
    const bBefore = await row(b.id);
    signInAs(a);

    // B's row version first: it must not let A write anything of B's, nor count as A's version.
    const address = { addressLine1: '1 rue Forgée', addressLine2: '', city: 'Laval', province: 'QC', postalCode: 'H7N 5H9', country: 'CA' };
    const withBVersion = await updateAddressAction({ status: 'idle' }, form({ ...forgedFields(b), ...address, rowVersion: String(bBefore.rowVersion) }));
    expect(withBVersion.status === 'success' || withBVersion.formError?.code === 'conflict').toBe(true);

    const saved = await updateAddressAction({ status: 'idle' }, form({ ...forgedFields(b), ...address, rowVersion: String((await row(a.id)).rowVersion) }));
    expect(saved.status).toBe('success');
    const phones = await updatePhonesAction({ status: 'idle' }, form({ ...forgedFields(b), rowVersion: String((await row(a.id)).rowVersion), phone: '450 555 0101', phoneAlt: '' }));
    expect(phones.status).toBe('success');
    const prefs = await updatePreferencesAction({ status: 'idle' }, form({ ...forgedFields(b), rowVersion: String((await row(a.id)).rowVersion), preferredLanguage: 'en', newsEmails: 'on' }));
    expect(prefs.status).toBe('success');
    const emailChange = await requestEmailChangeAction({ status: 'idle' }, form({ ...forgedFields(b), newEmail: 'a.new@example.com', currentPassword: PASSWORD }));
    expect(emailChange.status).toBe('success');

    const aAfter = await row(a.id);
    // What A may change, changed…
    expect(aAfter).toMatchObject({ addressLine1: '1 rue Forgée', city: 'Laval', phone: '+14505550101', preferredLanguage: 'en', newsEmails: true });
    // …and nothing else did: not the role, expiry, category, name, number, email (it waits for its link), sessions or password.
    expect(aAfter).toMatchObject({
      role: a.role,
      membershipExpiresOn: '2027-01-31',
      categoryCode: a.categoryCode,
      firstName: a.firstName,
      lastName: a.lastName,
      cspaNumber: a.cspaNumber,
      email: a.email,
      sessionVersion: a.sessionVersion,
      passwordHash: a.passwordHash,
    });
    expect(await row(b.id)).toEqual(bBefore);
    const db = await getDb();
    expect(await db.select().from(authSessions).where(eq(authSessions.memberId, b.id))).toEqual([]);
  });

  it('without a session, the forged ids change nothing at all', async () => {
    const b = await createMember({ password: PASSWORD });
    const before = await row(b.id);
    await expect(updateAddressAction({ status: 'idle' }, form({ ...forgedFields(b), rowVersion: String(before.rowVersion), addressLine1: 'x', city: 'y', province: 'QC', postalCode: 'H7N 5H9', country: 'CA' }))).rejects.toThrow('NEXT_REDIRECT');
    await expect(requestEmailChangeAction({ status: 'idle' }, form({ ...forgedFields(b), newEmail: 'b.new@example.com', currentPassword: PASSWORD }))).rejects.toThrow('NEXT_REDIRECT');
    expect(await row(b.id)).toEqual(before);
  });
});
