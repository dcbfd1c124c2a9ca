import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { GET } from '@/app/api/cron/outbox/route';
import { startFakeResend } from '../support/fake-resend';

// env() reads process.env once, on first use: configure it before any test runs.
const fake = await startFakeResend();
const cronSecret = 'cron-secret-for-tests-0123456789';
process.env.RESEND_API_KEY = 're_test_key';
process.env.RESEND_BASE_URL = fake.url;
process.env.CRON_SECRET = cronSecret;

afterAll(() => fake.close());

beforeEach(async () => {
  fake.reset();
  const db = await getDb();
  await db.delete(emailOutbox);
  await enqueueEmail(db, {
    to: 'sally@example.ca',
    locale: 'fr',
    template: { name: 'password-changed', props: { firstName: 'Sally', signInUrl: 'http://localhost:3000/fr/login', resetUrl: 'http://localhost:3000/fr/forgot-password' } },
  });
});

const cronRequest = (authorization?: string) =>
  new Request('http://localhost:3000/api/cron/outbox', { headers: authorization ? { authorization } : {} });

describe('the outbox cron route', () => {
  it('refuses a call without the secret, and sends nothing', async () => {
    for (const request of [cronRequest(), cronRequest('Bearer wrong'), cronRequest(cronSecret)]) {
      const response = await GET(request);
      expect(response.status).toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('delivers due emails for Vercel Cron and answers the counts', async () => {
    const response = await GET(cronRequest(`Bearer ${cronSecret}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);
  });
});
