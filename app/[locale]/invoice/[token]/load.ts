import 'server-only';
import { notFound } from 'next/navigation';
import { readInvoiceLinkToken } from '@/lib/renewal/invoice-link';
import { getInvoiceView, type InvoiceView } from '@/lib/renewal/overview';

/** The invoice a signed link names, or the link's 404 page (tampered, expired, unknown). */
export async function invoiceFromLink(token: string): Promise<InvoiceView> {
  const link = readInvoiceLinkToken(decodeURIComponent(token));
  const view = link ? await getInvoiceView(link.invoiceId) : null;
  if (!view) notFound();
  return view;
}
