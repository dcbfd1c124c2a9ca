import { describe, expect, it } from 'vitest';
import { BENCH_CSPA_START, BENCH_EMAIL_DOMAIN, benchMembers } from '@/db/seed/bench-data';
import { memberGroupRows } from '@/db/seed/reference-data';

const today = '2026-11-23';
const members = benchMembers(2000, today);

describe('bench members', () => {
  it('are the same people on every run', () => {
    expect(benchMembers(50, today)).toEqual(members.slice(0, 50));
  });

  it('have unique numbers, emails and card tokens, in their own range and domain', () => {
    expect(new Set(members.map((m) => m.cspaNumber)).size).toBe(members.length);
    expect(new Set(members.map((m) => m.email.toLowerCase())).size).toBe(members.length);
    const tokens = members.map((m) => m.cardToken).filter((t): t is string => t !== null);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every((t) => /^[A-Za-z0-9_-]{22}$/.test(t))).toBe(true);
    expect(members[0]!.cspaNumber).toBe(String(BENCH_CSPA_START));
    expect(members.every((m) => m.email.endsWith(`@${BENCH_EMAIL_DOMAIN}`) && /^[a-z.-]+\.\d+@/.test(m.email))).toBe(true);
  });

  it('live across the provinces, mostly in Quebec and Ontario, French mostly in Quebec', () => {
    const byProvince = new Map<string, typeof members>();
    for (const m of members) byProvince.set(m.province, [...(byProvince.get(m.province) ?? []), m]);
    expect(byProvince.size).toBeGreaterThanOrEqual(8);
    expect(byProvince.get('QC')!.length + byProvince.get('ON')!.length).toBeGreaterThan(members.length / 2);
    const quebecFrench = byProvince.get('QC')!.filter((m) => m.preferredLanguage === 'fr').length / byProvince.get('QC')!.length;
    expect(quebecFrench).toBeGreaterThan(0.7);
    expect(members.every((m) => /^[A-Z]\d[A-Z] \d[A-Z]\d$/.test(m.postalCode))).toBe(true);
  });

  it('hold certificates in order, ratings only from a B up, and groups of their own province', () => {
    const levels = ['SOLO', 'A', 'B', 'C', 'D'];
    for (const m of members) {
      expect(m.certificates.map((c) => c.code)).toEqual(levels.slice(0, m.certificates.length));
      if (m.ratings.length > 0) expect(m.certificates.length).toBeGreaterThanOrEqual(3);
      if (m.lastYearGroup) expect(memberGroupRows.find((g) => g.code === m.lastYearGroup)!.province).toBe(m.province);
    }
    expect(members.filter((m) => m.ratings.length > 0).length).toBeGreaterThan(members.length / 10);
  });

  it('leave one in ten without a password or a card, as members who never signed in', () => {
    expect(members.filter((m) => !m.hasPassword).length).toBe(members.length / 10);
    expect(members.filter((m) => !m.hasPassword).every((m) => m.cardToken === null)).toBe(true);
  });
});
