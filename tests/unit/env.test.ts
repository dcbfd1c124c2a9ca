import { describe, expect, it } from 'vitest';
import { EnvironmentError, readEnv } from '@/lib/env';

describe('environment', () => {
  it('needs no variable at all for local use', () => {
    const env = readEnv({});
    expect(env.mode).toBe('local');
    expect(env.siteUrl).toBe('http://localhost:3000');
    expect(env.databaseUrl).toBeUndefined();
    expect(env.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(env.contactAccountEmail).toBe('imis@cspa.ca');
    expect(env.contactOfficeEmail).toBe('office@cspa.ca');
  });

  it('defaults the local site URL to the port the server listens on', () => {
    expect(readEnv({ PORT: '4100' }).siteUrl).toBe('http://localhost:4100');
    expect(readEnv({ SITE_URL: 'http://127.0.0.1:5000/' }).siteUrl).toBe('http://127.0.0.1:5000');
  });

  it('treats a non-local SITE_URL or VERCEL as deployed and refuses to start without secrets', () => {
    expect(() => readEnv({ SITE_URL: 'https://membres.cspa.ca' })).toThrow(EnvironmentError);
    expect(() => readEnv({ VERCEL: '1' })).toThrow(/SITE_URL is required[\s\S]*DATABASE_URL is required[\s\S]*AUTH_SECRET is required[\s\S]*RESEND_API_KEY is required[\s\S]*STRIPE_SECRET_KEY is required[\s\S]*STRIPE_WEBHOOK_SECRET is required/);
  });

  it('accepts a complete deployed configuration', () => {
    const env = readEnv({
      SITE_URL: 'https://membres.cspa.ca',
      DATABASE_URL: 'postgres://user:pw@db.example.net:6543/portal',
      DATABASE_POOL_MODE: 'transaction',
      AUTH_SECRET: 'x'.repeat(44),
      RESEND_API_KEY: 're_123',
      STRIPE_SECRET_KEY: 'sk_live_123',
      STRIPE_WEBHOOK_SECRET: 'whsec_123',
    });
    expect(env.mode).toBe('deployed');
    expect(env.databasePoolMode).toBe('transaction');
    expect(env.siteUrl).toBe('https://membres.cspa.ca');
  });

  it('refuses a short AUTH_SECRET when deployed', () => {
    expect(() =>
      readEnv({ SITE_URL: 'https://membres.cspa.ca', DATABASE_URL: 'postgres://x', AUTH_SECRET: 'short', RESEND_API_KEY: 're_1', STRIPE_SECRET_KEY: 'sk_1', STRIPE_WEBHOOK_SECRET: 'whsec_1' }),
    ).toThrow(/at least 32 characters/);
  });

  it('refuses a malformed URL or contact address', () => {
    expect(() => readEnv({ SITE_URL: 'not a url' })).toThrow(EnvironmentError);
    expect(() => readEnv({ CONTACT_OFFICE_EMAIL: 'office at cspa' })).toThrow(EnvironmentError);
  });
});
