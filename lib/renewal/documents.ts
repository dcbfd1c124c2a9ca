import 'server-only';
import type { Executor } from '@/db/client';
import type { Invoice, Payment } from '@/db/schema';
import { addDays, todayIso } from '@/lib/dates';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/routing';
import { renderInvoicePdf, type InvoiceDocument } from './invoice-pdf';
import { invoiceLinesOf, loadRenewalMember } from './invoices';
import { invoiceLinkUrl } from './invoice-link';
import { expiryAfterRenewal } from './rules';

export type PdfFile = { filename: string; content: Uint8Array; contentType: 'application/pdf' };

/**
 * The invoice, or once paid its receipt, as a PDF in the given language. Read with the caller's
 * executor, so a receipt made inside the payment's transaction shows the payment.
 */
export async function invoicePdf(
  db: Executor,
  invoice: Invoice,
  locale: Locale,
  payment: Pick<Payment, 'provider' | 'providerPaymentId' | 'receivedAt'> | null,
): Promise<PdfFile> {
  const [member, lines] = await Promise.all([loadRenewalMember(db, invoice.memberId), invoiceLinesOf(db, invoice.id)]);
  if (!member) throw new Error(`Invoice ${invoice.number} names a member that does not exist`);
  const paid = invoice.status === 'paid';
  const coverageTo = invoice.newExpiresOn ?? expiryAfterRenewal(invoice.renewsExpiryOn, invoice.dueOn, member.category.termMonths);
  const document: InvoiceDocument = {
    kind: paid ? 'receipt' : 'invoice',
    locale,
    number: invoice.number,
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    status: invoice.status,
    member: { firstName: member.firstName, lastName: member.lastName, cspaNumber: member.cspaNumber, email: member.email, address: member.address },
    lines: lines.map((line) => ({
      description: locale === 'fr' ? line.descriptionFr : line.descriptionEn,
      quantity: line.quantity,
      unitCents: line.unitCents,
      amountCents: line.amountCents,
    })),
    totalCents: invoice.totalCents,
    currency: invoice.currency,
    coverage: { from: coverageFrom(invoice), to: coverageTo },
    payment: paid && payment ? { paidAt: payment.receivedAt.toISOString(), method: payment.provider, reference: payment.providerPaymentId } : null,
    payUrl: invoice.status === 'open' ? invoiceLinkUrl(locale, invoice.id, invoice.payableUntil) : null,
    contactEmail: env().contactOfficeEmail,
  };
  const prefix = paid ? (locale === 'fr' ? 'Recu' : 'Receipt') : locale === 'fr' ? 'Facture' : 'Invoice';
  return { filename: `ACPS-CSPA-${prefix}-${invoice.number}.pdf`, content: await renderInvoicePdf(document), contentType: 'application/pdf' };
}

/** The new term starts the day after the old expiry, or the day of payment when it had lapsed. */
function coverageFrom(invoice: Invoice): string {
  const paidOn = invoice.paidAt ? todayIso(invoice.paidAt) : invoice.dueOn;
  return invoice.renewsExpiryOn >= paidOn ? addDays(invoice.renewsExpiryOn, 1) : paidOn;
}
