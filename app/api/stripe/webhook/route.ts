import type Stripe from 'stripe';
import { stripeClient, verifiedWebhookEvent } from '@/lib/payments/stripe';
import { fulfilPayment } from '@/lib/renewal/fulfil';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * Stripe's webhook. The signature is checked on the raw body, before anything is parsed. Any failure
 * after that (the database is down) answers 500, so Stripe delivers the event again later; the
 * fulfilment is keyed by the payment's id, so a retry, a duplicate or a late delivery applies it once.
 */
export async function POST(request: Request) {
  const stripe = stripeClient();
  if (!stripe) return Response.json({ error: 'payments are not configured' }, { status: 404, headers: noStore });
  const rawBody = await request.text();
  const event = verifiedWebhookEvent(stripe, rawBody, request.headers.get('stripe-signature'));
  if (!event) return Response.json({ error: 'invalid signature' }, { status: 400, headers: noStore });

  if (event.type !== 'checkout.session.completed' && event.type !== 'checkout.session.async_payment_succeeded') {
    return Response.json({ received: true, ignored: event.type }, { headers: noStore });
  }
  const session = event.data.object as Stripe.Checkout.Session;
  // A delayed method (a bank debit) completes the session unpaid; its async_payment_succeeded event follows.
  if (session.payment_status !== 'paid') return Response.json({ received: true, pending: session.id }, { headers: noStore });

  try {
    const paymentIntent = typeof session.payment_intent === 'string' ? session.payment_intent : session.payment_intent?.id;
    const result = await fulfilPayment({
      provider: 'stripe',
      providerPaymentId: paymentIntent ?? session.id,
      invoiceId: session.metadata?.invoiceId ?? session.client_reference_id ?? null,
      amountCents: session.amount_total ?? 0,
      currency: session.currency ?? '',
      paidAt: new Date(event.created * 1000),
    });
    return Response.json({ received: true, outcome: result.outcome }, { headers: noStore });
  } catch (error) {
    console.error('Stripe webhook could not be fulfilled; Stripe will retry', error);
    return Response.json({ error: 'temporarily unavailable' }, { status: 500, headers: noStore });
  }
}
