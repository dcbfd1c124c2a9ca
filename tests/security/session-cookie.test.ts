import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The session cookie's Secure flag follows SITE_URL: on https Auth.js names it `__Secure-authjs.session-token`
 * and sets Secure (with HttpOnly, SameSite=Lax and Path=/, which sessions.spec.ts checks on the wire). The test
 * servers run on plain http, so the https side is checked here, on the configuration itself.
 */

const site = vi.hoisted(() => ({ url: 'http://localhost:3000' }));

vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, env: () => ({ ...actual.env(), siteUrl: site.url }) };
});

afterEach(() => {
  site.url = 'http://localhost:3000';
});

describe('the session cookie', () => {
  it('is Secure, with the __Secure- prefix, whenever SITE_URL is https', async () => {
    const { authConfig } = await import('@/lib/auth/config');
    site.url = 'https://membres.cspa.ca';
    const config = authConfig();
    expect(config.useSecureCookies).toBe(true);
    // No override of Auth.js's cookie defaults (HttpOnly, SameSite=Lax, Path=/, Secure as above).
    expect(config.cookies).toBeUndefined();
    expect(config.session).toMatchObject({ strategy: 'jwt' });
  });

  it('is not Secure on a local http site, where a browser would drop it', async () => {
    const { authConfig } = await import('@/lib/auth/config');
    expect(authConfig().useSecureCookies).toBe(false);
  });
});
