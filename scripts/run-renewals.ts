import { closeDb } from '@/db/client';
import { runRenewalJob } from '@/lib/renewal/job';

// The same run as the cron route: invoices for members entering the renewal window, then reminders.
// Emails wait in the outbox; `npm run jobs:outbox` (or its cron route) delivers them.
try {
  const counts = await runRenewalJob();
  console.log(
    `Renewals: ${counts.invoicesCreated} invoice(s) created, ${counts.emailsQueued} email(s) queued, ${counts.invoicesVoided} stale invoice(s) voided.`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
