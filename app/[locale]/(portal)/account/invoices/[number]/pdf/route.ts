import { NextResponse, type NextRequest } from 'next/server';
import { hasLocale } from 'next-intl';
import { getCurrentMember } from '@/lib/auth/current-member';
import { getPathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';
import { findMemberInvoice } from '@/lib/renewal/invoices';
import { invoicePdfResponse } from '@/lib/renewal/pdf-response';

/** One of the signed-in member's own invoices as a PDF; another member's number finds nothing (404). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string; number: string }> }) {
  const { locale, number } = await params;
  if (!hasLocale(routing.locales, locale)) return new NextResponse(null, { status: 404 });
  const member = await getCurrentMember();
  if (!member) {
    const signIn = getPathname({ href: { pathname: '/login', query: { next: '/account/invoices' } }, locale });
    return NextResponse.redirect(new URL(signIn, request.url), 303);
  }
  const invoice = /^\d{4}-\d{6,}$/.test(number) ? await findMemberInvoice(member.id, number) : null;
  if (!invoice) return new NextResponse(null, { status: 404 });
  return invoicePdfResponse(invoice, locale);
}
