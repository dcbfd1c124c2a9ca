import 'server-only';
import { cache } from 'react';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { redirect } from '@/lib/i18n/navigation';
import { auth } from './config';
import { findSessionMember, type SessionMember } from './sessions';

export type CurrentMember = SessionMember & { sessionId: string };

/** The signed-in member for this request, checked against the database (ended sessions and old versions are refused). */
export const getCurrentMember = cache(async (): Promise<CurrentMember | null> => {
  const session = await auth();
  if (!session?.sessionId || !session.memberId) return null;
  const member = await findSessionMember(await getDb(), {
    sessionId: session.sessionId,
    memberId: session.memberId,
    sessionVersion: session.sessionVersion,
  });
  return member ? { ...member, sessionId: session.sessionId } : null;
});

/** For pages and actions that need a member: signed-out visitors go to sign-in and come back afterwards. */
export async function requireMember(returnPath: string): Promise<CurrentMember> {
  const member = await getCurrentMember();
  if (member) return member;
  const locale = await getLocale();
  return redirect({ href: { pathname: '/login', query: { next: returnPath } }, locale });
}

export async function requireStaff(returnPath: string): Promise<CurrentMember> {
  const member = await requireMember(returnPath);
  if (member.role !== 'staff') {
    const locale = await getLocale();
    return redirect({ href: '/account', locale });
  }
  return member;
}
