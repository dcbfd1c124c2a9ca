import { expect, test } from './fixtures';

// Mozilla HTTP Observatory's header tests, checked on the production build (its HTTPS-only parts,
// HSTS and redirection, are unit tests of lib/security/headers.ts: these servers have no certificate).
const pages = ['/fr', '/en/login', '/fr/forgot-password', '/en/account', '/fr/verify/AAAAAAAAAAAAAAAAAAAAAA', '/dev/mailbox', '/api/cron/outbox'];

test('every response carries the security headers, each page its own nonce', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of pages) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['referrer-policy'], path).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
    expect(headers['cross-origin-opener-policy'], path).toBe('same-origin');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    expect(headers['x-powered-by'], path).toBeUndefined();
    nonces.add(csp.match(/'nonce-([^']+)'/)![1]!);
  }
  expect(nonces.size).toBe(pages.length);
});

test('the HTML uses the nonce of its own response on every script', async ({ request }) => {
  const response = await request.get('/fr/login');
  const nonce = response.headers()['content-security-policy']!.match(/'nonce-([^']+)'/)![1]!;
  const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
});

test('token pages send no Referer, and the card file gets its own strict policy', async ({ request }) => {
  expect((await request.get('/fr/reset-password?token=x')).headers()['referrer-policy']).toBe('no-referrer');
  expect((await request.get('/en/verify/AAAAAAAAAAAAAAAAAAAAAA')).headers()['referrer-policy']).toBe('no-referrer');
  const card = await request.get('/fr/account/card', { maxRedirects: 0 });
  expect(card.headers()['content-security-policy']).toMatch(/^default-src 'none'/);
});
