import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authSessions } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import * as passwordHash from '@/lib/auth/password-hash';
import { endAllSessions, endSession, findSessionMember } from '@/lib/auth/sessions';
import { createMember } from '../support/members';

vi.mock('@/lib/auth/password-hash', { spy: true });

const PASSWORD = 'quatre mots pris au hasard dans le sac';
const ip = '203.0.113.7';

describe('signing in', () => {
  it('accepts the email, whatever its case and surrounding spaces, and the CSPA number', async () => {
    const member = await createMember({ email: 'Pat.Sauteur@Example.com', password: PASSWORD });
    const db = await getDb();
    for (const identifier of ['pat.sauteur@example.com', '  PAT.SAUTEUR@example.COM ', member.cspaNumber]) {
      const result = await authenticate(db, { identifier, password: PASSWORD, ip });
      expect(result).toMatchObject({ ok: true, memberId: member.id });
    }
  });

  it('gives the same answer for a wrong password, an unknown account and an account without a password', async () => {
    const withPassword = await createMember({ password: PASSWORD });
    const imported = await createMember({ passwordHash: null });
    const db = await getDb();
    const wrong = await authenticate(db, { identifier: withPassword.email, password: 'pas le bon mot de passe du tout', ip });
    const unknown = await authenticate(db, { identifier: 'nobody@example.com', password: PASSWORD, ip });
    const noPassword = await authenticate(db, { identifier: imported.email, password: PASSWORD, ip });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
    expect(noPassword).toEqual(wrong);
  });

  it('verifies a hash even for unknown accounts, so timing does not tell them apart', async () => {
    const db = await getDb();
    vi.mocked(passwordHash.verifyPassword).mockClear();
    await authenticate(db, { identifier: 'ghost@example.com', password: PASSWORD, ip: '203.0.113.50' });
    expect(passwordHash.verifyPassword).toHaveBeenCalledTimes(1);
  });

  it('throttles repeated failures before computing any hash, and still answers the right password later', async () => {
    const member = await createMember({ password: PASSWORD });
    const db = await getDb();
    const now = new Date('2026-11-23T15:00:00Z');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await authenticate(db, { identifier: member.email, password: 'mauvais mot de passe numéro un', ip }, now);
    }
    vi.mocked(passwordHash.verifyPassword).mockClear();
    const throttled = await authenticate(db, { identifier: member.email, password: PASSWORD, ip }, now);
    expect(throttled).toMatchObject({ ok: false, reason: 'throttled' });
    expect(passwordHash.verifyPassword).not.toHaveBeenCalled();
    if (!throttled.ok && throttled.reason === 'throttled') expect(throttled.retryAt.getTime()).toBeGreaterThan(now.getTime());

    const later = new Date(now.getTime() + 60 * 60 * 1000 + 1000);
    expect(await authenticate(db, { identifier: member.email, password: PASSWORD, ip }, later)).toMatchObject({ ok: true });
  });
});

describe('sessions', () => {
  async function signedIn() {
    const member = await createMember({ password: PASSWORD });
    const db = await getDb();
    const result = await authenticate(db, { identifier: member.email, password: PASSWORD, ip });
    if (!result.ok) throw new Error('sign-in failed');
    return { db, member, claims: { sessionId: result.sessionId, memberId: member.id, sessionVersion: result.sessionVersion } };
  }

  it('finds the member of a live session, without the password hash', async () => {
    const { db, member, claims } = await signedIn();
    const found = await findSessionMember(db, claims);
    expect(found).toMatchObject({ id: member.id, firstName: 'Alex', role: 'member' });
    expect(Object.keys(found!)).not.toContain('passwordHash');
  });

  it('refuses a session after sign-out (a copied cookie is useless)', async () => {
    const { db, claims } = await signedIn();
    await endSession(db, claims.sessionId);
    expect(await findSessionMember(db, claims)).toBeNull();
  });

  it('refuses every session after a password change, and an old session version', async () => {
    const { db, claims } = await signedIn();
    await endAllSessions(db, claims.memberId);
    expect(await findSessionMember(db, claims)).toBeNull();
    const { claims: other } = await signedIn();
    expect(await findSessionMember(db, { ...other, sessionVersion: other.sessionVersion + 1 })).toBeNull();
  });

  it('ends a session idle for more than 12 hours, and any session after 7 days', async () => {
    const { db, claims } = await signedIn();
    const [session] = await db.select().from(authSessions).where(eq(authSessions.id, claims.sessionId));
    const start = session!.createdAt.getTime();
    expect(await findSessionMember(db, claims, new Date(start + 11 * 3600_000))).not.toBeNull();
    expect(await findSessionMember(db, claims, new Date(start + 11 * 3600_000 + 12 * 3600_000 + 60_000))).toBeNull();

    const { claims: busy } = await signedIn();
    let now = Date.now();
    for (let day = 0; day < 7; day += 1) {
      now += 10 * 3600_000;
      await db.update(authSessions).set({ lastSeenAt: new Date(now) }).where(eq(authSessions.id, busy.sessionId));
    }
    expect(await findSessionMember(db, busy, new Date(Date.now() + 7 * 24 * 3600_000 + 60_000))).toBeNull();
  });
});
