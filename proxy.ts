import { NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';
import { env } from '@/lib/env';
import { newNonce, securityHeaders } from '@/lib/security/headers';

const localeRouting = createMiddleware(routing);

/**
 * Locale routing, and the security headers of every response with a fresh CSP nonce per request
 * (Next reads the nonce from the request's CSP header and puts it on its own scripts).
 * Authorization is checked in every page, action and route handler, never here.
 */
export default function proxy(request: NextRequest): NextResponse | Response {
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    https: env().siteUrl.startsWith('https://'),
    development: process.env.NODE_ENV === 'development',
    pathname: request.nextUrl.pathname,
  });
  const forwarded = new Headers(request.headers);
  forwarded.set('x-nonce', nonce);
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy']!);

  const pathname = request.nextUrl.pathname;
  const outsideLocales = pathname.startsWith('/api/') || pathname.startsWith('/dev/');
  const response = outsideLocales
    ? NextResponse.next({ request: { headers: forwarded } })
    : localeRouting(new NextRequest(request, { headers: forwarded }));
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's static files and files with an extension.
  matcher: '/((?!_next/static|_next/image|_vercel|.*\\..*).*)',
};
