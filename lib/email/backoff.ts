/** After this many failed attempts (about two and a half days) an email is marked 'failed' and kept for a person to look at. */
export const MAX_ATTEMPTS = 10;

const MINUTE = 60_000;
const RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE];
const LONGEST_DELAY_MS = 720 * MINUTE;

/** Wait before the next try, given how many attempts have failed so far (1 after the first failure). */
export function retryDelayMs(failedAttempts: number): number {
  return RETRY_DELAYS_MS[Math.max(0, failedAttempts - 1)] ?? LONGEST_DELAY_MS;
}
