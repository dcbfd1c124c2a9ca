import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { authenticate } from '@/lib/auth/authenticate';
import { changePassword } from '@/lib/auth/change-password';
import * as passwordHash from '@/lib/auth/password-hash';
import { requestEmailChange } from '@/lib/members/email-change';
import { createMember } from '../support/members';

/**
 * The limiter runs before any hashing: a throttled attempt costs the server no argon2 work, so a flood of
 * attempts cannot be turned into a CPU denial of service. Every password check is spied on: sign-in,
 * password change and email change, throttled by identifier (from 50 addresses) and by address (50 accounts).
 */

vi.mock('@/lib/auth/password-hash', { spy: true });

const PASSWORD = 'huit pommes rouges sur la table du chalet';
const WRONG = 'pas le bon mot de passe du tout';
const now = new Date('2026-11-23T15:00:00Z');

function hashingCalls(): number {
  return vi.mocked(passwordHash.verifyPassword).mock.calls.length + vi.mocked(passwordHash.hashPassword).mock.calls.length;
}

beforeEach(() => {
  vi.mocked(passwordHash.verifyPassword).mockClear();
  vi.mocked(passwordHash.hashPassword).mockClear();
});

describe('no hash is computed for a throttled attempt', () => {
  it('sign-in: one account tried from 50 addresses', async () => {
    const member = await createMember({ password: PASSWORD });
    const db = await getDb();
    vi.mocked(passwordHash.hashPassword).mockClear();
    const outcomes: string[] = [];
    for (let i = 1; i <= 50; i += 1) {
      const before = hashingCalls();
      const result = await authenticate(db, { identifier: member.email, password: WRONG, ip: `203.0.113.${i}` }, now);
      outcomes.push(result.ok ? 'ok' : result.reason);
      // A throttled attempt did no hashing at all; an allowed one verified exactly one hash.
      expect(hashingCalls() - before, `attempt ${i}`).toBe(result.ok || result.reason !== 'throttled' ? 1 : 0);
    }
    expect(outcomes.filter((outcome) => outcome === 'invalid')).toHaveLength(5);
    expect(outcomes.slice(5).every((outcome) => outcome === 'throttled')).toBe(true);
    // Even the right password, while the wait lasts.
    const before = hashingCalls();
    // (Counted per identifier as typed, case and spaces aside: the CSPA number has its own count, or the throttle
    // would tell which number goes with which email.)
    for (const identifier of [member.email, ` ${member.email.toUpperCase()} `]) {
      expect(await authenticate(db, { identifier, password: PASSWORD, ip: '198.51.100.9' }, now)).toMatchObject({ reason: 'throttled' });
    }
    expect(hashingCalls()).toBe(before);
  });

  it('sign-in: one address trying 50 accounts', async () => {
    const db = await getDb();
    const ip = '2001:db8:99::1';
    for (let i = 1; i <= 50; i += 1) await authenticate(db, { identifier: `nobody${i}@example.com`, password: WRONG, ip }, now);
    vi.mocked(passwordHash.verifyPassword).mockClear();
    const member = await createMember({ password: PASSWORD });
    vi.mocked(passwordHash.hashPassword).mockClear();
    // Same /64, another account, the right password: blocked, and nothing hashed.
    expect(await authenticate(db, { identifier: member.email, password: PASSWORD, ip: '2001:db8:99::abcd' }, now)).toMatchObject({ reason: 'throttled' });
    expect(hashingCalls()).toBe(0);
  });

  it('password change and email change, from a session, once the account is throttled', async () => {
    const member = await createMember({ password: PASSWORD });
    const db = await getDb();
    for (let i = 1; i <= 5; i += 1) await authenticate(db, { identifier: member.email, password: WRONG, ip: `192.0.2.${i}` }, now);
    vi.mocked(passwordHash.verifyPassword).mockClear();
    vi.mocked(passwordHash.hashPassword).mockClear();

    const change = await changePassword(
      db,
      { memberId: member.id, currentPassword: PASSWORD, newPassword: 'neuf pommes jaunes sous la table', confirmation: 'neuf pommes jaunes sous la table', ip: '192.0.2.77' },
      now,
    );
    expect(change).toMatchObject({ ok: false, error: 'throttled' });
    const email = await requestEmailChange(db, { memberId: member.id, newEmail: 'elsewhere@example.com', currentPassword: PASSWORD, ip: '192.0.2.78' }, now);
    expect(email).toMatchObject({ ok: false, error: 'throttled' });
    expect(hashingCalls()).toBe(0);
  });
});
