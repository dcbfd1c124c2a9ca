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
