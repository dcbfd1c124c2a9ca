import { addDays, addMonths, daysBetween } from '@/lib/dates';

/**
 * The renewal rules, as pure functions of dates and the category row: no amount or duration is
 * written here. Dates are ISO calendar days; a membership is valid through its expiry day.
 */

export type RenewalStage =
  /** Online renewal is not possible: the office renews (category), or there is no membership to renew. */
  | { stage: 'office'; reason: 'category' | 'noMembership' }
  | { stage: 'notYetOpen'; opensOn: string; expiresOn: string }
  | { stage: 'open'; expiresOn: string; daysLeft: number }
  | { stage: 'expired'; expiredOn: string };

export type RenewalSubject = { membershipExpiresOn: string | null; renewableOnline: boolean };

export function renewalStage(subject: RenewalSubject, today: string, windowDays: number): RenewalStage {
  if (!subject.renewableOnline) return { stage: 'office', reason: 'category' };
  const expiresOn = subject.membershipExpiresOn;
  if (!expiresOn) return { stage: 'office', reason: 'noMembership' };
  const daysLeft = daysBetween(today, expiresOn);
  if (daysLeft < 0) return { stage: 'expired', expiredOn: expiresOn };
  if (daysLeft > windowDays) return { stage: 'notYetOpen', opensOn: addDays(expiresOn, -windowDays), expiresOn };
  return { stage: 'open', expiresOn, daysLeft };
}

export function canRenewOnline(stage: RenewalStage): stage is Extract<RenewalStage, { stage: 'open' | 'expired' }> {
  return stage.stage === 'open' || stage.stage === 'expired';
}

/** Renewed before expiry: the term follows on. Renewed after: it starts the day of payment. */
export function expiryAfterRenewal(currentExpiresOn: string, paidOn: string, termMonths: number): string {
  return currentExpiresOn >= paidOn ? addMonths(currentExpiresOn, termMonths) : addMonths(paidOn, termMonths);
}

/** A membership year is named by the year its term ends: a term running to 14 December 2027 is 2027's. */
export function membershipYearOf(newExpiresOn: string): number {
  return Number(newExpiresOn.slice(0, 4));
}

export type ReminderStep = 'issued' | 'd30' | 'd7' | 'd0';

/** The steps in the order they go out; each is sent at most once per invoice. */
export const REMINDER_STEPS: readonly ReminderStep[] = ['issued', 'd30', 'd7', 'd0'];

/** How late the job may be and still send the expiry-day email (a missed daily run must not skip it). */
export const EXPIRY_NOTICE_GRACE_DAYS = 6;

/**
 * The latest email step reached `daysLeft` days before expiry, or null when no email should go
 * (outside the window, or expired for more than the grace period: the job then stops writing).
 */
export function reminderStepFor(daysLeft: number, windowDays: number): ReminderStep | null {
  if (daysLeft > windowDays || daysLeft < -EXPIRY_NOTICE_GRACE_DAYS) return null;
  if (daysLeft <= 0) return 'd0';
  if (daysLeft <= 7) return 'd7';
  if (daysLeft <= 30) return 'd30';
  return 'issued';
}

/** Invoices are due on the expiry day (today when already expired), and payable for 30 days after. */
export const PAYABLE_DAYS_AFTER_DUE = 30;

export function invoiceDates(renewsExpiryOn: string, today: string): { issuedOn: string; dueOn: string; payableThrough: string } {
  const dueOn = renewsExpiryOn >= today ? renewsExpiryOn : today;
  return { issuedOn: today, dueOn, payableThrough: addDays(dueOn, PAYABLE_DAYS_AFTER_DUE) };
}
