import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authTokens, members } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { consumeToken, hashToken, inspectToken, issueToken, voidTokens } from '@/lib/auth/tokens';

const now = new Date('2026-11-23T15:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
let memberCount = 0;

async function newMember(): Promise<string> {
  const db = await getDb();
  await seedReferenceData(db);
  memberCount += 1;
  const [row] = await db
    .insert(members)
    .values({
      cspaNumber: `7${String(memberCount).padStart(4, '0')}`,
      firstName: 'Test',
      lastName: `Member${memberCount}`,
      email: `token-test-${memberCount}@example.com`,
      categoryCode: 'FULL',
    })
    .returning({ id: members.id });
  return row!.id;
}

function tamper(token: string): string {
  const index = 10;
  return `${token.slice(0, index)}${token[index] === 'A' ? 'B' : 'A'}${token.slice(index + 1)}`;
}

describe('one-time tokens', () => {
  it('is valid once issued, with its payload and expiry', async () => {
    const db = await getDb();
    const memberId = await newMember();
    const { token, expiresAt } = await issueToken(
      db,
      { memberId, purpose: 'email_change', ttlMinutes: 60, payload: { newEmail: 'new@example.com' } },
      now,
    );
    expect(expiresAt).toEqual(later(3600));
    expect(await inspectToken(db, { token, purpose: 'email_change' }, now)).toEqual({
      status: 'valid',
      memberId,
      payload: { newEmail: 'new@example.com' },
      expiresAt,
    });
  });

  it('changes nothing when inspected', async () => {
    const db = await getDb();
    const memberId = await newMember();
    const { token } = await issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, now);
    const before = await db.select().from(authTokens).where(eq(authTokens.memberId, memberId));
    await inspectToken(db, { token, purpose: 'password_reset' }, now);
    await inspectToken(db, { token, purpose: 'password_reset' }, now);
    expect(await db.select().from(authTokens).where(eq(authTokens.memberId, memberId))).toEqual(before);
  });

  it('can be used once only', async () => {
    const db = await getDb();
    const memberId = await newMember();
    const { token } = await issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, now);
    expect(await consumeToken(db, { token, purpose: 'password_reset' }, now)).toEqual({ memberId, payload: null });
    expect(await consumeToken(db, { token, purpose: 'password_reset' }, now)).toBeNull();
    expect(await inspectToken(db, { token, purpose: 'password_reset' }, now)).toEqual({ status: 'invalid' });
  });

  it('expires at its expiry time', async () => {
    const db = await getDb();
    const memberId = await newMember();
    const { token } = await issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, now);
    expect(await inspectToken(db, { token, purpose: 'password_reset' }, later(30 * 60 - 1))).toMatchObject({ status: 'valid' });
    expect(await inspectToken(db, { token, purpose: 'password_reset' }, later(30 * 60 + 1))).toEqual({ status: 'invalid' });
    expect(await consumeToken(db, { token, purpose: 'password_reset' }, later(30 * 60 + 1))).toBeNull();
  });

  it('voids the older token when a new one is issued', async () => {
    const db = await getDb();
    const memberId = await newMember();
    const first = await issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, now);
    const other = await issueToken(db, { memberId, purpose: 'email_change', ttlMinutes: 30, payload: { newEmail: 'x@example.com' } }, now);
    const second = await issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, later(60));
    expect(await inspectToken(db, { token: first.token, purpose: 'password_reset' }, later(61))).toEqual({ status: 'invalid' });
    expect(await consumeToken(db, { token: first.token, purpose: 'password_reset' }, later(61))).toBeNull();
    expect(await inspectToken(db, { token: second.token, purpose: 'password_reset' }, later(61))).toMatchObject({ status: 'valid' });
    // Another purpose is left alone.
    expect(await inspectToken(db, { token: other.token, purpose: 'email_change' }, later(61))).toMatchObject({ status: 'valid' });
  });

  it('voids on request', async () => {
    const db = await getDb();
    const memberId = await newMember();
    const { token } = await issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, now);
    await voidTokens(db, { memberId, purpose: 'password_reset' }, later(1));
    expect(await inspectToken(db, { token, purpose: 'password_reset' }, later(2))).toEqual({ status: 'invalid' });
  });

  it('refuses a tampered, malformed or unknown token, and the wrong purpose', async () => {
    const db = await getDb();
    const memberId = await newMember();
    const { token } = await issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, now);
    for (const candidate of [tamper(token), token.slice(1), `${token}x`, '', 'not a token', 'A'.repeat(43)]) {
      expect(await inspectToken(db, { token: candidate, purpose: 'password_reset' }, now)).toEqual({ status: 'invalid' });
      expect(await consumeToken(db, { token: candidate, purpose: 'password_reset' }, now)).toBeNull();
    }
    expect(await inspectToken(db, { token, purpose: 'email_change' }, now)).toEqual({ status: 'invalid' });
    expect(await consumeToken(db, { token, purpose: 'email_change' }, now)).toBeNull();
    expect(await inspectToken(db, { token, purpose: 'password_reset' }, now)).toMatchObject({ status: 'valid' });
  });

  it('lets exactly one of five concurrent uses succeed', async () => {
    const db = await getDb();
    const memberId = await newMember();
    const { token } = await issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, now);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        db.transaction((tx) => consumeToken(tx, { token, purpose: 'password_reset' }, now)),
      ),
    );
    expect(results.filter((result) => result !== null)).toEqual([{ memberId, payload: null }]);
  });

  it('leaves exactly one live token after concurrent issues', async () => {
    const db = await getDb();
    const memberId = await newMember();
    const issued = await Promise.all(
      Array.from({ length: 5 }, () => issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, now)),
    );
    const states = await Promise.all(issued.map(({ token }) => inspectToken(db, { token, purpose: 'password_reset' }, now)));
    expect(states.filter((state) => state.status === 'valid')).toHaveLength(1);
  });

  it('works inside a caller’s transaction, and rolls back with it', async () => {
    const db = await getDb();
    const memberId = await newMember();
    let kept = '';
    await db
      .transaction(async (tx) => {
        kept = (await issueToken(tx, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, now)).token;
        tx.rollback();
      })
      .catch(() => {});
    expect(await inspectToken(db, { token: kept, purpose: 'password_reset' }, now)).toEqual({ status: 'invalid' });
  });

  it('stores the hash of the token, never the token', async () => {
    const db = await getDb();
    const memberId = await newMember();
    const { token } = await issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 30 }, now);
    const [row] = await db.select().from(authTokens).where(eq(authTokens.memberId, memberId));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.tokenHash).not.toBe(token);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('refuses a lifetime that is not a positive number of minutes', async () => {
    const db = await getDb();
    const memberId = await newMember();
    await expect(issueToken(db, { memberId, purpose: 'password_reset', ttlMinutes: 0 }, now)).rejects.toThrow(RangeError);
  });
});
