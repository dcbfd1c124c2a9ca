import 'server-only';
import { Resend } from 'resend';
import { env } from '@/lib/env';

/** The only place that builds the provider's client; RESEND_BASE_URL lets tests point it at a local fake. */
export function createResendClient(apiKey: string): Resend {
  const { resendBaseUrl } = env();
  return new Resend(apiKey, resendBaseUrl ? { baseUrl: resendBaseUrl } : undefined);
}
