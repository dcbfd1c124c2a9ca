import 'server-only';
import { z } from 'zod';

/**
 * The only reader of process.env. Two modes, decided here and nowhere else:
 * - local: SITE_URL unset or pointing at localhost, and not on Vercel. Needs no variable at all.
 * - deployed: VERCEL is set, or SITE_URL is anything else. Secrets must then be real.
 */

const LOCAL_AUTH_SECRET = 'local-only-secret-never-used-when-deployed-0123456789abcdef';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const rawEnvSchema = z.object({
  DATABASE_URL: optionalText,
  DATABASE_POOL_MODE: z.enum(['session', 'transaction']).default('session'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
  PGLITE_DIR: optionalText,
  SITE_URL: optionalText.pipe(z.url().optional()),
  PORT: optionalText,
  VERCEL: optionalText,
  AUTH_SECRET: optionalText,
  RESEND_API_KEY: optionalText,
  // Points the Resend client at another server (the tests' fake); unset in real use.
  RESEND_BASE_URL: optionalText.pipe(z.url().optional()),
  MAIL_FROM: optionalText,
  CRON_SECRET: optionalText,
  CONTACT_ACCOUNT_EMAIL: optionalText.pipe(z.email().optional()),
  CONTACT_OFFICE_EMAIL: optionalText.pipe(z.email().optional()),
  RENEWAL_WINDOW_DAYS: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? Number(value) : 60))
    .pipe(z.number().int().min(1).max(180)),
  STRIPE_SECRET_KEY: optionalText,
  STRIPE_WEBHOOK_SECRET: optionalText,
  // Points the Stripe client at another server (the tests' fake); unset in real use.
  STRIPE_API_BASE_URL: optionalText.pipe(z.url().optional()),
});

export type Env = {
  mode: 'local' | 'deployed';
  siteUrl: string;
  databaseUrl: string | undefined;
  databasePoolMode: 'session' | 'transaction';
  databasePoolMax: number;
  pgliteDir: string;
  authSecret: string;
  resendApiKey: string | undefined;
  resendBaseUrl: string | undefined;
  mailFrom: string;
  cronSecret: string | undefined;
  contactAccountEmail: string;
  contactOfficeEmail: string;
  /** Renewal opens this many days before expiry. */
  renewalWindowDays: number;
  /** Unset only locally: the demo payment page then stands in for Stripe Checkout. */
  stripe: { secretKey: string; webhookSecret: string | undefined; apiBaseUrl: string | undefined } | undefined;
};

export class EnvironmentError extends Error {
  constructor(problems: string[]) {
    super(`The portal cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvironmentError';
  }
}

function isLocalHost(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = rawEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvironmentError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const raw = parsed.data;
  const deployed = Boolean(raw.VERCEL) || (raw.SITE_URL !== undefined && !isLocalHost(raw.SITE_URL));
  const mode = deployed ? 'deployed' : 'local';

  if (mode === 'deployed') {
    const missing = (['SITE_URL', 'DATABASE_URL', 'AUTH_SECRET', 'RESEND_API_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] as const).filter(
      (name) => !raw[name],
    );
    if (missing.length > 0) {
      throw new EnvironmentError(
        missing.map((name) => `${name} is required when the portal is deployed (see README, "Environment variables")`),
      );
    }
    if (raw.AUTH_SECRET!.length < 32) {
      throw new EnvironmentError(['AUTH_SECRET must be at least 32 characters (generate one with `openssl rand -base64 33`)']);
    }
  }

  const siteUrl = (raw.SITE_URL ?? `http://localhost:${raw.PORT ?? '3000'}`).replace(/\/+$/, '');
  return {
    mode,
    siteUrl,
    databaseUrl: raw.DATABASE_URL,
    databasePoolMode: raw.DATABASE_POOL_MODE,
    databasePoolMax: raw.DATABASE_POOL_MAX,
    pgliteDir: raw.PGLITE_DIR ?? '.data/pglite',
    authSecret: raw.AUTH_SECRET ?? LOCAL_AUTH_SECRET,
    resendApiKey: raw.RESEND_API_KEY,
    resendBaseUrl: raw.RESEND_BASE_URL?.replace(/\/+$/, ''),
    mailFrom: raw.MAIL_FROM ?? 'ACPS · CSPA <no-reply@cspa.ca>',
    cronSecret: raw.CRON_SECRET,
    contactAccountEmail: raw.CONTACT_ACCOUNT_EMAIL ?? 'imis@cspa.ca',
    contactOfficeEmail: raw.CONTACT_OFFICE_EMAIL ?? 'office@cspa.ca',
    renewalWindowDays: raw.RENEWAL_WINDOW_DAYS,
    stripe: raw.STRIPE_SECRET_KEY
      ? { secretKey: raw.STRIPE_SECRET_KEY, webhookSecret: raw.STRIPE_WEBHOOK_SECRET, apiBaseUrl: raw.STRIPE_API_BASE_URL }
      : undefined,
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= readEnv();
  return cached;
}
