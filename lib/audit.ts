import 'server-only';
import type { Executor } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditChanges = Record<string, { old: unknown; new: unknown }>;

/** Who changed what, when: written in the same transaction as the change itself. */
export async function recordAudit(
  db: Executor,
  entry: { actorMemberId?: string | null; actorLabel: string; subjectMemberId: string | null; action: string; changes: AuditChanges },
): Promise<void> {
  await db.insert(auditLog).values({
    actorMemberId: entry.actorMemberId ?? null,
    actorLabel: entry.actorLabel,
    subjectMemberId: entry.subjectMemberId,
    action: entry.action,
    changes: entry.changes,
  });
}

/** Only the fields whose value really changed, as { field: { old, new } }. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(after)) {
    if (value !== undefined && before[field] !== value) changes[field] = { old: before[field] ?? null, new: value };
  }
  return changes;
}
