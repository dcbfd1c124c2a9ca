'use server';

import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireMember } from '@/lib/auth/current-member';
import { deliverSoon } from '@/lib/email/deliver-soon';
import { fieldErrorsFrom, textValues, type FormState } from '@/lib/forms';
import { isLocale, type Locale } from '@/lib/i18n/routing';
import { stripeClient } from '@/lib/payments/stripe';
import { invoicePagePath, startInvoiceCheckout, startRenewalCheckout, type CheckoutStart } from '../checkout';
import { fulfilPayment } from '../fulfil';
import { findInvoiceById } from '../invoices';
import { readInvoiceLinkToken } from '../invoice-link';

// Every exported function of a 'use server' file is a public endpoint. The member renewed is the
// signed-in one, or the one a signed invoice link names; no id, amount or date is read from the form.

const RENEW_FIELDS = ['groupCode', 'declaration'] as const;
type RenewField = (typeof RENEW_FIELDS)[number];
export type RenewFormState = FormState<RenewField>;
export type DemoPaymentState = FormState<never>;

const renewSchema = z.object({
  groupCode: z.string({ message: 'groupRequired' }).trim().min(1, 'groupRequired').max(64, 'unknownGroup'),
  declaration: z.literal('on', { message: 'declarationRequired' }),
});

async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : 'fr';
}

function choiceFrom(formData: FormData) {
  return renewSchema.safeParse({ groupCode: formData.get('groupCode') ?? undefined, declaration: formData.get('declaration') ?? undefined });
}

function settle(result: CheckoutStart, values: Partial<Record<RenewField, string>>): RenewFormState {
  if (result.ok) redirect(result.redirectTo);
  return { status: 'error', formError: { code: result.code }, values };
}

/** The renew page, signed in: proceeds to payment for the member's current term. */
export async function renewMembershipAction(_previous: RenewFormState, formData: FormData): Promise<RenewFormState> {
  const member = await requireMember('/account/renew');
  const values = textValues(formData, RENEW_FIELDS);
  const parsed = choiceFrom(formData);
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values };
  const result = await startRenewalCheckout(member.id, { groupCode: parsed.data.groupCode, declarationAccepted: true }, await currentLocale());
  return settle(result, values);
}

/** The invoice opened from an emailed link, without signing in: pays that invoice only. */
export async function payInvoiceFromLinkAction(_previous: RenewFormState, formData: FormData): Promise<RenewFormState> {
  const values = textValues(formData, RENEW_FIELDS);
  const link = readInvoiceLinkToken(String(formData.get('invoiceLink') ?? ''));
  if (!link) return { status: 'error', formError: { code: 'invoiceExpired' }, values };
  const parsed = choiceFrom(formData);
  if (!parsed.success) return { status: 'error', fieldErrors: fieldErrorsFrom(parsed.error), values };
  const result = await startInvoiceCheckout(link.invoiceId, { groupCode: parsed.data.groupCode, declarationAccepted: true }, await currentLocale());
  return settle(result, values);
}

/**
 * The demo payment page's button (local use, no Stripe key): settles the payment in this request
 * through the same fulfilment function as Stripe's webhook, then shows the success page.
 */
export async function confirmDemoPaymentAction(_previous: DemoPaymentState, formData: FormData): Promise<DemoPaymentState> {
  if (stripeClient()) return { status: 'error', formError: { code: 'paymentUnavailable' } };
  const link = readInvoiceLinkToken(String(formData.get('invoiceLink') ?? ''));
  const invoice = link ? await findInvoiceById(await getDb(), link.invoiceId) : null;
  if (!invoice) return { status: 'error', formError: { code: 'invoiceExpired' } };
  if (invoice.status !== 'open') return { status: 'error', formError: { code: invoice.status === 'paid' ? 'invoicePaid' : 'invoiceVoid' } };
  const result = await fulfilPayment({
    provider: 'demo',
    providerPaymentId: `demo_${invoice.id}`,
    invoiceId: invoice.id,
    amountCents: invoice.totalCents,
    currency: invoice.currency,
    paidAt: new Date(),
  });
  if (result.outcome !== 'applied' && result.outcome !== 'duplicate') {
    return { status: 'error', formError: { code: result.outcome === 'invoice_not_open' ? 'invoicePaid' : 'paymentUnavailable' } };
  }
  deliverSoon();
  redirect(`/${await currentLocale()}${invoicePagePath(invoice, '/paid')}`);
}
