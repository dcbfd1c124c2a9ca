import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { memberCertificates, memberRatings } from '@/db/schema';
import { countAddressEvent, isAddressUnderLimit } from '@/lib/auth/throttle';
import { ensureCardToken, rotateCardToken } from '@/lib/card/card-token';
import { loadCardData, verifyCard } from '@/lib/card/member-card';
import type { CurrentMember } from '@/lib/auth/current-member';
import { createMember } from '../support/members';
import { extractPdfText } from '../support/pdf-text';

const session = vi.hoisted(() => ({ member: null as CurrentMember | null }));
vi.mock('@/lib/auth/current-member', () => ({ getCurrentMember: async () => session.member }));

const { GET } = await import('@/app/[locale]/(portal)/account/card/route');

function asCurrent(member: Awaited<ReturnType<typeof createMember>>): CurrentMember {
  return { ...member, sessionId: 'test-session' } as CurrentMember;
}

function cardRequest(query = '') {
  return new NextRequest(`http://localhost:3000/fr/account/card${query}`);
}

beforeEach(() => {
  session.member = null;
});

describe('the card route', () => {
  it('sends a signed-out visitor to sign-in, and back to the card afterwards', async () => {
    const response = await GET(cardRequest('?view=inline'), { params: Promise.resolve({ locale: 'fr' }) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('http://localhost:3000/fr/login?next=%2Faccount%2Fcard%3Fview%3Dinline');
  });

  it('streams the member’s own card as a private PDF download named after the number and year', async () => {
    const member = await createMember({ cspaNumber: '0012345', membershipExpiresOn: '2027-06-30' });
    session.member = asCurrent(member);
    const response = await GET(cardRequest(), { params: Promise.resolve({ locale: 'fr' }) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="CSPA-ACPS-0012345-2027.pdf"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.body).toBeInstanceOf(ReadableStream);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const [front] = await extractPdfText(bytes);
    expect(front).toContain('0012345');
  });

  it('opens inline with ?view=inline', async () => {
    session.member = asCurrent(await createMember());
    const response = await GET(cardRequest('?view=inline'), { params: Promise.resolve({ locale: 'en' }) });
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="CSPA-ACPS-\d+-\d{4}\.pdf"$/);
  });

  it('never gives another member’s card, whatever the request names', async () => {
    const me = await createMember({ firstName: 'Moi', lastName: 'Même' });
    const other = await createMember({ firstName: 'Autre', lastName: 'Personne' });
    session.member = asCurrent(me);
    const query = `?memberId=${other.id}&cspaNumber=${other.cspaNumber}&id=${other.id}&member=${other.cspaNumber}`;
    const response = await GET(cardRequest(query), { params: Promise.resolve({ locale: 'fr' }) });
    const [front] = await extractPdfText(new Uint8Array(await response.arrayBuffer()));
    expect(front).toContain(me.cspaNumber);
    expect(front).not.toContain(other.cspaNumber);
    expect(front).not.toContain('Autre');
  });

  it('refuses an unknown locale', async () => {
    session.member = asCurrent(await createMember());
    const response = await GET(cardRequest(), { params: Promise.resolve({ locale: 'de' }) });
    expect(response.status).toBe(404);
  });
});

describe('card verification', () => {
  it('shows the state as of now, and nothing personal beyond name and number', async () => {
    const member = await createMember({ membershipExpiresOn: '2026-12-31', phone: '+15145550000', dateOfBirth: '1990-01-01' });
    const card = await loadCardData(member.id, '2026-11-23');
    const token = card!.verificationUrl.split('/verify/')[1]!;
    expect(card!.verificationUrl).toBe(`http://localhost:3000/verify/${token}`);
    const now = await verifyCard(token, '2026-11-23');
    expect(now).toMatchObject({ cspaNumber: member.cspaNumber, membershipValid: true });
    expect(Object.keys(now!).sort()).toEqual(['cspaNumber', 'firstName', 'lastName', 'membershipExpiresOn', 'membershipValid', 'ratings']);
    expect((await verifyCard(token, '2027-01-01'))!.membershipValid).toBe(false);
  });

  it('prints the highest certificate, and the ratings in the association’s order with their state', async () => {
    const member = await createMember({ membershipExpiresOn: '2027-06-30' });
    const db = await getDb();
    await db.insert(memberCertificates).values([
      { memberId: member.id, certificateCode: 'SOLO', earnedOn: '2019-05-01' },
      { memberId: member.id, certificateCode: 'B', earnedOn: '2022-05-01' },
      { memberId: member.id, certificateCode: 'A', earnedOn: '2020-05-01' },
    ]);
    await db.insert(memberRatings).values([
      { memberId: member.id, ratingCode: 'JM', issuedOn: '2021-01-01', expiresOn: '2026-01-31' },
      { memberId: member.id, ratingCode: 'C1', issuedOn: '2021-01-01', expiresOn: '2027-03-31' },
      { memberId: member.id, ratingCode: 'RA', issuedOn: '2021-01-01', expiresOn: null },
    ]);
    const card = await loadCardData(member.id, '2026-11-23');
    expect(card!.highestCertificate).toEqual({ fr: 'Brevet B', en: 'B certificate' });
    expect(card!.ratings.map((r) => [r.en, r.expiresOn, r.state])).toEqual([
      ['Coach 1', '2027-03-31', 'current'],
      ['Jump Master', '2026-01-31', expect.any(String)],
      ['Rigger A', null, expect.any(String)],
    ]);
    expect(card!.ratings[1]!.state).not.toBe('current');
    expect(card!.category).toEqual({ fr: 'Participant inscrit – adhésion complète', en: 'Registered participant – full membership' });
  });

  it('prints no certificate and no ratings for a member who has none', async () => {
    const card = await loadCardData((await createMember()).id, '2026-11-23');
    expect(card!.highestCertificate).toBeNull();
    expect(card!.ratings).toEqual([]);
  });

  it('uses a 128-bit random token per member, stable until rotated, and rotation voids old cards', async () => {
    const member = await createMember();
    const db = await getDb();
    const first = await ensureCardToken(db, member.id);
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await ensureCardToken(db, member.id)).toBe(first);
    const second = await rotateCardToken(db, member.id, { memberId: member.id, label: 'member' });
    expect(second).not.toBe(first);
    expect(await verifyCard(first)).toBeNull();
    expect(await verifyCard(second)).not.toBeNull();
  });

  it('gives nothing for unknown or malformed tokens', async () => {
    expect(await verifyCard('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
    expect(await verifyCard("' OR 1=1 --")).toBeNull();
  });

  it('limits unknown look-ups per address', async () => {
    const db = await getDb();
    const rule = { scope: 'verify-test', limit: 3, windowSeconds: 3600 };
    const now = new Date('2026-11-23T10:00:00Z');
    for (let i = 0; i < 3; i += 1) {
      expect(await isAddressUnderLimit(db, rule, '203.0.113.9', now)).toBe(true);
      await countAddressEvent(db, rule, '203.0.113.9', now);
    }
    expect(await isAddressUnderLimit(db, rule, '203.0.113.9', now)).toBe(false);
    expect(await isAddressUnderLimit(db, rule, '203.0.113.10', now)).toBe(true);
    expect(await isAddressUnderLimit(db, rule, '203.0.113.9', new Date(now.getTime() + 3600_000))).toBe(true);
  });
});
