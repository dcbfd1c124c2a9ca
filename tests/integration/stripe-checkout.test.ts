import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, todayIso } from '@/lib/dates';
import { startInvoiceCheckout, startRenewalCheckout } from '@/lib/renewal/checkout';
import { readInvoiceLinkToken } from '@/lib/renewal/invoice-link';
import { createMember } from '../support/members';
import { FAKE_CHECKOUT_HOST, startFakeStripe } from '../support/fake-stripe';
import { clearRenewals, invoicesOf } from '../support/renewal';

// env() reads process.env once, on first use: point the real Stripe SDK at the fake before anything runs.
const fake = await startFakeStripe();
const secretKey = 'sk_test_checkout_tests_0123456789';
process.env.STRIPE_SECRET_KEY = secretKey;
process.env.STRIPE_WEBHOOK_SECRET = 'whsec_checkout_tests';
process.env.STRIPE_API_BASE_URL = fake.url;
delete process.env.RENEWAL_WINDOW_DAYS;

afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  await clearRenewals();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const choice = { groupCode: 'DZ-QC-STJEAN', declarationAccepted: true as const };

async function memberInWindow(preferredLanguage: 'fr' | 'en' = 'fr') {
  return createMember({ membershipExpiresOn: addDays(todayIso(), 30), preferredLanguage, email: `checkout-${Math.random().toString(36).slice(2)}@example.com` });
}

/** The invoice token in an URL of the invoice's pages: `…/{locale}/invoice/<token>[/…]`. */
function tokenIn(url: string): string {
  return /\/invoice\/([A-Za-z0-9_-]+)/.exec(url)![1]!;
}

describe('Stripe Checkout', () => {
  it('creates a session for the invoice, in French, and sends the member to its URL', async () => {
    const member = await memberInWindow('fr');

    const result = await startRenewalCheckout(member.id, choice, 'fr');

    const [invoice, ...more] = await invoicesOf(member.id);
    expect(more).toEqual([]);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/v1/checkout/sessions');
    expect(request!.headers.authorization).toBe(`Bearer ${secretKey}`);
    expect(request!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request!.params).toMatchObject({
      mode: 'payment',
      locale: 'fr-CA',
      customer_email: member.email,
      client_reference_id: invoice!.id,
      'metadata[invoiceId]': invoice!.id,
      'metadata[invoiceNumber]': invoice!.number,
      'metadata[cspaNumber]': member.cspaNumber,
      'payment_intent_data[metadata][invoiceId]': invoice!.id,
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'cad',
      'line_items[0][price_data][unit_amount]': '11500',
      'line_items[0][price_data][product_data][name]': expect.stringMatching(/^Cotisation \d{4} – Participant inscrit/),
    });
    expect(request!.params['line_items[1][quantity]']).toBeUndefined();

    const successUrl = request!.params.success_url!;
    const cancelUrl = new URL(request!.params.cancel_url!);
    expect(successUrl).toMatch(/^http:\/\/localhost:3000\/fr\/invoice\/[A-Za-z0-9_-]+\/paid\?session_id=\{CHECKOUT_SESSION_ID\}$/);
    expect(cancelUrl.origin + cancelUrl.pathname).toMatch(/^http:\/\/localhost:3000\/fr\/invoice\/[A-Za-z0-9_-]+$/);
    expect(cancelUrl.searchParams.get('cancelled')).toBe('1');
    expect(readInvoiceLinkToken(tokenIn(successUrl))?.invoiceId).toBe(invoice!.id);
    expect(readInvoiceLinkToken(tokenIn(cancelUrl.pathname))?.invoiceId).toBe(invoice!.id);
    // Stripe accepts a session expiry between 30 minutes and 24 hours ahead.
    const expiresIn = Number(request!.params.expires_at) - Date.now() / 1000;
    expect(expiresIn).toBeGreaterThan(30 * 60);
    expect(expiresIn).toBeLessThanOrEqual(24 * 60 * 60);

    expect(result).toEqual({ ok: true, redirectTo: `${FAKE_CHECKOUT_HOST}/c/pay/cs_test_fake_1` });
    expect(invoice).toMatchObject({ status: 'open', groupCode: 'DZ-QC-STJEAN' });
  });

  it('in English, asks Stripe for an English page and names the line in English', async () => {
    const member = await memberInWindow('en');

    const result = await startRenewalCheckout(member.id, choice, 'en');

    expect(result).toMatchObject({ ok: true, redirectTo: expect.stringMatching(new RegExp(`^${FAKE_CHECKOUT_HOST}/c/pay/cs_test_fake_\\d+$`)) });
    const [request] = fake.requests;
    expect(request!.params.locale).toBe('en');
    expect(request!.params['line_items[0][price_data][product_data][name]']).toMatch(/^\d{4} dues – Registered participant/);
    expect(request!.params.success_url).toMatch(/^http:\/\/localhost:3000\/en\/invoice\//);
  });

  it('never asks Stripe for a session for an invoice that cannot be paid', async () => {
    const outside = await createMember({ membershipExpiresOn: addDays(todayIso(), 61) });
    expect(await startRenewalCheckout(outside.id, choice, 'fr')).toEqual({ ok: false, code: 'notRenewable' });
    const member = await memberInWindow();
    await startRenewalCheckout(member.id, choice, 'fr');
    const [invoice] = await invoicesOf(member.id);
    fake.reset();
    expect(await startInvoiceCheckout(invoice!.id, { ...choice, groupCode: 'DZ-NOWHERE' }, 'fr')).toEqual({ ok: false, code: 'unknownGroup' });
    expect(fake.requests).toEqual([]);
  });

  it('when Stripe fails, answers paymentUnavailable and keeps the invoice open for another try', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const member = await memberInWindow();
    fake.replyNext({ status: 500, body: { error: { type: 'api_error', message: 'An unknown error occurred' } } });

    const result = await startRenewalCheckout(member.id, choice, 'fr');

    expect(result).toEqual({ ok: false, code: 'paymentUnavailable' });
    expect(fake.requests).toHaveLength(1);
    expect(errors).toHaveBeenCalled();
    const [invoice, ...more] = await invoicesOf(member.id);
    expect(more).toEqual([]);
    expect(invoice).toMatchObject({ status: 'open', groupCode: 'DZ-QC-STJEAN' });

    // The next try reuses the same invoice.
    expect(await startRenewalCheckout(member.id, choice, 'fr')).toMatchObject({ ok: true });
    expect(fake.requests[1]!.params['metadata[invoiceId]']).toBe(invoice!.id);
    expect(await invoicesOf(member.id)).toHaveLength(1);
  });

  it('a session returned without a URL is treated as unavailable', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const member = await memberInWindow();
    fake.replyNext({ status: 200, body: { id: 'cs_test_no_url', object: 'checkout.session', url: null } });
    expect(await startRenewalCheckout(member.id, choice, 'fr')).toEqual({ ok: false, code: 'paymentUnavailable' });
  });
});
