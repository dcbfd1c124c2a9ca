import 'server-only';
import { cache } from 'react';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { redirect } from '@/lib/i18n/navigation';
import { readSessionClaims } from './session-claims';
import { findSessionMember, type SessionMember } from './sessions';

export type CurrentMember = SessionMember & { sessionId: string };

/** The signed-in member for this request, checked against the database (ended sessions and old versions are refused). */
export const getCurrentMember = cache(async (): Promise<CurrentMember | null> => {
  // The cookie's claims as auth() would give them, read directly (see session-claims.ts for the cost).
  const claims = await readSessionClaims();
  if (!claims) return null;
  const member = await findSessionMember(await getDb(), claims);
  return member ? { ...member, sessionId: claims.sessionId } : null;
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
