import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { members, membershipCategories } from '@/db/schema';
import { IMPORT_COLUMNS } from './columns';
import type { ExistingMember } from './plan';

const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

export async function loadCategoryCodes(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ code: membershipCategories.code }).from(membershipCategories);
  return new Set(rows.map((row) => row.code));
}

const existingColumns = {
  id: members.id,
  rowVersion: members.rowVersion,
  ...Object.fromEntries(IMPORT_COLUMNS.map(({ field }) => [field, members[field]])),
} as { [K in keyof ExistingMember]: (typeof members)[K] };

/** The members whose CSPA number is in the list, by number. */
export async function loadMembersByNumber(db: Executor, numbers: readonly string[]): Promise<Map<string, ExistingMember>> {
  const found = new Map<string, ExistingMember>();
  for (const chunk of chunks([...new Set(numbers)])) {
    const rows = (await db.select(existingColumns).from(members).where(inArray(members.cspaNumber, chunk))) as ExistingMember[];
    for (const row of rows) found.set(row.cspaNumber, row);
  }
  return found;
}

/** Who holds each of these lower-cased emails (compared with lower(email)), as lower-cased email → CSPA number. */
export async function loadEmailOwners(db: Executor, lowerEmails: readonly string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const lowered = sql<string>`lower(${members.email})`;
  for (const chunk of chunks([...new Set(lowerEmails)])) {
    const rows = await db
      .select({ email: lowered, cspaNumber: members.cspaNumber })
      .from(members)
      .where(inArray(lowered, chunk));
    for (const row of rows) owners.set(row.email, row.cspaNumber);
  }
  return owners;
}
