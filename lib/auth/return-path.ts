import { isLocale } from '@/lib/i18n/routing';

/**
 * Where to send a member after sign-in: only ever a path inside the site, without its locale prefix
 * (the destination is shown in the member's current language). Anything else gives the profile.
 */
export function safeReturnPath(raw: unknown, fallback = '/account'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 512) return fallback;
  // Absolute, protocol-relative (//host) and backslash tricks (/\host) leave the site.
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\') || /[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    // Encoded control characters (%0d%0a) have no business in a return path either.
    if (/[\u0000-\u001f\u007f]/.test(decodeURIComponent(raw))) return fallback;
    url = new URL(raw, 'http://portal.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://portal.invalid') return fallback;
  const [, first, ...rest] = url.pathname.split('/');
  const path = isLocale(first) ? `/${rest.join('/')}` : url.pathname;
  if (path === '/' || path.startsWith('/login') || path.startsWith('/api') || path.startsWith('/dev')) return fallback;
  return `${path}${url.search}`;
}
