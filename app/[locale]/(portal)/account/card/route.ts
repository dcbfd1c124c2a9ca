import { NextResponse, type NextRequest } from 'next/server';
import { hasLocale } from 'next-intl';
import { getCurrentMember } from '@/lib/auth/current-member';
import { loadCardData } from '@/lib/card/member-card';
import { renderMembershipCardCached } from '@/lib/card/card-cache';
import { getPathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';

/**
 * The signed-in member's own card, as a PDF: `?view=inline` opens it in the browser (iPhone Safari
 * handles that better than a download). The member comes from the session only; no id is read from the request.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return new NextResponse(null, { status: 404 });
  const inline = request.nextUrl.searchParams.get('view') === 'inline';

  const member = await getCurrentMember();
  if (!member) {
    const next = inline ? '/account/card?view=inline' : '/account/card';
    const signIn = getPathname({ href: { pathname: '/login', query: { next } }, locale });
    return NextResponse.redirect(new URL(signIn, request.url), 303);
  }

  const card = await loadCardData(member.id);
  if (!card) return new NextResponse(null, { status: 404 });
  const pdf = await renderMembershipCardCached(card);
  const year = (card.validUntil ?? card.issuedOn).slice(0, 4);
  const filename = `CSPA-ACPS-${card.cspaNumber}-${year}.pdf`;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(pdf);
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.byteLength),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
