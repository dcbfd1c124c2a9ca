import { hasLocale } from 'next-intl';
import { getDb } from '@/db/client';
import { routing } from '@/lib/i18n/routing';
import { invoicePdfResponse } from '@/lib/renewal/pdf-response';
import { readInvoiceLinkToken } from '@/lib/renewal/invoice-link';
import { findInvoiceById } from '@/lib/renewal/invoices';

/** The invoice (or its receipt once paid) that a signed link names, as a PDF. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, token } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response(null, { status: 404 });
  const link = readInvoiceLinkToken(decodeURIComponent(token));
  const invoice = link ? await findInvoiceById(await getDb(), link.invoiceId) : null;
  if (!invoice) return new Response(null, { status: 404 });
  return invoicePdfResponse(invoice, locale);
}
