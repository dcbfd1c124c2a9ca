import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { members } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { enqueueEmail } from '@/lib/email/outbox';
import { absoluteUrl } from '@/lib/i18n/urls';
import type { AccountRecord } from './members-lookup';
import { endAllSessions } from './sessions';

/**
 * What every password change does, in the caller's transaction: store the hash, end every session,
 * audit (never the hash), and tell the member by email in case it was not them.
 */
export async function storeNewPassword(
  tx: Executor,
  account: AccountRecord,
  change: { passwordHash: string; action: 'member.password.reset' | 'member.password.change'; now: Date },
): Promise<void> {
  await tx
    .update(members)
    .set({ passwordHash: change.passwordHash, rowVersion: sql`${members.rowVersion} + 1`, updatedAt: change.now })
    .where(eq(members.id, account.id));
  await endAllSessions(tx, account.id, change.now);
  await recordAudit(tx, {
    actorMemberId: account.id,
    actorLabel: 'member',
    subjectMemberId: account.id,
    action: change.action,
    changes: { password: { old: account.passwordHash ? 'set' : 'none', new: 'changed' } },
  });
  await enqueueEmail(tx, {
    to: account.email,
    memberId: account.id,
    locale: account.preferredLanguage,
    template: {
      name: 'password-changed',
      props: {
        firstName: account.firstName,
        signInUrl: absoluteUrl(account.preferredLanguage, '/login'),
        resetUrl: absoluteUrl(account.preferredLanguage, '/forgot-password'),
      },
    },
  });
}
