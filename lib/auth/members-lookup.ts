import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { members } from '@/db/schema';
import type { Identifier } from './identifier';

export type AccountRecord = {
  id: string;
  cspaNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  passwordHash: string | null;
  preferredLanguage: 'fr' | 'en';
  sessionVersion: number;
};

const accountColumns = {
  id: members.id,
  cspaNumber: members.cspaNumber,
  firstName: members.firstName,
  lastName: members.lastName,
  email: members.email,
  passwordHash: members.passwordHash,
  preferredLanguage: members.preferredLanguage,
  sessionVersion: members.sessionVersion,
};

/** For the sign-in and recovery flows only: includes the password hash, so never hand the result to a component. */
export async function findAccount(db: Executor, identifier: Identifier): Promise<AccountRecord | null> {
  const condition =
    identifier.kind === 'email'
      ? sql`lower(${members.email}) = ${identifier.email}`
      : eq(members.cspaNumber, identifier.cspaNumber);
  const [row] = await db.select(accountColumns).from(members).where(condition).limit(1);
  return row ?? null;
}

export async function findAccountById(db: Executor, memberId: string): Promise<AccountRecord | null> {
  const [row] = await db.select(accountColumns).from(members).where(eq(members.id, memberId)).limit(1);
  return row ?? null;
}
