import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RATING_STATES, ratingState, ratingStateCode } from '@/lib/ratings/states';
import { addDays } from '@/lib/dates';

const today = '2026-11-23';

describe('rating states', () => {
  it('is current with no expiry, or more than 90 days ahead', () => {
    expect(ratingStateCode(null, today)).toBe('current');
    expect(ratingStateCode(addDays(today, 91), today)).toBe('current');
  });

  it('is due within 90 days, including the expiry day itself', () => {
    expect(ratingStateCode(addDays(today, 90), today)).toBe('due');
    expect(ratingStateCode(today, today)).toBe('due');
  });

  it('lapses the day after expiry, and for good after 5 years', () => {
    expect(ratingStateCode(addDays(today, -1), today)).toBe('lapsed');
    expect(ratingStateCode('2021-11-23', today)).toBe('lapsed');
    expect(ratingStateCode('2021-11-22', today)).toBe('lapsedLong');
  });

  it('says which states are valid', () => {
    expect(ratingState(addDays(today, 10), today).valid).toBe(true);
    expect(ratingState(addDays(today, -10), today).valid).toBe(false);
  });

  it('gives every date one of the defined states, later expiries never worse', () => {
    const order = RATING_STATES.map((state) => state.code);
    fc.assert(
      fc.property(fc.integer({ min: -4000, max: 4000 }), fc.integer({ min: 0, max: 400 }), (offset, later) => {
        const earlier = ratingStateCode(addDays(today, offset), today);
        const laterState = ratingStateCode(addDays(today, offset + later), today);
        const rank = (code: string) => (code === 'current' ? 0 : order.indexOf(code as never));
        return order.includes(earlier) && rank(laterState) <= rank(earlier);
      }),
      { numRuns: 2000 },
    );
  });
});
