import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs } from '@/lib/email/backoff';

const minutes = (n: number) => n * 60_000;

describe('retry delays', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 6 h, then 12 h', () => {
    const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, index) => retryDelayMs(index + 1));
    expect(delays).toEqual([
      minutes(1), minutes(5), minutes(30), minutes(120), minutes(360),
      minutes(720), minutes(720), minutes(720), minutes(720),
    ]);
  });

  it('gives up after ten attempts', () => {
    expect(MAX_ATTEMPTS).toBe(10);
  });
});
