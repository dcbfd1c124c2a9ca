import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { auditLog, members, type AuditEntry } from '@/db/schema';
import type { PlannedRow } from './plan';

export const IMPORT_ACTOR = 'import';

/** Thrown when a member changed between reading and writing: the transaction rolls back whole. */
export class ConcurrentChangeError extends Error {
  constructor(cspaNumber: string) {
    super(`Member ${cspaNumber} was changed by someone else during the import. Nothing was imported; run the import again.`);
    this.name = 'ConcurrentChangeError';
  }
}

/**
 * Writes the planned rows and one audit entry per created or updated member. Call inside a transaction.
 * Updates touch only the planned fields (never password_hash, role or session_version), bump row_version
 * and updated_at, and name the row_version they read.
 */
export async function applyPlan(tx: Executor, plan: readonly PlannedRow[]): Promise<void> {
  const audits: AuditEntry[] = [];
  for (const row of plan) {
    if (row.kind === 'create') {
      const [created] = await tx.insert(members).values(row.values).returning({ id: members.id });
      audits.push({ actorLabel: IMPORT_ACTOR, subjectMemberId: created!.id, action: 'member.import.create', changes: row.changes });
    } else if (row.kind === 'update') {
      const updated = await tx
        .update(members)
        .set({ ...row.set, rowVersion: sql`${members.rowVersion} + 1`, updatedAt: sql`now()` })
        .where(and(eq(members.id, row.member.id), eq(members.rowVersion, row.member.rowVersion)))
        .returning({ id: members.id });
      if (updated.length !== 1) throw new ConcurrentChangeError(row.cspaNumber);
      audits.push({ actorLabel: IMPORT_ACTOR, subjectMemberId: row.member.id, action: 'member.import.update', changes: row.changes });
    }
  }
  for (let start = 0; start < audits.length; start += 500) {
    await tx.insert(auditLog).values(audits.slice(start, start + 500));
  }
}
