import { addDays, addMonths } from '@/lib/dates';

/**
 * The states of a rating, as data: the profile, the card and the verification page all read them from here.
 * A rating is valid through its expiry date. Lapsed ratings can be revalidated up to 5 years; after that
 * the course evaluation and written exam must be redone (CSPA's rule for Coach 1, applied to all here).
 */
export const RATING_STATES = [
  { code: 'current', valid: true, tone: 'good' },
  { code: 'due', valid: true, tone: 'warning', withinDays: 90 },
  { code: 'lapsed', valid: false, tone: 'bad', upToYears: 5 },
  { code: 'lapsedLong', valid: false, tone: 'bad' },
] as const;

export type RatingStateCode = (typeof RATING_STATES)[number]['code'];
export type RatingState = (typeof RATING_STATES)[number];

const dueWithinDays = RATING_STATES[1].withinDays;
const revalidableYears = RATING_STATES[2].upToYears;

export function ratingStateCode(expiresOn: string | null, today: string): RatingStateCode {
  if (!expiresOn) return 'current';
  if (expiresOn >= today) return expiresOn <= addDays(today, dueWithinDays) ? 'due' : 'current';
  return addMonths(expiresOn, 12 * revalidableYears) >= today ? 'lapsed' : 'lapsedLong';
}

export function ratingState(expiresOn: string | null, today: string): RatingState {
  const code = ratingStateCode(expiresOn, today);
  return RATING_STATES.find((state) => state.code === code)!;
}

/** Due and lapsed ratings get revalidation guidance; current ones need nothing. */
export function needsRevalidation(code: RatingStateCode): boolean {
  return code !== 'current';
}
