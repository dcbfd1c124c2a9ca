import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/dates';
import { endOfDayInstant } from '@/lib/dates';
import { expiryAfterRenewal, invoiceDates, membershipYearOf, reminderStepFor, renewalStage } from '@/lib/renewal/rules';

const today = '2026-11-23';
const full = (daysLeft: number | null) => ({ membershipExpiresOn: daysLeft === null ? null : addDays(today, daysLeft), renewableOnline: true });

describe('the renewal window', () => {
  it('opens exactly 60 days before expiry and stays open through the expiry day', () => {
    expect(renewalStage(full(61), today, 60)).toEqual({ stage: 'notYetOpen', opensOn: addDays(today, 1), expiresOn: addDays(today, 61) });
    for (const days of [60, 30, 7, 0]) expect(renewalStage(full(days), today, 60)).toEqual({ stage: 'open', expiresOn: addDays(today, days), daysLeft: days });
  });

  it('lets an expired member renew online', () => {
    expect(renewalStage(full(-1), today, 60)).toEqual({ stage: 'expired', expiredOn: addDays(today, -1) });
    expect(renewalStage(full(-900), today, 60).stage).toBe('expired');
  });

  it('follows the configured window', () => {
    expect(renewalStage(full(45), today, 30).stage).toBe('notYetOpen');
    expect(renewalStage(full(45), today, 45).stage).toBe('open');
  });

  it('sends categories the office renews, and records without a membership, to the office', () => {
    expect(renewalStage({ membershipExpiresOn: addDays(today, 10), renewableOnline: false }, today, 60)).toEqual({ stage: 'office', reason: 'category' });
    expect(renewalStage(full(null), today, 60)).toEqual({ stage: 'office', reason: 'noMembership' });
  });
});

describe('the new expiry date', () => {
  it('adds the term to the current expiry when paid before it, the expiry day included', () => {
    expect(expiryAfterRenewal('2026-12-14', '2026-11-23', 12)).toBe('2027-12-14');
    expect(expiryAfterRenewal('2026-11-23', '2026-11-23', 12)).toBe('2027-11-23');
  });

  it('counts the term from the payment date when the membership had expired', () => {
    expect(expiryAfterRenewal('2026-11-22', '2026-11-23', 12)).toBe('2027-11-23');
    expect(expiryAfterRenewal('2020-03-01', '2026-11-23', 12)).toBe('2027-11-23');
  });

  it('takes the term from the category (never a literal) and clamps month ends', () => {
    expect(expiryAfterRenewal('2027-02-28', '2027-01-10', 24)).toBe('2029-02-28');
    expect(expiryAfterRenewal('2028-02-29', '2028-01-10', 12)).toBe('2029-02-28');
  });

  it('names the membership year by the year the new term ends', () => {
    expect(membershipYearOf('2027-12-14')).toBe(2027);
  });
});

describe('reminder steps', () => {
  it('reaches issued, 30 days, 7 days and expiry day in turn, and stops after a short grace', () => {
    const steps = [61, 60, 31, 30, 8, 7, 1, 0, -1, -6, -7].map((days) => [days, reminderStepFor(days, 60)]);
    expect(steps).toEqual([
      [61, null], [60, 'issued'], [31, 'issued'], [30, 'd30'], [8, 'd30'], [7, 'd7'], [1, 'd7'], [0, 'd0'], [-1, 'd0'], [-6, 'd0'], [-7, null],
    ]);
  });
});

describe('invoice dates', () => {
  it('are due on the expiry day (today once expired) and payable for 30 more days', () => {
    expect(invoiceDates('2026-12-14', today)).toEqual({ issuedOn: today, dueOn: '2026-12-14', payableThrough: '2027-01-13' });
    expect(invoiceDates('2026-10-01', today)).toEqual({ issuedOn: today, dueOn: today, payableThrough: '2026-12-23' });
  });

  it('end at midnight in Ottawa, winter and summer', () => {
    expect(endOfDayInstant('2026-12-23').toISOString()).toBe('2026-12-24T04:59:59.999Z');
    expect(endOfDayInstant('2026-07-01').toISOString()).toBe('2026-07-02T03:59:59.999Z');
  });
});
