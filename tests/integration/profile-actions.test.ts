import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, members, type Member } from '@/db/schema';
import type { CurrentMember } from '@/lib/auth/current-member';
import { updateAddressAction, updatePhonesAction, updatePreferencesAction } from '@/lib/members/actions/profile-actions';
import { updatePreferences } from '@/lib/members/profile-updates';
import { createMember, sessionMemberFor } from '../support/members';

const session = vi.hoisted(() => ({ member: null as CurrentMember | null }));

// Like Next's redirect(): requireMember throws for a signed-out visitor, so the action stops there.
vi.mock('@/lib/auth/current-member', () => ({
  requireMember: vi.fn(async () => {
    if (!session.member) throw new Error('NEXT_REDIRECT');
    return session.member;
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { revalidatePath } = await import('next/cache');

beforeEach(() => {
  session.member = null;
  vi.mocked(revalidatePath).mockClear();
});

function signInAs(member: Member) {
  session.member = sessionMemberFor(member);
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

async function memberRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row!;
}

async function auditCount(memberId: string) {
  const db = await getDb();
  return (await db.select().from(auditLog).where(eq(auditLog.subjectMemberId, memberId))).length;
}

const typedAddress = {
  rowVersion: '1',
  addressLine1: ' 1234 rue Saint-Denis ',
  addressLine2: '',
  city: 'Montréal',
  province: 'QC',
  postalCode: 'h2x1y4',
  country: 'CA',
};

describe('updateAddressAction', () => {
  it('saves the signed-in member’s address, normalized, and refreshes the account page', async () => {
    const member = await createMember();
    signInAs(member);

    const state = await updateAddressAction({ status: 'idle' }, form(typedAddress));

    expect(state).toEqual({ status: 'success', result: { rowVersion: 2 } });
    expect(await memberRow(member.id)).toMatchObject({ addressLine1: '1234 rue Saint-Denis', postalCode: 'H2X 1Y4', rowVersion: 2 });
    expect(revalidatePath).toHaveBeenCalledWith('/[locale]/account', 'page');
    expect(await auditCount(member.id)).toBe(1);
  });

  it.each([
    ['addressLine1', { addressLine1: '   ' }, 'required'],
    ['city', { city: 'x'.repeat(101) }, 'tooLong'],
    ['addressLine1', { addressLine1: '12 rue \u202eenirT' }, 'hiddenCharacters'],
    ['postalCode', { postalCode: 'H2X 1Y' }, 'postalCodeFormat'],
    ['province', { province: 'OUTSIDE' }, 'provinceRequired'],
    ['province', { country: 'US', postalCode: '10118' }, 'provinceOutsideCanada'],
    ['country', { country: 'Canada' }, 'countryUnknown'],
  ])('answers %s with %s → %s, keeping what was typed', async (field, change, code) => {
    const member = await createMember();
    signInAs(member);
    const typed = { ...typedAddress, ...change };

    const state = await updateAddressAction({ status: 'idle' }, form(typed));

    expect(state.status).toBe('error');
    expect(state.fieldErrors?.[field as keyof typeof typed]?.code).toBe(code);
    expect(state.values).toEqual(typed);
    expect(await memberRow(member.id)).toEqual(member);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('gives the maximum with a too-long field', async () => {
    const member = await createMember();
    signInAs(member);
    const state = await updateAddressAction({ status: 'idle' }, form({ ...typedAddress, city: 'x'.repeat(101) }));
    expect(state.fieldErrors?.city).toEqual({ code: 'tooLong', params: { max: 100 } });
  });

  it('refuses to overwrite a change made meanwhile, and shows what is on file', async () => {
    const member = await createMember({ addressLine1: '9 Downing Street', city: 'London', province: null, postalCode: 'SW1A 2AA', country: 'GB' });
    signInAs(member);
    const db = await getDb();
    await updatePreferences(db, { memberId: member.id, actor: { memberId: member.id, label: 'member' } }, {
      rowVersion: 1,
      preferredLanguage: 'en',
      newsEmails: false,
      eventEmails: false,
    });
    const before = await memberRow(member.id);

    const state = await updateAddressAction({ status: 'idle' }, form(typedAddress));

    expect(state).toEqual({
      status: 'error',
      formError: { code: 'conflict' },
      values: typedAddress,
      result: {
        rowVersion: 2,
        conflict: { addressLine1: '9 Downing Street', addressLine2: null, city: 'London', province: 'OUTSIDE', postalCode: 'SW1A 2AA', country: 'GB' },
      },
    });
    expect(await memberRow(member.id)).toEqual(before);

    // Re-submitted deliberately with the version it was given, the change goes through.
    const again = await updateAddressAction(state, form({ ...typedAddress, rowVersion: String(state.result!.rowVersion) }));
    expect(again).toEqual({ status: 'success', result: { rowVersion: 3 } });
  });

  it('answers a form without a usable version like a conflict, with a version to retry with', async () => {
    const member = await createMember();
    signInAs(member);
    const { addressLine1, addressLine2, city, province, country } = typedAddress;
    const typed = { addressLine1, addressLine2, city, province, postalCode: 'nope', country };

    const state = await updateAddressAction({ status: 'idle' }, form(typed));

    expect(state).toMatchObject({
      status: 'error',
      formError: { code: 'conflict' },
      fieldErrors: { postalCode: { code: 'postalCodeFormat' } },
      values: typed,
      result: { rowVersion: 1, conflict: { addressLine1: null, city: null, province: null, country: 'CA' } },
    });
    expect(state.fieldErrors).not.toHaveProperty('rowVersion');
    expect(await memberRow(member.id)).toEqual(member);
  });

  it('writes nothing for a signed-out visitor', async () => {
    const member = await createMember();

    await expect(updateAddressAction({ status: 'idle' }, form({ ...typedAddress, memberId: member.id }))).rejects.toThrow('NEXT_REDIRECT');

    expect(await memberRow(member.id)).toEqual(member);
    expect(await auditCount(member.id)).toBe(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });
});

describe('updatePhonesAction', () => {
  it('reads national numbers in the country of the member’s address', async () => {
    const member = await createMember({ addressLine1: '1 rue de Rivoli', city: 'Paris', country: 'FR', postalCode: '75001' });
    signInAs(member);

    const state = await updatePhonesAction({ status: 'idle' }, form({ rowVersion: '1', phone: '01 23 45 67 89', phoneAlt: '+1 514 555 0123' }));

    expect(state).toEqual({ status: 'success', result: { rowVersion: 2 } });
    expect(await memberRow(member.id)).toMatchObject({ phone: '+33123456789', phoneAlt: '+15145550123' });
  });

  it('answers an invalid number with phoneFormat, keeping what was typed', async () => {
    const member = await createMember({ phone: '+15145550123' });
    signInAs(member);
    const typed = { rowVersion: '1', phone: '514 555-0123', phoneAlt: '555-01' };

    const state = await updatePhonesAction({ status: 'idle' }, form(typed));

    expect(state).toEqual({ status: 'error', fieldErrors: { phoneAlt: { code: 'phoneFormat', params: {} } }, values: typed });
    expect(await memberRow(member.id)).toEqual(member);
  });

  it('shows the numbers on file after a conflict', async () => {
    const member = await createMember({ phone: '+15145550123', rowVersion: 5 });
    signInAs(member);
    const typed = { rowVersion: '4', phone: '', phoneAlt: '' };

    const state = await updatePhonesAction({ status: 'idle' }, form(typed));

    expect(state).toEqual({
      status: 'error',
      formError: { code: 'conflict' },
      values: typed,
      result: { rowVersion: 5, conflict: { phone: '+15145550123', phoneAlt: null } },
    });
    expect(await memberRow(member.id)).toEqual(member);
  });
});

describe('updatePreferencesAction', () => {
  it('turns email consent on and off with checkboxes', async () => {
    const member = await createMember({ eventEmails: true });
    signInAs(member);

    const state = await updatePreferencesAction({ status: 'idle' }, form({ rowVersion: '1', preferredLanguage: 'en', newsEmails: 'on' }));

    expect(state).toEqual({ status: 'success', result: { rowVersion: 2 } });
    expect(await memberRow(member.id)).toMatchObject({ preferredLanguage: 'en', newsEmails: true, eventEmails: false });
  });

  it('keeps checked boxes as "on" and leaves unchecked ones out of the typed values', async () => {
    const member = await createMember();
    signInAs(member);

    const state = await updatePreferencesAction({ status: 'idle' }, form({ rowVersion: '1', preferredLanguage: 'de', newsEmails: 'on' }));

    expect(state).toEqual({
      status: 'error',
      fieldErrors: { preferredLanguage: { code: 'required', params: {} } },
      values: { rowVersion: '1', preferredLanguage: 'de', newsEmails: 'on' },
    });
    expect(await memberRow(member.id)).toEqual(member);
  });

  it('shows checkboxes on file as "on" or null after a conflict', async () => {
    const member = await createMember({ newsEmails: true, rowVersion: 2 });
    signInAs(member);

    const state = await updatePreferencesAction({ status: 'idle' }, form({ rowVersion: '1', preferredLanguage: 'fr', eventEmails: 'on' }));

    expect(state).toMatchObject({
      formError: { code: 'conflict' },
      values: { rowVersion: '1', preferredLanguage: 'fr', eventEmails: 'on' },
      result: { rowVersion: 2, conflict: { preferredLanguage: 'fr', newsEmails: 'on', eventEmails: null } },
    });
    expect(await memberRow(member.id)).toEqual(member);
  });
});

describe('forged requests', () => {
  it('change only the caller’s record, whatever ids the form carries', async () => {
    const caller = await createMember({ firstName: 'Camille' });
    const victim = await createMember({ firstName: 'Dominique', rowVersion: 1, phone: '+16135550199' });
    const victimBefore = await memberRow(victim.id);
    signInAs(caller);
    const victimIds = {
      memberId: victim.id,
      id: victim.id,
      cspaNumber: victim.cspaNumber,
      email: victim.email,
      role: 'staff',
      subjectMemberId: victim.id,
    };

    const states = [
      await updateAddressAction({ status: 'idle' }, form({ ...typedAddress, ...victimIds })),
      await updatePhonesAction({ status: 'idle' }, form({ rowVersion: '2', phone: '', phoneAlt: '', ...victimIds })),
      await updatePreferencesAction({ status: 'idle' }, form({ rowVersion: '2', preferredLanguage: 'en', newsEmails: 'on', ...victimIds })),
    ];

    expect(states.map((state) => state.status)).toEqual(['success', 'success', 'success']);
    expect(await memberRow(victim.id)).toEqual(victimBefore);
    expect(await auditCount(victim.id)).toBe(0);
    expect(await memberRow(caller.id)).toMatchObject({
      addressLine1: '1234 rue Saint-Denis',
      preferredLanguage: 'en',
      newsEmails: true,
      rowVersion: 3,
      cspaNumber: caller.cspaNumber,
      email: caller.email,
      role: 'member',
    });
    expect(await auditCount(caller.id)).toBe(2); // the phones were already empty: nothing to audit
  });

  it('ignore fields the forms do not have', async () => {
    const caller = await createMember();
    signInAs(caller);
    const extras = {
      role: 'staff',
      membershipExpiresOn: '2099-12-31',
      sessionVersion: '99',
      categoryCode: 'HONORARY',
      passwordHash: 'forged',
      firstName: 'Mallory',
    };

    await updateAddressAction({ status: 'idle' }, form({ ...typedAddress, ...extras }));
    await updatePhonesAction({ status: 'idle' }, form({ rowVersion: '2', phone: '514 555 0123', phoneAlt: '', ...extras }));
    await updatePreferencesAction({ status: 'idle' }, form({ rowVersion: '3', preferredLanguage: 'fr', ...extras }));

    const after = await memberRow(caller.id);
    expect(after).toMatchObject({ phone: '+15145550123', rowVersion: 3 });
    expect(after).toMatchObject({
      role: caller.role,
      membershipExpiresOn: caller.membershipExpiresOn,
      sessionVersion: caller.sessionVersion,
      categoryCode: caller.categoryCode,
      passwordHash: caller.passwordHash,
      firstName: caller.firstName,
    });
  });
});
