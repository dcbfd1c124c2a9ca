import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, FILE_CONTENT_SECURITY_POLICY, newNonce, securityHeaders } from '@/lib/security/headers';

const page = { nonce: 'bm9uY2U=', https: true, development: false, pathname: '/fr/account' };

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]));
}

describe('security headers', () => {
  it('send HSTS for two years with subdomains when the site is on HTTPS, and never on plain HTTP', () => {
    expect(securityHeaders(page)['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    expect(securityHeaders({ ...page, https: false })['Strict-Transport-Security']).toBeUndefined();
  });

  it('upgrade insecure requests only on HTTPS', () => {
    expect(contentSecurityPolicy(page)).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ ...page, https: false })).not.toContain('upgrade-insecure-requests');
  });

  it('allow only nonced scripts, no plugins, no base tag, no framing', () => {
    const csp = directives(contentSecurityPolicy(page));
    expect(csp.get('script-src')).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp.get('style-src')).toBe("'self' 'nonce-bm9uY2U='");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(contentSecurityPolicy(page)).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('keep tokens out of Referers on one-time-link and card-check pages', () => {
    expect(securityHeaders(page)['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    for (const pathname of ['/fr/reset-password', '/en/confirm-email', '/fr/verify/AAAAAAAAAAAAAAAAAAAAAA']) {
      expect(securityHeaders({ ...page, pathname })['Referrer-Policy']).toBe('no-referrer');
    }
  });

  it('give the card file its own policy, and the dev mailbox inline styles for stored email HTML', () => {
    expect(securityHeaders({ ...page, pathname: '/fr/account/card' })['Content-Security-Policy']).toBe(FILE_CONTENT_SECURITY_POLICY);
    expect(directives(contentSecurityPolicy({ ...page, pathname: '/dev/mailbox/1' })).get('style-src')).toContain("'unsafe-inline'");
  });

  it('set the other headers the HTTP Observatory checks', () => {
    expect(securityHeaders(page)).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    expect(securityHeaders(page)['Permissions-Policy']).toContain('camera=()');
  });

  it('make a new nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(atob(newNonce())).toHaveLength(16);
  });
});
