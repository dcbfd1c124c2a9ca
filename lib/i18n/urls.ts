import 'server-only';
import { env } from '@/lib/env';
import type { Locale } from './routing';

/**
 * Absolute links for emails and QR codes, always from SITE_URL (never from a request's Host header).
 * Every route is locale-prefixed (routing.localePrefix is 'always').
 */
export function absoluteUrl(locale: Locale, pathname: `/${string}`, query?: Record<string, string>): string {
  const url = new URL(`${env().siteUrl}/${locale}${pathname === '/' ? '' : pathname}`);
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * A link without a locale, for bilingual print (the card's QR code): whoever opens it is sent by the
 * proxy to the same page in their browser's language.
 */
export function absoluteUrlForAnyLocale(pathname: `/${string}`): string {
  return `${env().siteUrl}${pathname}`;
}
