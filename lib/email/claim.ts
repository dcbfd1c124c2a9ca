import 'server-only';
import { and, asc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { emailOutbox, type EmailOutboxRow } from '@/db/schema';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff';

/** How long a claimed row stays reserved for the worker that claimed it. */
export const CLAIM_MS = 2 * 60_000;

/**
 * The time the outbox is judged by: the database's clock unless a test gives one. Using the database's
 * clock (not the server's) means an email enqueued a millisecond ago is due even if the clocks differ.
 */
export function outboxClock(now?: Date): SQL<Date> {
  return now ? sql<Date>`${now.toISOString()}::timestamptz` : sql<Date>`now()`;
}

function later(clock: SQL, ms: number): SQL<Date> {
  return sql<Date>`${clock} + (${ms}::integer * interval '1 millisecond')`;
}

/**
 * Reserves up to `limit` due emails in one statement. FOR UPDATE SKIP LOCKED makes concurrent workers
 * take disjoint rows instead of waiting on each other; locked_until keeps them reserved after the statement.
 */
export async function claimDueEmails(db: Executor, clock: SQL, limit: number): Promise<EmailOutboxRow[]> {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.status, 'pending'),
        lte(emailOutbox.nextAttemptAt, clock),
        or(isNull(emailOutbox.lockedUntil), lte(emailOutbox.lockedUntil, clock)),
      ),
    )
    .orderBy(asc(emailOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(emailOutbox)
    .set({ lockedUntil: later(clock, CLAIM_MS) })
    .where(inArray(emailOutbox.id, due))
    .returning();
}

// Both outcomes require status 'pending': once any worker has recorded 'sent', nothing overwrites it.
export async function recordSent(db: Executor, clock: SQL, id: string, providerMessageId: string | null): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      status: 'sent',
      sentAt: clock,
      providerMessageId,
      attempts: sql`${emailOutbox.attempts} + 1`,
      lockedUntil: null,
      lastError: null,
    })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'pending')));
}

/** Returns whether the email will be tried again ('pending') or was given up on ('failed'). */
export async function recordFailure(
  db: Executor,
  clock: SQL,
  row: Pick<EmailOutboxRow, 'id' | 'attempts'>,
  error: string,
): Promise<'pending' | 'failed'> {
  const attempts = row.attempts + 1;
  const status = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
  await db
    .update(emailOutbox)
    .set({
      status,
      attempts,
      lastError: error,
      nextAttemptAt: later(clock, retryDelayMs(attempts)),
      lockedUntil: null,
    })
    .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, 'pending')));
  return status;
}

/** Gives back rows this worker claimed but will not try now, so the next run need not wait for the claim to expire. */
export async function releaseClaims(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(emailOutbox).set({ lockedUntil: null }).where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, 'pending')));
}
