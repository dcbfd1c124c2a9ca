import 'server-only';
import Stripe from 'stripe';
import { env } from '@/lib/env';

/**
 * The Stripe client, or null when STRIPE_SECRET_KEY is unset (local use: the demo payment page
 * stands in for Checkout). STRIPE_API_BASE_URL points it at the tests' fake server.
 */
let cached: { key: string; client: Stripe } | undefined;

export function stripeClient(): Stripe | null {
  const config = env().stripe;
  if (!config) return null;
  const cacheKey = `${config.secretKey}\u0000${config.apiBaseUrl ?? ''}`;
  if (cached?.key !== cacheKey) {
    const base = config.apiBaseUrl ? new URL(config.apiBaseUrl) : null;
    const client = new Stripe(config.secretKey, {
      ...(base ? { host: base.hostname, port: base.port || (base.protocol === 'https:' ? 443 : 80), protocol: base.protocol.replace(':', '') as 'http' | 'https' } : {}),
      maxNetworkRetries: base ? 0 : 2,
      timeout: 15_000,
      appInfo: { name: 'cspa-member-portal' },
    });
    cached = { key: cacheKey, client };
  }
  return cached.client;
}

export type CheckoutRequest = {
  invoiceId: string;
  invoiceNumber: string;
  cspaNumber: string;
  email: string;
  locale: 'fr' | 'en';
  currency: string;
  lines: { description: string; quantity: number; unitCents: number }[];
  successUrl: string;
  cancelUrl: string;
};

/** A Checkout session for one invoice; the invoice id travels in metadata and comes back in the webhook. */
export async function createCheckoutSession(stripe: Stripe, request: CheckoutRequest): Promise<string> {
  const metadata = { invoiceId: request.invoiceId, invoiceNumber: request.invoiceNumber, cspaNumber: request.cspaNumber };
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    locale: request.locale === 'fr' ? 'fr-CA' : 'en',
    customer_email: request.email,
    client_reference_id: request.invoiceId,
    metadata,
    payment_intent_data: { metadata, description: `ACPS · CSPA ${request.invoiceNumber}` },
    line_items: request.lines.map((line) => ({
      quantity: line.quantity,
      price_data: { currency: request.currency.toLowerCase(), unit_amount: line.unitCents, product_data: { name: line.description } },
    })),
    // Stripe fills in the session id; the success page only reads it to say which payment it waits for.
    success_url: `${request.successUrl}?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: request.cancelUrl,
    expires_at: Math.floor(Date.now() / 1000) + 2 * 60 * 60,
  });
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
  return session.url;
}

/** The verified event, or null when the signature does not match this body (or the secret is not configured). */
export function verifiedWebhookEvent(stripe: Stripe, rawBody: string, signature: string | null): Stripe.Event | null {
  const secret = env().stripe?.webhookSecret;
  if (!secret || !signature) return null;
  try {
    return stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) return null;
    throw error;
  }
}
