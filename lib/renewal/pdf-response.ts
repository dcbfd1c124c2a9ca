import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payments, type Invoice } from '@/db/schema';
import type { Locale } from '@/lib/i18n/routing';
import { invoicePdf } from './documents';

/** An invoice or receipt PDF as a download, never cached by anything between the server and the member. */
export async function invoicePdfResponse(invoice: Invoice, locale: Locale): Promise<Response> {
  const db = await getDb();
  const [payment] =
    invoice.status === 'paid'
      ? await db.select().from(payments).where(and(eq(payments.invoiceId, invoice.id), eq(payments.outcome, 'applied'))).orderBy(desc(payments.receivedAt)).limit(1)
      : [];
  const file = await invoicePdf(db, invoice, locale, payment ?? null);
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(file.content.byteLength),
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
