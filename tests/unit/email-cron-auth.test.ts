import { describe, expect, it } from 'vitest';
import { isAuthorizedCronRequest } from '@/lib/email/cron-auth';

const secret = 'a-long-cron-secret-0123456789';

function requestWith(authorization?: string) {
  return new Request('http://localhost/api/cron/outbox', { headers: authorization ? { authorization } : {} });
}

describe('cron authorization', () => {
  it('accepts the bearer secret', () => {
    expect(isAuthorizedCronRequest(requestWith(`Bearer ${secret}`), secret)).toBe(true);
  });

  it('refuses a missing, wrong, truncated or differently shaped header', () => {
    expect(isAuthorizedCronRequest(requestWith(), secret)).toBe(false);
    expect(isAuthorizedCronRequest(requestWith('Bearer wrong'), secret)).toBe(false);
    expect(isAuthorizedCronRequest(requestWith(`Bearer ${secret.slice(0, -1)}`), secret)).toBe(false);
    expect(isAuthorizedCronRequest(requestWith(`Bearer ${secret}x`), secret)).toBe(false);
    expect(isAuthorizedCronRequest(requestWith(secret), secret)).toBe(false);
    expect(isAuthorizedCronRequest(requestWith(`Basic ${secret}`), secret)).toBe(false);
  });

  it('refuses everything when no secret is configured', () => {
    expect(isAuthorizedCronRequest(requestWith('Bearer undefined'), undefined)).toBe(false);
    expect(isAuthorizedCronRequest(requestWith('Bearer '), '')).toBe(false);
    expect(isAuthorizedCronRequest(requestWith(), undefined)).toBe(false);
  });
});
