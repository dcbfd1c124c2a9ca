import 'server-only';
import { after } from 'next/server';
import { env } from '@/lib/env';
import { deliverDueEmails } from './deliver';

/**
 * Call after the transaction that enqueued an email has committed: delivery starts once the response is sent,
 * so the member does not wait for the provider. A failure here only delays the email until the next cron run.
 */
export function deliverSoon(): void {
  if (!env().resendApiKey) return;
  after(async () => {
    try {
      await deliverDueEmails({ limit: 10 });
    } catch (error) {
      console.error('[email] delivery after the response failed; the outbox keeps the emails for the next run', error);
    }
  });
}
