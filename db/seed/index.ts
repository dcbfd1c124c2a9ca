import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { env, type Env } from '@/lib/env';
import { todayIso } from '@/lib/dates';
import { hashPassword } from '@/lib/auth/password-hash';
import type { Executor } from '../client';
import {
  certificateLevels,
  groupAffiliations,
  memberCertificates,
  memberGroups,
  memberRatings,
  members,
  membershipCategories,
  ratingTypes,
} from '../schema';
import { certificateLevelRows, memberGroupRows, membershipCategoryRows, ratingTypeRows } from './reference-data';
import { datesFor, demoMembers } from './demo-data';

/** Upserts the reference tables. Safe to run deployed, and as often as wanted. */
export async function seedReferenceData(db: Executor): Promise<void> {
  await db
    .insert(membershipCategories)
    .values(membershipCategoryRows)
    .onConflictDoUpdate({
      target: membershipCategories.code,
      set: {
        nameFr: sql`excluded.name_fr`,
        nameEn: sql`excluded.name_en`,
        annualDuesCents: sql`excluded.annual_dues_cents`,
        termMonths: sql`excluded.term_months`,
        renewableOnline: sql`excluded.renewable_online`,
        sortOrder: sql`excluded.sort_order`,
      },
    });
  await db
    .insert(certificateLevels)
    .values(certificateLevelRows)
    .onConflictDoUpdate({
      target: certificateLevels.code,
      set: { nameFr: sql`excluded.name_fr`, nameEn: sql`excluded.name_en`, rank: sql`excluded.rank` },
    });
  await db
    .insert(ratingTypes)
    .values(ratingTypeRows)
    .onConflictDoUpdate({
      target: ratingTypes.code,
      set: { nameFr: sql`excluded.name_fr`, nameEn: sql`excluded.name_en`, sortOrder: sql`excluded.sort_order` },
    });
  await db
    .insert(memberGroups)
    .values(memberGroupRows)
    .onConflictDoUpdate({
      target: memberGroups.code,
      set: { name: sql`excluded.name`, kind: sql`excluded.kind`, province: sql`excluded.province` },
    });
}

export class SeedRefusedError extends Error {}

/**
 * Resets the demo members to their demo state (seeding twice gives the same data, not duplicates).
 * Refuses to run deployed: the demo data has real-looking names and addresses.
 */
export async function seedDemoData(
  db: Executor,
  { today = todayIso(), environment = env() }: { today?: string; environment?: Env } = {},
): Promise<{ members: number }> {
  if (environment.mode === 'deployed') {
    throw new SeedRefusedError('The demo seed refuses to run on a deployed portal: it would add made-up members.');
  }
  const demo = demoMembers();
  const hashes = new Map<string, string>();
  for (const password of new Set(demo.map((m) => m.password).filter((p): p is string => Boolean(p)))) {
    hashes.set(password, await hashPassword(password));
  }
  const lastYear = Number(today.slice(0, 4)) - 1;

  await db.transaction(async (tx) => {
    await seedReferenceData(tx);
    for (const member of demo) {
      const dates = datesFor(member, today);
      const values = {
        cspaNumber: member.cspaNumber,
        firstName: member.firstName,
        lastName: member.lastName,
        email: member.email,
        passwordHash: member.password ? hashes.get(member.password)! : null,
        preferredLanguage: member.preferredLanguage,
        dateOfBirth: member.dateOfBirth,
        phone: member.phone,
        addressLine1: member.address?.line1 ?? null,
        addressLine2: member.address?.line2 ?? null,
        city: member.address?.city ?? null,
        province: member.address?.province ?? null,
        postalCode: member.address?.postalCode ?? null,
        country: member.address?.country ?? 'CA',
        categoryCode: member.categoryCode,
        membershipExpiresOn: dates.membershipExpiresOn,
        role: member.role ?? 'member',
      };
      const [row] = await tx
        .insert(members)
        .values(values)
        .onConflictDoUpdate({
          target: members.cspaNumber,
          set: { ...values, sessionVersion: sql`${members.sessionVersion} + 1`, rowVersion: sql`${members.rowVersion} + 1`, updatedAt: sql`now()` },
        })
        .returning({ id: members.id });
      const memberId = row!.id;
      await tx.delete(memberCertificates).where(inArray(memberCertificates.memberId, [memberId]));
      await tx.delete(memberRatings).where(inArray(memberRatings.memberId, [memberId]));
      await tx.delete(groupAffiliations).where(inArray(groupAffiliations.memberId, [memberId]));
      if (dates.certificates.length > 0) {
        await tx.insert(memberCertificates).values(dates.certificates.map((c) => ({ memberId, certificateCode: c.code, earnedOn: c.earnedOn })));
      }
      if (dates.ratings.length > 0) {
        await tx.insert(memberRatings).values(dates.ratings.map((r) => ({ memberId, ratingCode: r.code, issuedOn: r.issuedOn, expiresOn: r.expiresOn })));
      }
      if (member.lastYearGroup) {
        await tx.insert(groupAffiliations).values({ memberId, membershipYear: lastYear, groupCode: member.lastYearGroup });
      }
    }
  });
  return { members: demo.length };
}
