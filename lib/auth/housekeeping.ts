import 'server-only';
import { and, isNull, lt, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authSessions, authTokens, throttleCounters } from '@/db/schema';
import { SESSION_ABSOLUTE_SECONDS } from './session-policy';

/** Rows kept this long after they stop mattering, so an incident can still be looked into. */
export const KEEP_DAYS = 30;

export type HousekeepingCounts = { sessions: number; tokens: number; throttleCounters: number };

/**
 * Deletes what can no longer do anything: sessions ended or past their absolute lifetime, used or
 * expired one-time links, and throttle counters neither blocking nor counting for a month. Without
 * it these tables only grow (every sign-in, link and failed attempt adds a row).
 */
export async function deleteExpiredAuthRows(now = new Date()): Promise<HousekeepingCounts> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 86_400_000);
  const sessionCutoff = new Date(cutoff.getTime() - SESSION_ABSOLUTE_SECONDS * 1000);
  const sessions = await db
    .delete(authSessions)
    .where(or(lt(authSessions.endedAt, cutoff), lt(authSessions.createdAt, sessionCutoff)))
    .returning({ id: authSessions.id });
  const tokens = await db
    .delete(authTokens)
    .where(lt(authTokens.expiresAt, cutoff))
    .returning({ id: authTokens.id });
  const counters = await db
    .delete(throttleCounters)
    .where(and(lt(throttleCounters.updatedAt, cutoff), or(isNull(throttleCounters.blockedUntil), lt(throttleCounters.blockedUntil, now))))
    .returning({ key: throttleCounters.key });
  return { sessions: sessions.length, tokens: tokens.length, throttleCounters: counters.length };
}
