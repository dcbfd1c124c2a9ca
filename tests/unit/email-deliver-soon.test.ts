import { afterEach, describe, expect, it, vi } from 'vitest';

const after = vi.fn<(task: () => Promise<void>) => void>();
const deliverDueEmails = vi.fn();
vi.mock('next/server', () => ({ after }));
vi.mock('@/lib/email/deliver', () => ({ deliverDueEmails }));

async function loadWithKey(key: string) {
  vi.stubEnv('RESEND_API_KEY', key);
  vi.resetModules();
  return import('@/lib/email/deliver-soon');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.clearAllMocks();
});

describe('delivering after the response', () => {
  it('schedules a small delivery after the response when a key is set', async () => {
    const { deliverSoon } = await loadWithKey('re_test');
    deliverDueEmails.mockResolvedValue({ sent: 1, retried: 0, failed: 0 });

    deliverSoon();
    expect(after).toHaveBeenCalledTimes(1);
    expect(deliverDueEmails).not.toHaveBeenCalled();

    await after.mock.calls[0]![0]();
    expect(deliverDueEmails).toHaveBeenCalledWith({ limit: 10 });
  });

  it('never throws into the request when delivery fails', async () => {
    const { deliverSoon } = await loadWithKey('re_test');
    deliverDueEmails.mockRejectedValue(new Error('database unreachable'));
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});

    deliverSoon();
    await expect(after.mock.calls[0]![0]()).resolves.toBeUndefined();
    expect(log).toHaveBeenCalled();
  });

  it('does nothing without a key: emails wait in the outbox', async () => {
    const { deliverSoon } = await loadWithKey('');
    deliverSoon();
    expect(after).not.toHaveBeenCalled();
  });
});
