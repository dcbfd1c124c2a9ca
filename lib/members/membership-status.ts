import { daysBetween } from '@/lib/dates';

/** Members are warned in the last 30 days before their membership expires. */
export const EXPIRING_SOON_DAYS = 30;

export type MembershipStatus =
  | { state: 'none' }
  | { state: 'current'; expiresOn: string }
  | { state: 'expiringSoon'; expiresOn: string; daysLeft: number }
  | { state: 'expired'; expiredOn: string };

export function membershipStatus(expiresOn: string | null, today: string): MembershipStatus {
  if (!expiresOn) return { state: 'none' };
  const daysLeft = daysBetween(today, expiresOn);
  // Valid through its expiry date: it expires at the end of that day.
  if (daysLeft < 0) return { state: 'expired', expiredOn: expiresOn };
  if (daysLeft <= EXPIRING_SOON_DAYS) return { state: 'expiringSoon', expiresOn, daysLeft };
  return { state: 'current', expiresOn };
}
