import 'server-only';
import { inArray, like, sql } from 'drizzle-orm';
import { env, type Env } from '@/lib/env';
import { todayIso } from '@/lib/dates';
import { hashPassword } from '@/lib/auth/password-hash';
import type { Executor } from '../client';
import { groupAffiliations, memberCertificates, memberRatings, members } from '../schema';
import { BENCH_EMAIL_DOMAIN, BENCH_PASSWORD, benchMembers } from './bench-data';
import { seedReferenceData, SeedRefusedError } from './index';

// 17 columns a row: 1,000 rows stay far below PostgreSQL's 65,535 parameters per statement.
const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Loads `count` bench members (see bench-data.ts) with bulk inserts. Idempotent: members are upserted
 * by CSPA number (their ids, and so their sessions, survive a re-run), their certificates, ratings and
 * affiliations are replaced, and bench members beyond `count` from a larger earlier run are removed.
 * Refuses to run deployed, like the demo seed.
 */
export async function seedBenchData(
  db: Executor,
  { count, today = todayIso(), environment = env() }: { count: number; today?: string; environment?: Env },
): Promise<{ members: number }> {
  if (environment.mode === 'deployed') {
    throw new SeedRefusedError('The bench seed refuses to run on a deployed portal: it would add thousands of made-up members.');
  }
  const bench = benchMembers(count, today);
  // One argon2 hash for everyone: hashing 5,000 times would take minutes and prove nothing.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const lastYear = Number(today.slice(0, 4)) - 1;

  await db.transaction(async (tx) => {
    await seedReferenceData(tx);
    const ids = new Map<string, string>();
    for (const part of chunks(bench)) {
      const rows = await tx
        .insert(members)
        .values(
          part.map((m) => ({
            cspaNumber: m.cspaNumber,
            firstName: m.firstName,
            lastName: m.lastName,
            email: m.email,
            passwordHash: m.hasPassword ? passwordHash : null,
            preferredLanguage: m.preferredLanguage,
            dateOfBirth: m.dateOfBirth,
            phone: m.phone,
            addressLine1: m.addressLine1,
            addressLine2: m.addressLine2,
            city: m.city,
            province: m.province,
            postalCode: m.postalCode,
            country: 'CA',
            categoryCode: m.categoryCode,
            membershipExpiresOn: m.membershipExpiresOn,
            cardToken: m.cardToken,
          })),
        )
        .onConflictDoUpdate({
          target: members.cspaNumber,
          set: {
            firstName: sql`excluded.first_name`,
            lastName: sql`excluded.last_name`,
            email: sql`excluded.email`,
            passwordHash: sql`excluded.password_hash`,
            preferredLanguage: sql`excluded.preferred_language`,
            dateOfBirth: sql`excluded.date_of_birth`,
            phone: sql`excluded.phone`,
            phoneAlt: sql`NULL`,
            addressLine1: sql`excluded.address_line1`,
            addressLine2: sql`excluded.address_line2`,
            city: sql`excluded.city`,
            province: sql`excluded.province`,
            postalCode: sql`excluded.postal_code`,
            categoryCode: sql`excluded.category_code`,
            membershipExpiresOn: sql`excluded.membership_expires_on`,
            cardToken: sql`excluded.card_token`,
            rowVersion: sql`${members.rowVersion} + 1`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: members.id, cspaNumber: members.cspaNumber });
      for (const row of rows) ids.set(row.cspaNumber, row.id);
    }

    const keep = new Set(ids.values());
    const stale = await tx.select({ id: members.id }).from(members).where(like(members.email, `%@${BENCH_EMAIL_DOMAIN}`));
    const extra = stale.map((row) => row.id).filter((id) => !keep.has(id));
    for (const part of chunks(extra)) await tx.delete(members).where(inArray(members.id, part));

    for (const part of chunks([...keep])) {
      await tx.delete(memberCertificates).where(inArray(memberCertificates.memberId, part));
      await tx.delete(memberRatings).where(inArray(memberRatings.memberId, part));
      await tx.delete(groupAffiliations).where(inArray(groupAffiliations.memberId, part));
    }
    const idOf = (m: { cspaNumber: string }) => ids.get(m.cspaNumber)!;
    const certificates = bench.flatMap((m) => m.certificates.map((c) => ({ memberId: idOf(m), certificateCode: c.code, earnedOn: c.earnedOn })));
    const ratings = bench.flatMap((m) => m.ratings.map((r) => ({ memberId: idOf(m), ratingCode: r.code, issuedOn: r.issuedOn, expiresOn: r.expiresOn })));
    const affiliations = bench.flatMap((m) => (m.lastYearGroup ? [{ memberId: idOf(m), membershipYear: lastYear, groupCode: m.lastYearGroup }] : []));
    for (const part of chunks(certificates)) await tx.insert(memberCertificates).values(part);
    for (const part of chunks(ratings)) await tx.insert(memberRatings).values(part);
    for (const part of chunks(affiliations)) await tx.insert(groupAffiliations).values(part);
  });
  return { members: bench.length };
}
