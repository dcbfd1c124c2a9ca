import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invoices } from '@/db/schema';
import { addDays, addMonths, todayIso } from '@/lib/dates';
import { ensureInvoice, loadRenewalMember } from '@/lib/renewal/invoices';
import { createMember } from '../support/members';
import { affiliationsOf, clearRenewals, emailsTo, expiryOf, invoiceById, paymentsFor } from '../support/renewal';

// env() reads process.env once, on first use: the webhook needs a key and its signing secret.
const webhookSecret = 'whsec_test_secret_for_the_webhook_tests';
process.env.STRIPE_SECRET_KEY = 'sk_test_webhook_tests_0123456789';
process.env.STRIPE_WEBHOOK_SECRET = webhookSecret;
delete process.env.STRIPE_API_BASE_URL;
delete process.env.RENEWAL_WINDOW_DAYS;
delete process.env.RESEND_API_KEY;

// Failures on demand, passing everything through otherwise: the database unreachable when fulfilment
// starts, or failing halfway through (after the membership was extended, before the receipt is queued).
const faults = vi.hoisted(() => ({ getDb: 0, enqueueEmail: 0 }));
vi.mock('@/db/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/db/client')>();
  return {
    ...actual,
    getDb: async () => {
      if (faults.getDb > 0) {
        faults.getDb -= 1;
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432 (simulated)');
      }
      return actual.getDb();
    },
  };
});
vi.mock('@/lib/email/outbox', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/email/outbox')>();
  return {
    ...actual,
    enqueueEmail: async (...args: Parameters<typeof actual.enqueueEmail>) => {
      if (faults.enqueueEmail > 0) {
        faults.enqueueEmail -= 1;
        throw new Error('connection terminated unexpectedly (simulated)');
      }
      return actual.enqueueEmail(...args);
    },
  };
});

const { POST } = await import('@/app/api/stripe/webhook/route');

const stripe = new Stripe('sk_test_only_for_signing');
const WEBHOOK_URL = 'http://localhost:3000/api/stripe/webhook';

beforeEach(async () => {
  faults.getDb = 0;
  faults.enqueueEmail = 0;
  await clearRenewals();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A member 30 days from expiry with an open invoice (group chosen), as after the renew page. */
async function memberWithInvoice() {
  const today = todayIso();
  const expiresOn = addDays(today, 30);
  const member = await createMember({ membershipExpiresOn: expiresOn, preferredLanguage: 'fr' });
  const db = await getDb();
  const renewal = await loadRenewalMember(db, member.id);
  const { invoice } = await ensureInvoice(db, { ...renewal!, membershipExpiresOn: expiresOn }, today);
  await db.update(invoices).set({ groupCode: 'DZ-QC-STJEAN' }).where(eq(invoices.id, invoice.id));
  return { member, invoice, expiresOn, renewedTo: addMonths(expiresOn, 12) };
}

type SessionFields = { invoiceId: string; amountTotal?: number; currency?: string; paymentIntent?: string; paymentStatus?: string; type?: string };

function eventPayload({ invoiceId, amountTotal = 11500, currency = 'cad', paymentIntent, paymentStatus = 'paid', type = 'checkout.session.completed' }: SessionFields): string {
  const sessionId = `cs_test_${randomBytes(12).toString('hex')}`;
  return JSON.stringify({
    id: `evt_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: '2025-10-29.clover',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        mode: 'payment',
        status: paymentStatus === 'paid' ? 'complete' : 'open',
        payment_status: paymentStatus,
        amount_total: amountTotal,
        currency,
        payment_intent: paymentIntent ?? `pi_${randomBytes(12).toString('hex')}`,
        client_reference_id: invoiceId,
        metadata: { invoiceId },
      },
    },
  });
}

function signed(payload: string, { secret = webhookSecret, timestamp }: { secret?: string; timestamp?: number } = {}): string {
  return stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });
}

function webhook(payload: string, signature: string | null): Request {
  return new Request(WEBHOOK_URL, { method: 'POST', body: payload, headers: signature ? { 'stripe-signature': signature } : {} });
}

async function deliver(payload: string, signature = signed(payload)) {
  const response = await POST(webhook(payload, signature));
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cacheControl: response.headers.get('cache-control') };
}

/** Nothing about the renewal has changed since `memberWithInvoice`. */
async function expectUnchanged({ member, invoice, expiresOn }: Awaited<ReturnType<typeof memberWithInvoice>>) {
  expect((await invoiceById(invoice.id)).status).toBe('open');
  expect(await expiryOf(member.id)).toBe(expiresOn);
  expect(await paymentsFor(invoice.id)).toEqual([]);
  expect(await emailsTo(member.id, 'renewal-receipt')).toEqual([]);
  expect(await affiliationsOf(member.id)).toEqual([]);
}

/** Paid exactly once: one payment, one extension, one receipt. */
async function expectRenewedOnce({ member, invoice, renewedTo }: Awaited<ReturnType<typeof memberWithInvoice>>, paymentIntent: string) {
  expect(await invoiceById(invoice.id)).toMatchObject({ status: 'paid', newExpiresOn: renewedTo });
  expect(await expiryOf(member.id)).toBe(renewedTo);
  expect((await paymentsFor(invoice.id)).map((row) => [row.provider, row.providerPaymentId, row.outcome])).toEqual([['stripe', paymentIntent, 'applied']]);
  expect(await emailsTo(member.id, 'renewal-receipt')).toHaveLength(1);
  expect(await affiliationsOf(member.id)).toEqual([expect.objectContaining({ groupCode: 'DZ-QC-STJEAN', membershipYear: Number(renewedTo.slice(0, 4)) })]);
}

describe('a signed checkout.session.completed event', () => {
  it('is acknowledged and renews the membership', async () => {
    const setup = await memberWithInvoice();
    const payload = eventPayload({ invoiceId: setup.invoice.id, paymentIntent: 'pi_valid_event' });

    expect(await deliver(payload)).toEqual({ status: 200, body: { received: true, outcome: 'applied' }, cacheControl: 'no-store' });
    await expectRenewedOnce(setup, 'pi_valid_event');
  });

  it('a delayed payment method renews when its async_payment_succeeded event arrives', async () => {
    const setup = await memberWithInvoice();
    const pending = eventPayload({ invoiceId: setup.invoice.id, paymentIntent: 'pi_debit', paymentStatus: 'unpaid' });
    expect((await deliver(pending)).status).toBe(200);
    await expectUnchanged(setup);

    const succeeded = eventPayload({ invoiceId: setup.invoice.id, paymentIntent: 'pi_debit', type: 'checkout.session.async_payment_succeeded' });
    expect(await deliver(succeeded)).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    await expectRenewedOnce(setup, 'pi_debit');
  });
});

describe('an event whose signature does not check out', () => {
  it.each([
    ['signed with another secret', (payload: string) => ({ body: payload, signature: signed(payload, { secret: 'whsec_someone_else' }) })],
    ['with a tampered body', (payload: string) => ({ body: payload.replace('"amount_total":11500', '"amount_total":100'), signature: signed(payload) })],
    ['without a signature', (payload: string) => ({ body: payload, signature: null })],
    ['with a garbage signature', (payload: string) => ({ body: payload, signature: 't=1,v1=deadbeef' })],
    ['signed too long ago (a replay)', (payload: string) => ({ body: payload, signature: signed(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 }) })],
  ])('%s is refused with 400 and changes nothing', async (_label, make) => {
    const setup = await memberWithInvoice();
    const { body, signature } = make(eventPayload({ invoiceId: setup.invoice.id, amountTotal: 11500 }));

    const response = await POST(webhook(body, signature));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid signature' });
    await expectUnchanged(setup);
  });
});

describe('the same event delivered several times', () => {
  it('five times in a row: all acknowledged, applied once', async () => {
    const setup = await memberWithInvoice();
    const payload = eventPayload({ invoiceId: setup.invoice.id, paymentIntent: 'pi_sequential' });
    const header = signed(payload);

    const outcomes: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const { status, body } = await deliver(payload, header);
      expect(status).toBe(200);
      outcomes.push(body.outcome);
    }

    expect(outcomes).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    await expectRenewedOnce(setup, 'pi_sequential');
  });

  // PGlite runs one transaction at a time, so only PostgreSQL makes these deliveries really overlap.
  it.skipIf(!process.env.TEST_DATABASE_URL)('five times at once: all acknowledged, applied once (PostgreSQL only: real concurrency)', async () => {
    const setup = await memberWithInvoice();
    const payload = eventPayload({ invoiceId: setup.invoice.id, paymentIntent: 'pi_concurrent' });
    const header = signed(payload);

    const results = await Promise.all(Array.from({ length: 5 }, () => deliver(payload, header)));

    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.filter((result) => result.body.outcome === 'applied')).toHaveLength(1);
    expect(results.filter((result) => result.body.outcome === 'duplicate')).toHaveLength(4);
    await expectRenewedOnce(setup, 'pi_concurrent');
  });
});

describe('events that must not renew', () => {
  it('a paid amount different from the invoice is acknowledged, recorded as a mismatch, and leaves the invoice open', async () => {
    const setup = await memberWithInvoice();
    const payload = eventPayload({ invoiceId: setup.invoice.id, amountTotal: 1150, paymentIntent: 'pi_short' });

    expect(await deliver(payload)).toMatchObject({ status: 200, body: { received: true, outcome: 'mismatch' } });

    expect((await paymentsFor(setup.invoice.id)).map((row) => [row.providerPaymentId, row.outcome, row.amountCents, row.detail])).toEqual([
      ['pi_short', 'mismatch', 1150, 'amount 1150 instead of 11500'],
    ]);
    expect((await invoiceById(setup.invoice.id)).status).toBe('open');
    expect(await expiryOf(setup.member.id)).toBe(setup.expiresOn);
    expect(await emailsTo(setup.member.id, 'renewal-receipt')).toEqual([]);
  });

  it('a paid currency different from the invoice is a mismatch too', async () => {
    const setup = await memberWithInvoice();
    expect(await deliver(eventPayload({ invoiceId: setup.invoice.id, currency: 'usd' }))).toMatchObject({ status: 200, body: { outcome: 'mismatch' } });
    expect((await invoiceById(setup.invoice.id)).status).toBe('open');
    expect(await expiryOf(setup.member.id)).toBe(setup.expiresOn);
  });

  it('an event type other than a completed checkout is acknowledged and ignored', async () => {
    const setup = await memberWithInvoice();
    for (const type of ['payment_intent.created', 'checkout.session.expired', 'checkout.session.async_payment_failed', 'charge.refunded']) {
      const response = await deliver(eventPayload({ invoiceId: setup.invoice.id, type }));
      expect(response).toEqual({ status: 200, body: { received: true, ignored: type }, cacheControl: 'no-store' });
    }
    await expectUnchanged(setup);
  });

  it('a completed session that is not paid yet changes nothing', async () => {
    const setup = await memberWithInvoice();
    for (const paymentStatus of ['unpaid', 'no_payment_required']) {
      const response = await deliver(eventPayload({ invoiceId: setup.invoice.id, paymentStatus }));
      expect(response).toMatchObject({ status: 200, body: { received: true, pending: expect.stringMatching(/^cs_test_/) } });
    }
    await expectUnchanged(setup);
  });
});

describe('when the database fails', () => {
  it('unreachable: answers 500 so Stripe retries, and the retry applies the payment once', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const setup = await memberWithInvoice();
    const payload = eventPayload({ invoiceId: setup.invoice.id, paymentIntent: 'pi_retried' });
    const header = signed(payload);

    faults.getDb = 1;
    const failed = await deliver(payload, header);
    expect(failed).toEqual({ status: 500, body: { error: 'temporarily unavailable' }, cacheControl: 'no-store' });
    expect(faults.getDb).toBe(0);
    expect(errors).toHaveBeenCalled();
    await expectUnchanged(setup);

    expect(await deliver(payload, header)).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    expect(await deliver(payload, header)).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    await expectRenewedOnce(setup, 'pi_retried');
  });

  it('failing halfway: nothing of the fulfilment is kept, and the retry applies it once', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const setup = await memberWithInvoice();
    const payload = eventPayload({ invoiceId: setup.invoice.id, paymentIntent: 'pi_halfway' });
    const header = signed(payload);

    faults.enqueueEmail = 1;
    expect((await deliver(payload, header)).status).toBe(500);
    expect(faults.enqueueEmail).toBe(0);
    // The membership update, the invoice, the payment row and the group ran before the failure: all rolled back.
    await expectUnchanged(setup);

    expect(await deliver(payload, header)).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    await expectRenewedOnce(setup, 'pi_halfway');
  });
});

