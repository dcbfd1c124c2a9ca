/**
 * The security headers of every response, decided in one place (the proxy applies them).
 * Pure functions, so the HTTPS-only parts are unit-tested without a certificate.
 */

export type SecurityContext = { nonce: string; https: boolean; development: boolean; pathname: string };

// Pages whose URL carries a token (one-time links, card checks): never leak it through a Referer.
const TOKEN_PAGES = /^\/(fr|en)\/(reset-password|confirm-email|verify\/|invoice\/)/;
// The dev mailbox shows stored email HTML (inline styles) in a sandboxed frame.
const MAILBOX = /^\/dev\/mailbox/;

export function contentSecurityPolicy({ nonce, https, development, pathname }: SecurityContext): string {
  const mailbox = MAILBOX.test(pathname);
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a trusted (nonced) script are trusted; nothing else runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    mailbox ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws:' : ''}`,
    mailbox ? "frame-src 'self'" : "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Files (the card PDF) get a policy of their own: nothing to run, but the browser's PDF viewer may show them. */
export const FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const FILE_ROUTES = /^\/(fr|en)\/(account\/card|account\/invoices\/[^/]+\/pdf|invoice\/[^/]+\/pdf)$/;

export function securityHeaders(context: SecurityContext): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': FILE_ROUTES.test(context.pathname) ? FILE_CONTENT_SECURITY_POLICY : contentSecurityPolicy(context),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': TOKEN_PAGES.test(context.pathname) ? 'no-referrer' : 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  // Two years, subdomains included, only where the site really is served over HTTPS.
  if (context.https) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
