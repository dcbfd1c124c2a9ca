import { describe, expect, it } from 'vitest';
import { count, like } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { groupAffiliations, memberCertificates, memberRatings, members } from '@/db/schema';
import { SeedRefusedError } from '@/db/seed';
import { seedBenchData } from '@/db/seed/bench';
import { BENCH_EMAIL_DOMAIN, BENCH_PASSWORD } from '@/db/seed/bench-data';
import { verifyPassword } from '@/lib/auth/password-hash';
import { readEnv } from '@/lib/env';

const today = '2026-11-23';

async function counts() {
  const db = await getDb();
  const [m] = await db.select({ n: count() }).from(members).where(like(members.email, `%@${BENCH_EMAIL_DOMAIN}`));
  const [c] = await db.select({ n: count() }).from(memberCertificates);
  const [r] = await db.select({ n: count() }).from(memberRatings);
  const [g] = await db.select({ n: count() }).from(groupAffiliations);
  return { members: m!.n, certificates: c!.n, ratings: r!.n, affiliations: g!.n };
}

describe('bench seed', () => {
  it('loads the members with their certificates, ratings and groups, and the same data when run again', async () => {
    const db = await getDb();
    await seedBenchData(db, { count: 60, today });
    const first = await counts();
    expect(first.members).toBe(60);
    expect(first.certificates).toBeGreaterThan(60);
    expect(first.ratings).toBeGreaterThan(0);
    expect(first.affiliations).toBeGreaterThan(25);
    await seedBenchData(db, { count: 60, today });
    expect(await counts()).toEqual(first);
  }, 90_000);

  it('removes bench members beyond a smaller count', async () => {
    const db = await getDb();
    await seedBenchData(db, { count: 60, today });
    await seedBenchData(db, { count: 20, today });
    expect((await counts()).members).toBe(20);
  });

  it('gives members with a password the bench password', async () => {
    const db = await getDb();
    await seedBenchData(db, { count: 3, today });
    const [row] = await db.select({ hash: members.passwordHash }).from(members).where(like(members.email, `%.0@${BENCH_EMAIL_DOMAIN}`));
    expect(await verifyPassword(row!.hash!, BENCH_PASSWORD)).toBe(true);
  });

  it('refuses to run on a deployed portal', async () => {
    const deployed = readEnv({ VERCEL: '1', SITE_URL: 'https://membres.cspa.ca', DATABASE_URL: 'postgres://x', AUTH_SECRET: 'x'.repeat(40), RESEND_API_KEY: 're_x', STRIPE_SECRET_KEY: 'sk_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' });
    await expect(seedBenchData(await getDb(), { count: 3, today, environment: deployed })).rejects.toBeInstanceOf(SeedRefusedError);
  });
});
