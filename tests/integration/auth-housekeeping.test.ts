import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { authSessions, authTokens, throttleCounters } from '@/db/schema';
import { deleteExpiredAuthRows } from '@/lib/auth/housekeeping';
import { GET } from '@/app/api/cron/housekeeping/route';
import { createMember } from '../support/members';

process.env.CRON_SECRET = 'housekeeping-secret-0123456789abcdef';

const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('housekeeping of sign-in rows', () => {
  it('deletes only what can no longer matter, a month after it stopped mattering', async () => {
    const db = await getDb();
    const member = await createMember();
    await db.insert(authSessions).values([
      { memberId: member.id, createdAt: daysAgo(40), lastSeenAt: daysAgo(40), endedAt: daysAgo(31) },
      { memberId: member.id, createdAt: daysAgo(35), lastSeenAt: daysAgo(35), endedAt: daysAgo(29) },
      { memberId: member.id, createdAt: daysAgo(38), lastSeenAt: daysAgo(38) },
      { memberId: member.id, createdAt: daysAgo(1), lastSeenAt: daysAgo(1) },
    ]);
    await db.insert(authTokens).values([
      { memberId: member.id, purpose: 'password_reset', tokenHash: 'old', expiresAt: daysAgo(31) },
      { memberId: member.id, purpose: 'password_reset', tokenHash: 'recent', expiresAt: daysAgo(2) },
    ]);
    await db.insert(throttleCounters).values([
      { key: 'signin:ip:idle', windowStartedAt: daysAgo(40), updatedAt: daysAgo(40) },
      { key: 'signin:id:still-blocked', windowStartedAt: daysAgo(40), updatedAt: daysAgo(40), blockedUntil: new Date(now.getTime() + 60_000) },
      { key: 'signin:ip:recent', windowStartedAt: daysAgo(1), updatedAt: daysAgo(1) },
    ]);

    expect(await deleteExpiredAuthRows(now)).toEqual({ sessions: 2, tokens: 1, throttleCounters: 1 });
    expect((await db.select().from(authSessions)).map((row) => row.createdAt.getTime()).sort()).toEqual([daysAgo(35).getTime(), daysAgo(1).getTime()]);
    expect((await db.select().from(authTokens)).map((row) => row.tokenHash)).toEqual(['recent']);
    expect((await db.select().from(throttleCounters)).map((row) => row.key).sort()).toEqual(['signin:id:still-blocked', 'signin:ip:recent']);
    expect(await deleteExpiredAuthRows(now)).toEqual({ sessions: 0, tokens: 0, throttleCounters: 0 });
  });

  it('runs from the daily cron route only with the secret', async () => {
    const unauthorized = await GET(new Request('http://localhost/api/cron/housekeeping', { headers: { authorization: 'Bearer nope' } }));
    expect(unauthorized.status).toBe(401);
    const ok = await GET(new Request('http://localhost/api/cron/housekeeping', { headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ sessions: expect.any(Number), tokens: expect.any(Number), throttleCounters: expect.any(Number) });
  });
});
