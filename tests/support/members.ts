import { randomInt, randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { members, type Member, type NewMember } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { hashPassword } from '@/lib/auth/password-hash';

let referenceLoaded: Promise<void> | undefined;

/** A member of one's own for a test: unique number and email unless given. */
export async function createMember(overrides: Partial<NewMember> & { password?: string } = {}) {
  const db = await getDb();
  referenceLoaded ??= seedReferenceData(db);
  await referenceLoaded;
  const number = String(randomInt(100_000, 9_999_999));
  const { password, ...values } = overrides;
  const [row] = await db
    .insert(members)
    .values({
      cspaNumber: number,
      firstName: 'Alex',
      lastName: 'Essai',
      email: `member${number}@example.com`,
      categoryCode: 'FULL',
      preferredLanguage: 'fr',
      membershipExpiresOn: '2027-06-30',
      passwordHash: password ? await hashPassword(password) : null,
      ...values,
    })
    .returning();
  return row!;
}

/** What a mocked current-member lookup returns for this member: the session's view of them. */
export function sessionMemberFor(member: Member) {
  return {
    id: member.id,
    cspaNumber: member.cspaNumber,
    firstName: member.firstName,
    lastName: member.lastName,
    email: member.email,
    preferredLanguage: member.preferredLanguage,
    role: member.role,
    sessionId: randomUUID(),
  };
}
