import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isValidIsoDate, todayIso } from '@/lib/dates';

describe('calendar dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months, clamping to the last day of shorter months', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-11-23', 12)).toBe('2027-11-23');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-11-23', '2026-12-23')).toBe(30);
    expect(daysBetween('2026-11-23', '2026-11-22')).toBe(-1);
  });

  it('knows today in the association’s time zone, not UTC', () => {
    // 02:00 UTC on 1 December is still 30 November in Toronto.
    expect(todayIso(new Date('2026-12-01T02:00:00Z'))).toBe('2026-11-30');
  });

  it('rejects impossible dates', () => {
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
  });
});
