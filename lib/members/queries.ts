import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { members, membershipCategories } from '@/db/schema';

export type MemberSummary = {
  cspaNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  membershipExpiresOn: string | null;
  categoryNameFr: string;
  categoryNameEn: string;
};

/** Only the columns a page shows; never the password hash or tokens. */
export async function getMemberSummary(memberId: string): Promise<MemberSummary | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      cspaNumber: members.cspaNumber,
      firstName: members.firstName,
      lastName: members.lastName,
      email: members.email,
      membershipExpiresOn: members.membershipExpiresOn,
      categoryNameFr: membershipCategories.nameFr,
      categoryNameEn: membershipCategories.nameEn,
    })
    .from(members)
    .innerJoin(membershipCategories, eq(membershipCategories.code, members.categoryCode))
    .where(eq(members.id, memberId));
  return row ?? null;
}
