import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invoices, memberGroups, type Invoice } from '@/db/schema';
import { todayIso } from '@/lib/dates';
import { env } from '@/lib/env';
import { absoluteUrl } from '@/lib/i18n/urls';
import type { Locale } from '@/lib/i18n/routing';
import { createCheckoutSession, stripeClient } from '@/lib/payments/stripe';
import { DECLARATION_VERSION } from './declaration';
import { ensureInvoice, findInvoiceById, invoiceLinesOf, loadRenewalMember } from './invoices';
import { invoiceLinkToken } from './invoice-link';
import { canRenewOnline, renewalStage } from './rules';

export type CheckoutChoice = { groupCode: string; declarationAccepted: true };

export type CheckoutStart =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'notRenewable' | 'invoicePaid' | 'invoiceVoid' | 'invoiceExpired' | 'unknownGroup' | 'paymentUnavailable' };

/** Where the payment pages of an invoice live: the signed link works signed in or not. */
export function invoicePagePath(invoice: Pick<Invoice, 'id' | 'payableUntil'>, suffix = ''): `/${string}` {
  return `/invoice/${invoiceLinkToken(invoice.id, invoice.payableUntil)}${suffix}`;
}

/** The signed-in member's current term: creates its invoice if needed (the first POST that proceeds). */
export async function startRenewalCheckout(memberId: string, choice: CheckoutChoice, locale: Locale, now = new Date()): Promise<CheckoutStart> {
  const db = await getDb();
  const today = todayIso(now);
  const prepared = await db.transaction(async (tx) => {
    const member = await loadRenewalMember(tx, memberId);
    if (!member?.membershipExpiresOn) return { ok: false as const, code: 'notRenewable' as const };
    const stage = renewalStage({ membershipExpiresOn: member.membershipExpiresOn, renewableOnline: member.category.renewableOnline }, today, env().renewalWindowDays);
    if (!canRenewOnline(stage)) return { ok: false as const, code: 'notRenewable' as const };
    const { invoice } = await ensureInvoice(tx, { ...member, membershipExpiresOn: member.membershipExpiresOn }, today);
    return { ok: true as const, invoiceId: invoice.id };
  });
  if (!prepared.ok) return prepared;
  return startInvoiceCheckout(prepared.invoiceId, choice, locale, now);
}

/**
 * Records the member's choices on an open invoice, then sends them to pay: Stripe Checkout when a key
 * is configured, the demo payment page otherwise. Refuses paid, void and expired invoices.
 */
export async function startInvoiceCheckout(invoiceId: string, choice: CheckoutChoice, locale: Locale, now = new Date()): Promise<CheckoutStart> {
  const db = await getDb();
  const recorded = await db.transaction(async (tx) => {
    const invoice = await findInvoiceById(tx, invoiceId, { lock: true });
    if (!invoice) return { ok: false as const, code: 'invoiceVoid' as const };
    if (invoice.status === 'paid') return { ok: false as const, code: 'invoicePaid' as const };
    if (invoice.status === 'void') return { ok: false as const, code: 'invoiceVoid' as const };
    if (invoice.payableUntil <= now) return { ok: false as const, code: 'invoiceExpired' as const };
    // Renewed another way (by the office) since the invoice was made: this invoice has nothing left to pay for.
    const member = await loadRenewalMember(tx, invoice.memberId);
    if (member?.membershipExpiresOn !== invoice.renewsExpiryOn) return { ok: false as const, code: 'invoiceVoid' as const };
    const [group] = await tx.select({ code: memberGroups.code }).from(memberGroups).where(eq(memberGroups.code, choice.groupCode));
    if (!group) return { ok: false as const, code: 'unknownGroup' as const };
    const [updated] = await tx
      .update(invoices)
      .set({ groupCode: group.code, declarationVersion: DECLARATION_VERSION, declarationAcceptedAt: now, updatedAt: now })
      .where(eq(invoices.id, invoice.id))
      .returning();
    return { ok: true as const, invoice: updated! };
  });
  if (!recorded.ok) return recorded;
  const { invoice } = recorded;

  const stripe = stripeClient();
  if (!stripe) return { ok: true, redirectTo: `/${locale}${invoicePagePath(invoice, '/demo-payment')}` };
  const [member, lines] = await Promise.all([loadRenewalMember(db, invoice.memberId), invoiceLinesOf(db, invoice.id)]);
  try {
    const url = await createCheckoutSession(stripe, {
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      cspaNumber: member!.cspaNumber,
      email: member!.email,
      locale,
      currency: invoice.currency,
      lines: lines.map((line) => ({ description: locale === 'fr' ? line.descriptionFr : line.descriptionEn, quantity: line.quantity, unitCents: line.unitCents })),
      successUrl: absoluteUrl(locale, invoicePagePath(invoice, '/paid')),
      cancelUrl: absoluteUrl(locale, invoicePagePath(invoice), { cancelled: '1' }),
    });
    return { ok: true, redirectTo: url };
  } catch (error) {
    console.error('Stripe Checkout session could not be created', error);
    return { ok: false, code: 'paymentUnavailable' };
  }
}
