import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { deliverDueEmails } from '@/lib/email/deliver';
import { enqueueEmail, type EmailTemplate } from '@/lib/email/outbox';
import { startFakeResend } from '../support/fake-resend';

// env() reads process.env once, on first use (nothing above reads it while importing): configure it first.
const fake = await startFakeResend();
process.env.RESEND_API_KEY = 're_test_key';
process.env.RESEND_BASE_URL = fake.url;
process.env.MAIL_FROM = 'ACPS · CSPA <no-reply@test.cspa.ca>';

afterAll(() => fake.close());

const resetTemplate: EmailTemplate = {
  name: 'password-reset',
  props: { firstName: 'Sally', resetUrl: 'http://localhost:3000/fr/reset-password/tok_abc', expiresInMinutes: 60 },
};

async function enqueueReset(to = 'sally@example.ca') {
  const db = await getDb();
  return db.transaction((tx) => enqueueEmail(tx, { to, locale: 'fr', template: resetTemplate }));
}

async function outboxRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

beforeEach(async () => {
  fake.reset();
  await (await getDb()).delete(emailOutbox);
});

describe('delivering the outbox through Resend', () => {
  it('sends a pending email with its sender, recipient, subject, HTML, text and idempotency key', async () => {
    const { id } = await enqueueReset();
    const stored = await outboxRow(id);

    expect(await deliverDueEmails()).toEqual({ sent: 1, retried: 0, failed: 0 });

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/emails');
    expect(request!.headers.authorization).toBe('Bearer re_test_key');
    expect(request!.headers['idempotency-key']).toBe(`outbox-${id}`);
    expect(request!.body).toMatchObject({
      from: 'ACPS · CSPA <no-reply@test.cspa.ca>',
      to: 'sally@example.ca',
      subject: 'Votre lien pour choisir un mot de passe – ACPS',
      html: stored.html,
      text: stored.text,
    });
    expect(request!.body.html).toContain('http://localhost:3000/fr/reset-password/tok_abc');

    const sent = await outboxRow(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: 'fake-message-1', lockedUntil: null, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it('keeps an email the provider failed on, and retries it later with the same idempotency key', async () => {
    const { id } = await enqueueReset();
    fake.replyNext({ status: 500, body: { statusCode: 500, name: 'internal_server_error', message: 'Provider is down' } });

    expect(await deliverDueEmails()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const failed = await outboxRow(id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null });
    expect(failed.lastError).toContain('500');
    expect(failed.lastError).toContain('Provider is down');
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(minutesFromNow(0.9).getTime());

    // Not due yet: a run straight away sends nothing.
    expect(await deliverDueEmails()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(fake.requests).toHaveLength(1);

    expect(await deliverDueEmails({ now: minutesFromNow(2) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.headers['idempotency-key']).toBe(`outbox-${id}`);
    expect(fake.requests[1]!.headers['idempotency-key']).toBe(fake.requests[0]!.headers['idempotency-key']);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('waits longer after each failure: 1 min, then 5 min', async () => {
    const { id } = await enqueueReset();
    fake.replyNext({ status: 500 }, { status: 503 });
    await deliverDueEmails();
    const afterFirst = (await outboxRow(id)).nextAttemptAt.getTime();

    const retryAt = minutesFromNow(2);
    await deliverDueEmails({ now: retryAt });
    const second = await outboxRow(id);
    expect(second).toMatchObject({ status: 'pending', attempts: 2 });
    expect(second.nextAttemptAt.getTime()).toBe(retryAt.getTime() + 5 * 60_000);
    expect(second.nextAttemptAt.getTime()).toBeGreaterThan(afterFirst);
  });

  it('gives up after the tenth failed attempt and keeps the email as failed', async () => {
    const { id } = await enqueueReset();
    const db = await getDb();
    await db.update(emailOutbox).set({ attempts: 9 }).where(eq(emailOutbox.id, id));
    fake.replyNext({ status: 422, body: { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' } });

    expect(await deliverDueEmails()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: 'failed', attempts: 10 });
    expect(await deliverDueEmails({ now: minutesFromNow(24 * 60) })).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('sends each email once when two deliveries run at the same time', async () => {
    const ids = [];
    for (let i = 0; i < 12; i += 1) ids.push((await enqueueReset(`member${i}@example.ca`)).id);
    fake.setDelay(15);

    const results = await Promise.all([deliverDueEmails({ limit: 8 }), deliverDueEmails({ limit: 8 })]);

    expect(results[0].sent + results[1].sent).toBe(12);
    expect(results.every((result) => result.sent > 0)).toBe(true);
    const keys = fake.requests.map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(12);
    expect(new Set(keys)).toEqual(new Set(ids.map((id) => `outbox-${id}`)));
    const db = await getDb();
    const rows = await db.select({ status: emailOutbox.status, attempts: emailOutbox.attempts }).from(emailOutbox);
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });

  it('does not claim an email another delivery holds', async () => {
    const { id } = await enqueueReset();
    const db = await getDb();
    await db.update(emailOutbox).set({ lockedUntil: minutesFromNow(1) }).where(eq(emailOutbox.id, id));

    expect(await deliverDueEmails()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(fake.requests).toHaveLength(0);
    // A holder that died: once its claim expires, the email is sent.
    expect(await deliverDueEmails({ now: minutesFromNow(1.5) })).toEqual({ sent: 1, retried: 0, failed: 0 });
  });

  it('sends nothing without RESEND_API_KEY, leaving the email for the dev mailbox', async () => {
    const { id } = await enqueueReset();
    vi.stubEnv('RESEND_API_KEY', '');
    vi.resetModules();
    try {
      const local = await import('@/lib/email/deliver');
      expect(await local.deliverDueEmails()).toEqual({ sent: 0, retried: 0, failed: 0 });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
    expect(fake.requests).toHaveLength(0);
    expect(await outboxRow(id)).toMatchObject({ status: 'pending', attempts: 0, lockedUntil: null });
  });
});

describe('enqueueing in the caller’s transaction', () => {
  it('leaves no email when the transaction rolls back', async () => {
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await enqueueEmail(tx, { to: 'sally@example.ca', locale: 'fr', template: resetTemplate });
        throw new Error('the change was refused');
      }),
    ).rejects.toThrow('the change was refused');

    expect(await db.select().from(emailOutbox)).toHaveLength(0);
    expect(await deliverDueEmails()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(fake.requests).toHaveLength(0);
  });

  it('stores the email rendered in the recipient’s language when the transaction commits', async () => {
    const db = await getDb();
    const { id } = await db.transaction((tx) =>
      enqueueEmail(tx, {
        to: ' pat@example.ca ',
        locale: 'en',
        template: { name: 'username-reminder', props: { firstName: 'Pat', username: '12345', signInUrl: 'http://localhost:3000/en/login' } },
      }),
    );
    const row = await outboxRow(id);
    expect(row).toMatchObject({ toAddress: 'pat@example.ca', locale: 'en', template: 'username-reminder', subject: 'Your username – CSPA', status: 'pending', attempts: 0 });
    expect(row.html).toContain('lang="en"');
    expect(row.text).toContain('12345');
  });
});
