import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, groupAffiliations, memberCertificates, memberRatings, members } from '@/db/schema';
import { getProfile } from '@/lib/members/profile';
import { updateAddress, updatePhones, updatePreferences } from '@/lib/members/profile-updates';
import { addressSchema } from '@/lib/members/schemas';
import { createMember } from '../support/members';

const montreal = {
  addressLine1: '1234 rue Saint-Denis',
  addressLine2: null,
  city: 'Montréal',
  province: 'QC' as const,
  postalCode: 'H2X 1Y4',
  country: 'CA',
};

async function memberRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row!;
}

async function auditOf(memberId: string, action?: string) {
  const db = await getDb();
  const subject = eq(auditLog.subjectMemberId, memberId);
  return db.select().from(auditLog).where(action ? and(subject, eq(auditLog.action, action)) : subject);
}

const self = (memberId: string) => ({ memberId, actor: { memberId, label: 'member' } });

describe('updateAddress', () => {
  it('saves the new address, bumps the version and audits old and new values', async () => {
    const member = await createMember({ addressLine1: '1 rue Vieille', city: 'Québec', province: 'QC', postalCode: 'G1R 4P5' });
    const db = await getDb();

    expect(await updateAddress(db, self(member.id), { rowVersion: 1, ...montreal })).toEqual({ status: 'saved', rowVersion: 2 });

    const row = await memberRow(member.id);
    expect(row).toMatchObject({ ...montreal, rowVersion: 2 });
    expect(row.updatedAt.getTime()).toBeGreaterThan(member.updatedAt.getTime());
    const audit = await auditOf(member.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'member.address.update',
      actorMemberId: member.id,
      actorLabel: 'member',
      subjectMemberId: member.id,
      changes: {
        addressLine1: { old: '1 rue Vieille', new: '1234 rue Saint-Denis' },
        city: { old: 'Québec', new: 'Montréal' },
        postalCode: { old: 'G1R 4P5', new: 'H2X 1Y4' },
      },
    });
    // Unchanged fields (province, country) are not in the audit.
    expect(Object.keys(audit[0]!.changes).sort()).toEqual(['addressLine1', 'city', 'postalCode']);
  });

  it('writes nothing when nothing changed', async () => {
    const member = await createMember(montreal);
    const db = await getDb();

    expect(await updateAddress(db, self(member.id), { rowVersion: 1, ...montreal })).toEqual({ status: 'unchanged', rowVersion: 1 });

    expect(await memberRow(member.id)).toEqual(member);
    expect(await auditOf(member.id)).toHaveLength(0);
  });

  it('refuses a stale version, writes nothing and returns what is on file', async () => {
    const member = await createMember({ ...montreal, rowVersion: 4 });
    const db = await getDb();

    const result = await updateAddress(db, self(member.id), { rowVersion: 3, ...montreal, city: 'Laval' });

    expect(result).toEqual({ status: 'conflict', rowVersion: 4, current: montreal });
    expect(await memberRow(member.id)).toEqual(member);
    expect(await auditOf(member.id)).toHaveLength(0);
  });

  it('lets exactly one of two concurrent saves from the same version through', async () => {
    const member = await createMember(montreal);
    const db = await getDb();

    const results = await Promise.all([
      updateAddress(db, self(member.id), { rowVersion: 1, ...montreal, city: 'Laval' }),
      updateAddress(db, self(member.id), { rowVersion: 1, ...montreal, city: 'Longueuil' }),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(['conflict', 'saved']);
    const winner = results[0]!.status === 'saved' ? 'Laval' : 'Longueuil';
    const loser = results.find((result) => result.status === 'conflict');
    expect(loser).toEqual({ status: 'conflict', rowVersion: 2, current: { ...montreal, city: winner } });
    expect(await memberRow(member.id)).toMatchObject({ city: winner, rowVersion: 2 });
    expect(await auditOf(member.id)).toHaveLength(1);
  });

  it('lets exactly one save through when many arrive at once', async () => {
    const member = await createMember(montreal);
    const db = await getDb();
    // More saves than pooled connections, so on PostgreSQL several transactions really overlap.
    const cities = ['Laval', 'Longueuil', 'Gatineau', 'Sherbrooke', 'Saguenay', 'Lévis', 'Trois-Rivières', 'Terrebonne'];

    const results = await Promise.all(cities.map((city) => updateAddress(db, self(member.id), { rowVersion: 1, ...montreal, city })));

    expect(results.filter((result) => result.status === 'saved')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'conflict')).toHaveLength(cities.length - 1);
    expect(await memberRow(member.id)).toMatchObject({ city: cities[results.findIndex((result) => result.status === 'saved')], rowVersion: 2 });
    expect(await auditOf(member.id)).toHaveLength(1);
  });

  it('keeps markup as plain text, verbatim', async () => {
    const member = await createMember();
    const db = await getDb();
    const markup = '<script>alert(1)</script>';
    const input = addressSchema.parse({ rowVersion: '1', ...montreal, addressLine1: markup, addressLine2: '<b>"2" & \'3\'</b>' });

    expect(await updateAddress(db, self(member.id), input)).toMatchObject({ status: 'saved' });

    expect(await memberRow(member.id)).toMatchObject({ addressLine1: markup, addressLine2: '<b>"2" & \'3\'</b>' });
    expect((await getProfile(member.id))!.address).toMatchObject({ line1: markup, line2: '<b>"2" & \'3\'</b>' });
  });

  it('saves nothing when the audit cannot be written', async () => {
    const member = await createMember();
    const db = await getDb();
    // An actor that does not exist breaks the audit row's foreign key, after the member row was updated.
    const target = { memberId: member.id, actor: { memberId: randomUUID(), label: 'member' } };

    await expect(updateAddress(db, target, { rowVersion: 1, ...montreal })).rejects.toThrow();

    expect(await memberRow(member.id)).toEqual(member);
    expect(await auditOf(member.id)).toHaveLength(0);
  });
});

describe('updatePhones and updatePreferences', () => {
  it('save phones with the version bump and an audit row', async () => {
    const member = await createMember({ phone: '+15145550123' });
    const db = await getDb();

    const result = await updatePhones(db, self(member.id), { rowVersion: 1, phone: '+15145550123', phoneAlt: '+33123456789' });

    expect(result).toEqual({ status: 'saved', rowVersion: 2 });
    expect(await memberRow(member.id)).toMatchObject({ phone: '+15145550123', phoneAlt: '+33123456789', rowVersion: 2 });
    const audit = await auditOf(member.id, 'member.phones.update');
    expect(audit.map((entry) => entry.changes)).toEqual([{ phoneAlt: { old: null, new: '+33123456789' } }]);
  });

  it('save email consent and language, recording who changed it (CASL)', async () => {
    const member = await createMember({ preferredLanguage: 'fr' });
    const db = await getDb();
    const office = { memberId: member.id, actor: { memberId: null, label: 'cli:support' } };

    const result = await updatePreferences(db, office, { rowVersion: 1, preferredLanguage: 'en', newsEmails: true, eventEmails: false });

    expect(result).toEqual({ status: 'saved', rowVersion: 2 });
    expect(await memberRow(member.id)).toMatchObject({ preferredLanguage: 'en', newsEmails: true, eventEmails: false });
    const [entry] = await auditOf(member.id, 'member.preferences.update');
    expect(entry).toMatchObject({
      actorMemberId: null,
      actorLabel: 'cli:support',
      changes: { preferredLanguage: { old: 'fr', new: 'en' }, newsEmails: { old: false, new: true } },
    });
  });

  it('treat a change by another form as a conflict, and return this form’s values', async () => {
    const member = await createMember({ phone: '+15145550123' });
    const db = await getDb();
    await updatePreferences(db, self(member.id), { rowVersion: 1, preferredLanguage: 'en', newsEmails: false, eventEmails: false });

    expect(await updatePhones(db, self(member.id), { rowVersion: 1, phone: null, phoneAlt: null })).toEqual({
      status: 'conflict',
      rowVersion: 2,
      current: { phone: '+15145550123', phoneAlt: null },
    });
    expect(await memberRow(member.id)).toMatchObject({ phone: '+15145550123' });
  });
});

describe('getProfile', () => {
  it('returns certificates by rank, ratings by type order and the latest affiliation', async () => {
    const member = await createMember({ ...montreal, phone: '+15145550123', dateOfBirth: '1990-04-01', password: 'un mot de passe assez long pour le test' });
    const db = await getDb();
    await db.insert(memberCertificates).values([
      { memberId: member.id, certificateCode: 'C', earnedOn: '2021-08-01' },
      { memberId: member.id, certificateCode: 'SOLO', earnedOn: '2018-06-10' },
      { memberId: member.id, certificateCode: 'A', earnedOn: '2018-09-02' },
    ]);
    await db.insert(memberRatings).values([
      { memberId: member.id, ratingCode: 'TI', issuedOn: '2023-05-01', expiresOn: '2026-05-01' },
      { memberId: member.id, ratingCode: 'C1', issuedOn: '2020-03-01', expiresOn: null },
      { memberId: member.id, ratingCode: 'JM', issuedOn: '2022-04-01', expiresOn: null },
    ]);
    await db.insert(groupAffiliations).values([
      { memberId: member.id, membershipYear: 2024, groupCode: 'DZ-QC-BEAUCE' },
      { memberId: member.id, membershipYear: 2025, groupCode: 'DZ-ON-OTTAWA' },
    ]);

    const profile = await getProfile(member.id);

    expect(profile).toMatchObject({
      cspaNumber: member.cspaNumber,
      email: member.email,
      dateOfBirth: '1990-04-01',
      phone: '+15145550123',
      phoneAlt: null,
      address: { line1: '1234 rue Saint-Denis', line2: null, city: 'Montréal', province: 'QC', postalCode: 'H2X 1Y4', country: 'CA' },
      preferredLanguage: 'fr',
      newsEmails: false,
      eventEmails: false,
      membershipExpiresOn: '2027-06-30',
      category: { code: 'FULL' },
      rowVersion: 1,
      lastAffiliation: { year: 2025, groupName: 'Ottawa Valley Skydiving' },
    });
    expect(profile!.certificates.map((certificate) => [certificate.code, certificate.rank, certificate.earnedOn])).toEqual([
      ['SOLO', 1, '2018-06-10'],
      ['A', 2, '2018-09-02'],
      ['C', 4, '2021-08-01'],
    ]);
    expect(profile!.certificates[0]).toMatchObject({ nameFr: 'Brevet Solo', nameEn: 'Solo certificate' });
    expect(profile!.ratings.map((rating) => rating.code)).toEqual(['C1', 'JM', 'TI']);
    expect(profile!.ratings[2]).toMatchObject({ nameEn: 'Tandem Instructor', issuedOn: '2023-05-01', expiresOn: '2026-05-01' });
  });

  it('never carries the password hash, session data or the internal id', async () => {
    const member = await createMember({ password: 'un mot de passe assez long pour le test' });

    const profile = await getProfile(member.id);

    expect(profile).not.toHaveProperty('passwordHash');
    expect(profile).not.toHaveProperty('sessionVersion');
    expect(profile).not.toHaveProperty('id');
    expect(JSON.stringify(profile)).not.toContain(member.passwordHash!);
    expect(profile).toMatchObject({ certificates: [], ratings: [], lastAffiliation: null });
  });

  it('returns null for an unknown member', async () => {
    await createMember();
    expect(await getProfile(randomUUID())).toBeNull();
  });
});
