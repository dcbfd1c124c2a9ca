import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { authSessions, members } from '@/db/schema';
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, SESSION_TOUCH_INTERVAL_SECONDS } from './session-policy';

export type SessionClaims = { sessionId: string; memberId: string; sessionVersion: number };

export type SessionMember = {
  id: string;
  cspaNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  preferredLanguage: 'fr' | 'en';
  role: 'member' | 'staff';
};

export async function startSession(db: Executor, memberId: string): Promise<string> {
  const [row] = await db.insert(authSessions).values({ memberId }).returning({ id: authSessions.id });
  return row!.id;
}

/**
 * The member behind a session cookie, or null when the session was ended (sign-out, password change),
 * has been idle or alive too long, or carries an older session version.
 */
export async function findSessionMember(db: Executor, claims: SessionClaims, now = new Date()): Promise<SessionMember | null> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000);
  const absoluteCutoff = new Date(now.getTime() - SESSION_ABSOLUTE_SECONDS * 1000);
  const [row] = await db
    .select({
      id: members.id,
      cspaNumber: members.cspaNumber,
      firstName: members.firstName,
      lastName: members.lastName,
      email: members.email,
      preferredLanguage: members.preferredLanguage,
      role: members.role,
      lastSeenAt: authSessions.lastSeenAt,
    })
    .from(authSessions)
    .innerJoin(members, eq(members.id, authSessions.memberId))
    .where(
      and(
        eq(authSessions.id, claims.sessionId),
        eq(authSessions.memberId, claims.memberId),
        eq(members.sessionVersion, claims.sessionVersion),
        isNull(authSessions.endedAt),
        gt(authSessions.lastSeenAt, idleCutoff),
        gt(authSessions.createdAt, absoluteCutoff),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_SECONDS * 1000) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, claims.sessionId));
  }
  return {
    id: row.id,
    cspaNumber: row.cspaNumber,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    preferredLanguage: row.preferredLanguage,
    role: row.role,
  };
}

export async function endSession(db: Executor, sessionId: string, now = new Date()): Promise<void> {
  await db.update(authSessions).set({ endedAt: now }).where(and(eq(authSessions.id, sessionId), isNull(authSessions.endedAt)));
}

/** Ends every session of a member (password change or reset) and bumps the session version. */
export async function endAllSessions(db: Executor, memberId: string, now = new Date()): Promise<void> {
  await db.update(authSessions).set({ endedAt: now }).where(and(eq(authSessions.memberId, memberId), isNull(authSessions.endedAt)));
  await db
    .update(members)
    .set({ sessionVersion: sql`${members.sessionVersion} + 1` })
    .where(eq(members.id, memberId));
}
