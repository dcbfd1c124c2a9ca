import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { groupAffiliations, memberGroups } from '@/db/schema';

export type GroupCount = { code: string; name: string; kind: 'drop_zone' | 'club' | 'provincial'; participants: number };

/**
 * Registered participants per drop zone or club for a membership year: one row per member and year
 * (written when a renewal is paid), so a member counts once, for the group they chose.
 */
export async function participantsByGroup(membershipYear: number): Promise<GroupCount[]> {
  const db = await getDb();
  const rows = await db
    .select({ code: memberGroups.code, name: memberGroups.name, kind: memberGroups.kind, participants: count(groupAffiliations.memberId) })
    .from(memberGroups)
    .leftJoin(groupAffiliations, and(eq(groupAffiliations.groupCode, memberGroups.code), eq(groupAffiliations.membershipYear, membershipYear)))
    .groupBy(memberGroups.code, memberGroups.name, memberGroups.kind)
    .orderBy(memberGroups.kind, memberGroups.name);
  return rows.map((row) => ({ ...row, participants: Number(row.participants) }));
}
