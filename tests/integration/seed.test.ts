import { describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { groupAffiliations, memberCertificates, memberGroups, memberRatings, members, membershipCategories } from '@/db/schema';
import { seedDemoData, SeedRefusedError } from '@/db/seed';
import { verifyPassword } from '@/lib/auth/password-hash';
import { DEMO_STAFF_PASSWORD } from '@/db/seed/demo-data';
import { readEnv } from '@/lib/env';

const today = '2026-11-23';

async function tableCounts() {
  const db = await getDb();
  const [m] = await db.select({ n: count() }).from(members);
  const [c] = await db.select({ n: count() }).from(memberCertificates);
  const [r] = await db.select({ n: count() }).from(memberRatings);
  const [g] = await db.select({ n: count() }).from(groupAffiliations);
  return { members: m!.n, certificates: c!.n, ratings: r!.n, affiliations: g!.n };
}

describe('demo seed', () => {
  it('loads about thirty members with certificates, ratings and affiliations', async () => {
    await seedDemoData(await getDb(), { today });
    const counts = await tableCounts();
    expect(counts.members).toBeGreaterThanOrEqual(28);
    expect(counts.certificates).toBeGreaterThan(40);
    expect(counts.ratings).toBeGreaterThan(20);
    expect(counts.affiliations).toBeGreaterThanOrEqual(28);
  });

  it('leaves the same data when run twice, not duplicates', async () => {
    const db = await getDb();
    await seedDemoData(db, { today });
    const first = await tableCounts();
    await seedDemoData(db, { today });
    expect(await tableCounts()).toEqual(first);
  });

  it('creates Sally Sauteur as the first-time sign-in case', async () => {
    const db = await getDb();
    await seedDemoData(db, { today });
    const [sally] = await db.select().from(members).where(eq(members.cspaNumber, '12345'));
    expect(sally).toMatchObject({
      firstName: 'Sally',
      lastName: 'Sauteur',
      email: 'sallysauteur1@cspa.ca',
      preferredLanguage: 'fr',
      passwordHash: null,
      city: 'Montréal',
      province: 'QC',
      postalCode: 'H2X 1Y4',
      categoryCode: 'FULL',
      role: 'member',
    });
    expect(sally!.phone).toMatch(/^\+1\d{10}$/);
    expect(sally!.membershipExpiresOn! > today).toBe(true);
    expect(sally!.membershipExpiresOn! <= '2026-12-23').toBe(true);

    const [category] = await db.select().from(membershipCategories).where(eq(membershipCategories.code, 'FULL'));
    expect(category!.annualDuesCents).toBe(11500);

    const certificates = await db.select().from(memberCertificates).where(eq(memberCertificates.memberId, sally!.id));
    expect(certificates.map((c) => c.certificateCode)).toContain('A');
    const ratings = await db.select().from(memberRatings).where(eq(memberRatings.memberId, sally!.id));
    expect(ratings.map((r) => r.ratingCode)).toEqual(['C1']);

    const [affiliation] = await db
      .select({ year: groupAffiliations.membershipYear, province: memberGroups.province, kind: memberGroups.kind })
      .from(groupAffiliations)
      .innerJoin(memberGroups, eq(memberGroups.code, groupAffiliations.groupCode))
      .where(eq(groupAffiliations.memberId, sally!.id));
    expect(affiliation).toEqual({ year: 2025, province: 'QC', kind: 'drop_zone' });
  });

  it('mixes current, soon-expiring and expired memberships, and expired ratings', async () => {
    const db = await getDb();
    await seedDemoData(db, { today });
    const [row] = await db
      .select({
        current: sql<number>`count(*) filter (where ${members.membershipExpiresOn} > ${'2026-12-23'})`.mapWith(Number),
        soon: sql<number>`count(*) filter (where ${members.membershipExpiresOn} between ${today} and ${'2026-12-23'})`.mapWith(Number),
        expired: sql<number>`count(*) filter (where ${members.membershipExpiresOn} < ${today})`.mapWith(Number),
        english: sql<number>`count(*) filter (where ${members.preferredLanguage} = 'en')`.mapWith(Number),
      })
      .from(members);
    expect(row!.current).toBeGreaterThan(5);
    expect(row!.soon).toBeGreaterThan(5);
    expect(row!.expired).toBeGreaterThan(5);
    expect(row!.english).toBeGreaterThan(5);
    const [lapsed] = await db.select({ n: count() }).from(memberRatings).where(sql`${memberRatings.expiresOn} < ${today}`);
    expect(lapsed!.n).toBeGreaterThan(3);
  });

  it('has one staff account whose demo password works', async () => {
    const db = await getDb();
    await seedDemoData(db, { today });
    const staff = await db.select().from(members).where(eq(members.role, 'staff'));
    expect(staff).toHaveLength(1);
    expect(staff[0]!.email).toMatch(/@example\.org$/);
    expect(await verifyPassword(staff[0]!.passwordHash!, DEMO_STAFF_PASSWORD)).toBe(true);
  });

  it('refuses to run on a deployed portal', async () => {
    const before = await tableCounts();
    const deployed = readEnv({
      VERCEL: '1',
      SITE_URL: 'https://membres.cspa.ca',
      DATABASE_URL: 'postgres://portal@db.example.net/portal',
      AUTH_SECRET: 'x'.repeat(40),
      RESEND_API_KEY: 're_test',
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
    });
    await expect(seedDemoData(await getDb(), { today, environment: deployed })).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await tableCounts()).toEqual(before);
  });
});
