import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { groupAffiliations, invoices, members, payments, type Invoice } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { loadCardData } from '@/lib/card/member-card';
import { renderMembershipCardCached } from '@/lib/card/card-cache';
import { todayIso } from '@/lib/dates';
import { enqueueEmail } from '@/lib/email/outbox';
import { absoluteUrl } from '@/lib/i18n/urls';
import { invoicePdf } from './documents';
import { findInvoiceById, loadRenewalMember, type RenewalMember } from './invoices';
import { expiryAfterRenewal, membershipYearOf } from './rules';

/** A payment as the provider reports it; nothing in it is trusted until checked against the invoice. */
export type PaymentReport = {
  provider: 'stripe' | 'demo';
  /** The provider's id for this payment: the key that makes fulfilment happen once. */
  providerPaymentId: string;
  invoiceId: string | null;
  amountCents: number;
  currency: string;
  paidAt: Date;
};

export type FulfilmentResult =
  | { outcome: 'applied'; invoiceId: string; newExpiresOn: string }
  | { outcome: 'duplicate' }
  | { outcome: 'mismatch'; detail: string }
  | { outcome: 'invoice_not_open'; invoiceId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mismatchOf(invoice: Invoice | null, report: PaymentReport): string | null {
  if (!invoice) return `no invoice ${report.invoiceId ?? '(none given)'}`;
  if (report.currency.toUpperCase() !== invoice.currency.toUpperCase()) return `currency ${report.currency} instead of ${invoice.currency}`;
  if (report.amountCents !== invoice.totalCents) return `amount ${report.amountCents} instead of ${invoice.totalCents}`;
  return null;
}

/**
 * The one function that turns a payment into a renewal, whoever reports it (the Stripe webhook, the
 * demo page): marks the invoice paid, records the payment, extends the membership and queues the
 * receipt with the new card, all in one transaction. The invoice row is locked first, so deliveries
 * of the same payment queue behind each other; the unique (provider, payment id) then lets only the
 * first one through. A payment that does not match its invoice is recorded and changes nothing else.
 */
export async function fulfilPayment(report: PaymentReport): Promise<FulfilmentResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const invoice = report.invoiceId && UUID.test(report.invoiceId) ? await findInvoiceById(tx, report.invoiceId, { lock: true }) : null;
    const mismatch = mismatchOf(invoice, report);
    const member = invoice && !mismatch && invoice.status === 'open' ? await loadRenewalMember(tx, invoice.memberId, { lock: true }) : null;
    // The office may have renewed the term another way before the job voided this invoice: never twice.
    const termMoved = member !== null && member.membershipExpiresOn !== invoice!.renewsExpiryOn;
    const paidOn = todayIso(report.paidAt);
    const applies = member !== null && !termMoved;
    const expiresBefore = member?.membershipExpiresOn ?? null;
    const expiresAfter = applies ? expiryAfterRenewal(expiresBefore ?? paidOn, paidOn, member.category.termMonths) : null;
    const outcome = mismatch ? 'mismatch' : applies ? 'applied' : 'invoice_not_open';
    const notOpenDetail = termMoved ? `term already renewed: expiry is ${member.membershipExpiresOn}, invoice renews ${invoice!.renewsExpiryOn}` : `invoice already ${invoice?.status}`;

    const [recorded] = await tx
      .insert(payments)
      .values({
        provider: report.provider,
        providerPaymentId: report.providerPaymentId,
        invoiceId: invoice?.id ?? null,
        memberId: invoice?.memberId ?? null,
        amountCents: report.amountCents,
        currency: report.currency.toUpperCase(),
        outcome,
        detail: mismatch ?? (outcome === 'invoice_not_open' ? notOpenDetail : null),
        expiresBefore,
        expiresAfter,
        receivedAt: report.paidAt,
      })
      .onConflictDoNothing()
      .returning();
    if (!recorded) return { outcome: 'duplicate' };

    if (outcome !== 'applied') {
      await recordAudit(tx, {
        actorLabel: `payment:${report.provider}`,
        subjectMemberId: invoice?.memberId ?? null,
        action: `payment.${outcome}`,
        changes: { payment: { old: null, new: { id: report.providerPaymentId, amountCents: report.amountCents, currency: report.currency, detail: recorded.detail } } },
      });
      return outcome === 'mismatch' ? { outcome, detail: mismatch! } : { outcome, invoiceId: invoice!.id };
    }

    const paid = await applyRenewal(tx, invoice!, member!, { paidAt: report.paidAt, newExpiresOn: expiresAfter! });
    await sendReceipt(tx, paid, member!, recorded);
    return { outcome: 'applied', invoiceId: paid.id, newExpiresOn: expiresAfter! };
  });
}

async function applyRenewal(tx: Transaction, invoice: Invoice, member: RenewalMember, change: { paidAt: Date; newExpiresOn: string }): Promise<Invoice> {
  await tx
    .update(members)
    .set({ membershipExpiresOn: change.newExpiresOn, rowVersion: sql`${members.rowVersion} + 1`, updatedAt: change.paidAt })
    .where(eq(members.id, member.id));
  const [paid] = await tx
    .update(invoices)
    .set({ status: 'paid', paidAt: change.paidAt, newExpiresOn: change.newExpiresOn, updatedAt: change.paidAt })
    .where(eq(invoices.id, invoice.id))
    .returning();
  if (invoice.groupCode) {
    // Registered participants are counted per group and membership year from these rows.
    const membershipYear = membershipYearOf(change.newExpiresOn);
    await tx
      .insert(groupAffiliations)
      .values({ memberId: member.id, membershipYear, groupCode: invoice.groupCode })
      .onConflictDoUpdate({ target: [groupAffiliations.memberId, groupAffiliations.membershipYear], set: { groupCode: invoice.groupCode } });
  }
  await recordAudit(tx, {
    actorLabel: 'payment',
    subjectMemberId: member.id,
    action: 'membership.renewed',
    changes: {
      membershipExpiresOn: { old: member.membershipExpiresOn, new: change.newExpiresOn },
      invoice: { old: { number: invoice.number, status: invoice.status }, new: { number: invoice.number, status: 'paid' } },
    },
  });
  return paid!;
}

/** Members expect both files by email: the receipt and the card that the payment just renewed. */
async function sendReceipt(tx: Transaction, invoice: Invoice, member: RenewalMember, payment: typeof payments.$inferSelect): Promise<void> {
  const locale = member.preferredLanguage;
  const [receipt, cardData] = await Promise.all([invoicePdf(tx, invoice, locale, payment), loadCardData(member.id, todayIso(), tx)]);
  if (!cardData) throw new Error('The renewed member has no card data');
  const card = await renderMembershipCardCached(cardData);
  await enqueueEmail(tx, {
    to: member.email,
    memberId: member.id,
    locale,
    template: {
      name: 'renewal-receipt',
      props: {
        firstName: member.firstName,
        cspaNumber: member.cspaNumber,
        invoiceNumber: invoice.number,
        amountCents: invoice.totalCents,
        currency: invoice.currency,
        paidOn: todayIso(payment.receivedAt),
        newExpiresOn: invoice.newExpiresOn!,
        cardUrl: absoluteUrl(locale, '/account/card'),
        invoicesUrl: absoluteUrl(locale, '/account/invoices'),
      },
    },
    attachments: [
      receipt,
      { filename: `CSPA-ACPS-${member.cspaNumber}-${invoice.newExpiresOn!.slice(0, 4)}.pdf`, content: card, contentType: 'application/pdf' },
    ],
  });
}
