import { describe, expect, it } from 'vitest';
import { parseImportDate } from '@/lib/members/import/dates';

describe('parseImportDate', () => {
  it('reads YYYY-MM-DD', () => {
    expect(parseImportDate('2020-02-29')).toEqual({ ok: true, value: '2020-02-29' });
    expect(parseImportDate(' 1975-11-23 ')).toEqual({ ok: true, value: '1975-11-23' });
  });

  it('reads DD/MM/YYYY when the day cannot be a month, or equals it', () => {
    expect(parseImportDate('23/11/1975')).toEqual({ ok: true, value: '1975-11-23' });
    expect(parseImportDate('31/3/2027')).toEqual({ ok: true, value: '2027-03-31' });
    expect(parseImportDate('05/05/1990')).toEqual({ ok: true, value: '1990-05-05' });
  });

  it('rejects ambiguous day/month dates with a reason suggesting both readings', () => {
    const result = parseImportDate('03/04/2020');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toContain('ambiguous');
      expect(result.reason).toContain('2020-04-03');
      expect(result.reason).toContain('2020-03-04');
    }
  });

  it('rejects impossible dates', () => {
    expect(parseImportDate('31/02/2020')).toMatchObject({ ok: false, reason: expect.stringContaining('not a real date') });
    expect(parseImportDate('2021-02-29')).toMatchObject({ ok: false });
    expect(parseImportDate('2020-13-01')).toMatchObject({ ok: false });
    // A US-style date with a day above 12 is an impossible DD/MM/YYYY date.
    expect(parseImportDate('04/25/2020')).toMatchObject({ ok: false, reason: expect.stringContaining('DD/MM/YYYY') });
  });

  it('rejects other forms', () => {
    for (const value of ['20200229', '29.02.2020', '2020/02/29', 'Feb 29 2020', '29/02/20', '']) {
      expect(parseImportDate(value).ok, value).toBe(false);
    }
  });
});
