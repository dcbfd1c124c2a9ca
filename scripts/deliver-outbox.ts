import { closeDb } from '@/db/client';
import { deliverDueEmails, type DeliveryCounts } from '@/lib/email/deliver';
import { env } from '@/lib/env';

// Bounded so a provider that keeps failing cannot keep the job running: failures wait for their next attempt anyway.
const MAX_BATCHES = 20;
const BATCH_SIZE = 50;

async function main(): Promise<void> {
  if (!env().resendApiKey) {
    console.log('RESEND_API_KEY is not set: nothing is sent. Emails stay in the outbox; read them at /dev/mailbox.');
    return;
  }
  const total: DeliveryCounts = { sent: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const counts = await deliverDueEmails({ limit: BATCH_SIZE });
    total.sent += counts.sent;
    total.retried += counts.retried;
    total.failed += counts.failed;
    if (counts.sent + counts.retried + counts.failed === 0) break;
  }
  console.log(`Outbox: ${total.sent} sent, ${total.retried} to retry later, ${total.failed} failed for good.`);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
